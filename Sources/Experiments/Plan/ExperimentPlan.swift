/// What an experiment runs, independent of where and in how many parts: the setups, the
/// sweep's grid and the replications. Everything the merge of shards needs to assemble the
/// reports without the scenario is here, so a shard's partial folder carries it.
public struct ExperimentPlan: Sendable, Hashable {
    public enum Command: String, Sendable, Hashable { case run, compare }

    /// One parameter of the sweep as the reports show it: its path and each value's text.
    public struct Axis: Sendable, Hashable {
        public var path: String
        public var values: [String]

        public init(path: String, values: [String]) {
            self.path = path
            self.values = values
        }
    }

    public struct Setup: Sendable, Hashable {
        /// The variant's name for compare; the scenario's name for run.
        public var name: String
        /// The setup's assertions as written, in order (a variant may change them).
        public var assertions: [String]

        public init(name: String, assertions: [String]) {
            self.name = name
            self.assertions = assertions
        }
    }

    public var command: Command
    public var scenarioName: String
    public var seed: UInt64
    public var setups: [Setup]
    /// Empty without a sweep: one point, the scenario as written.
    public var axes: [Axis]
    public var replications: Int
    /// Each unit's own report folder is written too (`--keep-replications`).
    public var keepUnits: Bool

    public init(
        command: Command, scenarioName: String, seed: UInt64, setups: [Setup], axes: [Axis] = [], replications: Int = 1,
        keepUnits: Bool = false
    ) {
        self.command = command
        self.scenarioName = scenarioName
        self.seed = seed
        self.setups = setups
        self.axes = axes
        self.replications = replications
        self.keepUnits = keepUnits
    }

    /// Points of the sweep's grid (1 without a sweep). Callers bound the grid first
    /// (`maximumUnits`), so the product cannot overflow.
    public var pointCount: Int {
        axes.reduce(1) { $0 * max($1.values.count, 1) }
    }

    public var unitCount: Int {
        pointCount * setups.count * replications
    }

    /// The most simulations one experiment may plan: a grid of a million points is a typo,
    /// not a plan, and its outcomes alone would not fit in memory.
    public static let maximumUnits = 1_000_000

    public func unit(_ index: Int) -> WorkUnit {
        let replication = index % replications
        let cell = index / replications
        return WorkUnit(index: index, point: cell / setups.count, setup: cell % setups.count, replication: replication + 1)
    }

    /// The value index on each axis of grid point `point`; the first axis varies slowest.
    public func coordinates(ofPoint point: Int) -> [Int] {
        var remainder = point
        var coordinates = Array(repeating: 0, count: axes.count)
        for axis in axes.indices.reversed() {
            let count = max(axes[axis].values.count, 1)
            coordinates[axis] = remainder % count
            remainder /= count
        }
        return coordinates
    }

    /// The value texts of grid point `point`, one per axis.
    public func values(ofPoint point: Int) -> [String] {
        zip(axes, coordinates(ofPoint: point)).map { $0.values[$1] }
    }
}

extension ExperimentPlan {
    /// Whether each simulation's report files are written at all without
    /// `--keep-replications`: a plain run's are the reports, and compare without
    /// replications or sweep writes each setup's, as it always has.
    public var writesEveryUnit: Bool {
        keepUnits || (replications == 1 && axes.isEmpty)
    }

    /// The folder, relative to the report folder and ending in "/" (or empty), where the
    /// unit's own report files go; nil when they are not written.
    ///
    /// `points/<p>/` for a sweep (p from 1), then `<setup>/` for compare, then
    /// `replications/<k>/` with several replications.
    public func unitFolder(_ unit: WorkUnit) -> String? {
        guard writesEveryUnit else { return nil }
        var folder = ""
        if !axes.isEmpty { folder += "points/\(unit.point + 1)/" }
        if command == .compare { folder += "\(setups[unit.setup].name)/" }
        if replications > 1 { folder += "replications/\(unit.replication)/" }
        return folder
    }
}
