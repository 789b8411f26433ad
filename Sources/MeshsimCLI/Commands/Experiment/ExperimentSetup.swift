import Engine
import Experiments
import Foundation
import Reports
import Scenario

/// Turns `run` and `compare` options into an experiment, or says there is none (one run
/// of each setup, as before replications and sweeps existed).
enum ExperimentSetup {
    /// The experiment the options and the scenario ask for; nil for the plain command;
    /// a message when they ask for one that cannot be (an unsweepable path, a grid too big).
    static func request(
        command: ExperimentPlan.Command, options: ExperimentOptions, base: Scenario, setups: [ExperimentRequest.Setup],
        jobs: Int?, limits: RunLimits, out: String?, quiet: Bool, defaultFolder: String, arguments: [String],
        metricsStart: EpochTime = .defaultStart
    ) -> Result<ExperimentRequest?, DiagnosticList> {
        // Every setup runs on the same grid and seeds, or the pairs compared are not pairs.
        for setup in setups.dropFirst()
        where setup.scenario.replications != base.replications || setup.scenario.sweep.map(\.path) != base.sweep.map(\.path)
            || setup.scenario.sweep.map({ $0.values.map(\.flowText) }) != base.sweep.map({ $0.values.map(\.flowText) }) {
            return .failure(DiagnosticList([.error(
                "\(setup.name) has other replications or another sweep than \(setups[0].name); every setup of a compare runs the same experiment, so set them outside variants",
                at: setup.scenario.sectionLocations["replications"] ?? setup.scenario.sectionLocations["sweep"] ?? setup.scenario.sectionLocations["name"]
                    ?? SourceLocation(file: setup.path, line: 1, column: 1))]))
        }
        var axes = base.sweep
        if !options.sweeps.isEmpty {
            do {
                axes = try SweepArgument.parse(options.sweeps)
            } catch {
                return .failure(DiagnosticList([error]))
            }
            let bound = SweepGrid.boundErrors(axes, name: "--sweep", at: SourceLocation(file: SweepArgument.commandLineFile, line: 1, column: 1))
            if !bound.isEmpty { return .failure(DiagnosticList(bound)) }
        }
        let replications = options.replications ?? base.replications ?? 1
        guard replications > 1 || !axes.isEmpty || options.shard != nil else { return .success(nil) }
        for axis in axes {
            if let message = SweepGrid.unsweepableMessage(axis.path) { return .failure(DiagnosticList([.error(message, at: axis.location)])) }
        }
        let plan = ExperimentPlan(
            command: command, scenarioName: base.name, seed: base.seed,
            setups: setups.map { ExperimentPlan.Setup(name: $0.name, assertions: $0.scenario.assertions.map(\.text)) },
            axes: axes.map { ExperimentPlan.Axis(path: $0.path, values: $0.values.map(\.flowText)) },
            replications: replications, keepUnits: options.keepReplications)
        if !plan.writesEveryUnit, let setup = setups.first(where: { $0.scenario.metrics != nil }) {
            return .failure(DiagnosticList([.error(
                "metrics.om goes into each simulation's own report folder, which replications and sweeps write only when asked; add --keep-replications",
                at: setup.scenario.sectionLocations["metrics"] ?? SourceLocation(file: setup.path, line: 1, column: 1))]))
        }
        let units = Saturating.product(SweepGrid.pointCount(axes), setups.count * replications)
        guard units <= ExperimentPlan.maximumUnits else {
            let location = axes.first?.location ?? base.sectionLocations["replications"] ?? SourceLocation(file: "--replications", line: 1, column: 1)
            return .failure(DiagnosticList([.error(
                "the experiment would run more than \(CountText.grouped(ExperimentPlan.maximumUnits)) simulations (sweep points × setups × replications); sweep fewer values or run fewer replications",
                at: location)]))
        }
        var folder = out ?? defaultFolder
        if out == nil, let shard = options.shard { folder += "-shard-\(shard.index)-of-\(shard.count)" }
        let fingerprint = ExperimentRequest.fingerprint(files: Array(Set(setups.map(\.path))).sorted(), arguments: arguments)
        let request = ExperimentRequest(
            plan: plan, setups: setups, axes: axes, fingerprint: fingerprint, policy: options.inconclusive ?? .fail,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, shard: options.shard, folder: folder, limits: limits, quiet: quiet,
            metricsStart: metricsStart)
        let errors = request.commandLineAxisErrors()
        return errors.isEmpty ? .success(request) : .failure(DiagnosticList(errors))
    }
}
