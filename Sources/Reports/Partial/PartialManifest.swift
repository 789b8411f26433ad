import Experiments
import Scenario

/// partial.csv: what a shard's partial folder is a part of — the experiment's plan, a
/// fingerprint of its inputs, the inconclusive policy and which shard it is — so that
/// `meshsim merge` can assemble the reports with no scenario at hand, and can refuse parts
/// of different experiments.
public struct PartialManifest: Sendable, Hashable {
    public static let fileName = "partial.csv"
    public static let outcomesFileName = "outcomes.csv"
    /// The unit's own report files sit under this folder, at the path they take when merged.
    public static let filesFolder = "files"
    static let format = "meshsim-partial 1"

    public var plan: ExperimentPlan
    /// Of the scenario's text and the options that change results, as the command computed it.
    public var fingerprint: String
    public var inconclusive: InconclusivePolicy
    public var shard: Shard
    /// The meshsim version that wrote it: results may differ between versions.
    public var version: String

    public init(plan: ExperimentPlan, fingerprint: String, inconclusive: InconclusivePolicy, shard: Shard, version: String) {
        self.plan = plan
        self.fingerprint = fingerprint
        self.inconclusive = inconclusive
        self.shard = shard
        self.version = version
    }

    /// Everything but the shard: equal for the parts of one experiment.
    public var experiment: [[String]] { Array(rows.dropLast()) }

    public var csv: String {
        var table = CSVTable(header: ["key", "value"])
        for row in rows { table.append(row) }
        return table.text
    }

    private var rows: [[String]] {
        var rows: [[String]] = [
            ["format", Self.format], ["meshsim", version], ["fingerprint", fingerprint],
            ["command", plan.command.rawValue], ["scenario", plan.scenarioName], ["seed", String(plan.seed)],
            ["replications", String(plan.replications)], ["keep", plan.keepUnits ? "yes" : "no"],
            ["inconclusive", inconclusive.rawValue],
        ]
        for setup in plan.setups {
            rows.append(["setup", setup.name] + setup.assertions)
        }
        for axis in plan.axes {
            rows.append(["axis", axis.path] + axis.values)
        }
        rows.append(["shard", String(shard.index), String(shard.count)])
        return rows
    }

    /// Reads partial.csv; nil when it is not one this version writes.
    public init?(csv text: String) {
        guard let rows = CSVReader.rows(text), rows.first == ["key", "value"] else { return nil }
        var values: [String: String] = [:]
        var setups: [ExperimentPlan.Setup] = []
        var axes: [ExperimentPlan.Axis] = []
        var shard: Shard?
        for row in rows.dropFirst() {
            guard row.count >= 2 else { return nil }
            switch row[0] {
            case "setup": setups.append(ExperimentPlan.Setup(name: row[1], assertions: Array(row.dropFirst(2))))
            case "axis":
                guard row.count >= 3 else { return nil }
                axes.append(ExperimentPlan.Axis(path: row[1], values: Array(row.dropFirst(2))))
            case "shard":
                guard row.count == 3, let index = Int(row[1]), let count = Int(row[2]) else { return nil }
                shard = Shard(index: index, count: count)
            default:
                guard row.count == 2, values.updateValue(row[1], forKey: row[0]) == nil else { return nil }
            }
        }
        guard values["format"] == Self.format, let version = values["meshsim"], let fingerprint = values["fingerprint"],
              let command = values["command"].flatMap(ExperimentPlan.Command.init(rawValue:)),
              let name = values["scenario"], let seed = values["seed"].flatMap({ UInt64($0) }),
              let replications = values["replications"].flatMap({ Int($0) }), (1...Replication.maximum).contains(replications),
              let keep = values["keep"], keep == "yes" || keep == "no",
              let inconclusive = values["inconclusive"].flatMap(InconclusivePolicy.init(rawValue:)),
              let shard, !setups.isEmpty, Set(setups.map(\.name)).count == setups.count,
              setups.allSatisfy({ Self.isFolderName($0.name) }),
              setups.allSatisfy({ $0.assertions.allSatisfy { (try? AssertionParser.parse($0, at: SourceLocation(file: "partial", line: 1, column: 1))) != nil } })
        else { return nil }
        let plan = ExperimentPlan(
            command: command, scenarioName: name, seed: seed, setups: setups, axes: axes, replications: replications, keepUnits: keep == "yes")
        // A plan beyond the bound is not one any command makes; counted without overflowing.
        let points = axes.reduce(1) { Saturating.product($0, $1.values.count) }
        guard Saturating.product(Saturating.product(points, setups.count), replications) <= ExperimentPlan.maximumUnits else { return nil }
        self.init(plan: plan, fingerprint: fingerprint, inconclusive: inconclusive, shard: shard, version: version)
    }

    /// A compare's setups name folders of the merged reports, so a name is one plain path
    /// part, as the scenario's names are.
    private static func isFolderName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/")
    }
}
