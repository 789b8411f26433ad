import Engine
import Experiments
import Foundation
import ManifestImport
import Reports
import Scenario

/// An experiment as `run` or `compare` asked for it: the plan, how each cell's scenario
/// loads, and where and how to run it.
struct ExperimentRequest: Sendable {
    /// How one setup's scenario loads: its file, its overrides (`--set`, a variant's), the
    /// manifests given after it, and the scenario as loaded without a sweep point.
    struct Setup: Sendable {
        var name: String
        var path: String
        var overrides: [Override]
        var manifests: [String] = []
        var scenario: Scenario
    }

    var plan: ExperimentPlan
    var setups: [Setup]
    /// The sweep's axes with their values as YAML, in the plan's order.
    var axes: [SweepAxis]
    var fingerprint: String
    var policy: InconclusivePolicy
    var jobs: Int
    var shard: Shard?
    var folder: String
    var limits: RunLimits
    var quiet: Bool
    /// Where metrics.om's timestamps start, for the runs that write one.
    var metricsStart: EpochTime = .defaultStart

    /// A cell's scenario: the setup's, with the point's values applied after its overrides.
    func scenario(point: Int, setup index: Int) -> Result<Scenario, DiagnosticList> {
        let setup = setups[index]
        guard !axes.isEmpty else { return .success(setup.scenario) }
        let overrides = SweepGrid.overrides(axes, at: plan.coordinates(ofPoint: point))
        let expansion = ManifestExpansion(scenarioFile: setup.path, extraManifests: setup.manifests)
        let loaded = ScenarioLoader.load(path: setup.path, overrides: setup.overrides + overrides, expansion: expansion)
        guard let scenario = loaded.scenario else { return .failure(DiagnosticList(loaded.errors)) }
        return .success(scenario)
    }

    /// The errors of each value of the `--sweep` axes applied alone to each setup, as
    /// `validate` reports a scenario's own `sweep:` values, so that a mistyped path or value
    /// (or one a second scenario file lacks) stops the command before anything runs.
    func commandLineAxisErrors() -> [Diagnostic] {
        for setup in setups {
            let expansion = ManifestExpansion(scenarioFile: setup.path, extraManifests: setup.manifests)
            let named = setups.count > 1 ? " (\(setup.name))" : ""
            for axis in axes where axis.location.file == SweepArgument.commandLineFile {
                for value in axis.values {
                    let loaded = ScenarioLoader.load(path: setup.path, overrides: setup.overrides + [Override(path: axis.path, value: value)], expansion: expansion)
                    let errors = loaded.errors.map { Diagnostic.error("in --sweep \(axis.path)=\(value.flowText)\(named): \($0.message)", at: $0.location) }
                    if !errors.isEmpty { return errors }
                }
            }
        }
        return []
    }

    /// How people name a unit in a message: "point 3 (rate=800/s), canary, replication 2".
    func label(_ unit: WorkUnit) -> String {
        var parts: [String] = []
        if !plan.axes.isEmpty {
            let values = zip(plan.axes, plan.values(ofPoint: unit.point)).map { "\($0.path)=\($1)" }
            parts.append("point \(unit.point + 1) (\(values.joined(separator: ", ")))")
        }
        if plan.command == .compare { parts.append(setups[unit.setup].name) }
        if plan.replications > 1 { parts.append("replication \(unit.replication)") }
        return parts.joined(separator: ", ")
    }

    /// FNV-1a 64 of the scenario files' text and the arguments that change results, so that
    /// `merge` refuses parts of different experiments (manifests are not part of it: a shard
    /// is expected to run on the same checkout).
    static func fingerprint(files: [String], arguments: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            hash ^= 0xff
            hash = hash &* 0x0000_0100_0000_01b3
        }
        for file in files { add(FileManager.default.contents(atPath: file) ?? Data()) }
        for argument in arguments { add(argument.utf8) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
