import Dispatch
import Engine
import Experiments
import Reports
import Scenario

/// Runs an experiment (replications, a sweep, or a shard of one): the simulations on
/// `--jobs` threads, each one's own report files written as it ends when they are kept,
/// then the files the experiment assembles from every outcome. A shard writes a partial
/// folder instead, for `meshsim merge`.
enum ExperimentCommand {
    /// Runs the experiment `run` or `compare` asked for, or prints why it cannot be; nil
    /// when they asked for none, so that the command runs as it always has.
    static func run(_ experiment: Result<ExperimentRequest?, DiagnosticList>, console: inout Console) -> ExitCode? {
        switch experiment {
        case .failure(let errors):
            for diagnostic in errors.diagnostics { console.printError(diagnostic.description) }
            return .badInput
        case .success(let request?):
            return run(request, console: &console)
        case .success(nil):
            return nil
        }
    }

    static func run(_ request: ExperimentRequest, console: inout Console) -> ExitCode {
        let plan = request.plan
        let staging: ReportFolder.Staging
        do {
            staging = try ReportFolder.Staging(directory: request.folder)
        } catch {
            console.printError("error: \(error.description)")
            return error.refusesPath ? .badInput : .failure
        }
        let shared = Locked(staging)
        let prefix = request.shard == nil ? "" : PartialManifest.filesFolder + "/"
        let started = DispatchTime.now().uptimeNanoseconds
        let line = Locked(ExperimentProgressLine())
        let showsProgress = console.stderrIsTerminal && !request.quiet
        let runner = ExperimentRunner(plan: plan, jobs: request.jobs, limits: request.limits, shard: request.shard)
        let load: @Sendable (Int, Int) -> Result<Scenario, DiagnosticList> = { request.scenario(point: $0, setup: $1) }
        let finish: @Sendable (WorkUnit, Scenario, RunResult) throws -> UnitOutcome = { unit, scenario, result in
            if let folder = plan.unitFolder(unit) {
                for file in RunReports.files(for: result, metricsStart: request.metricsStart) {
                    try shared.withLock { (staging: inout ReportFolder.Staging) throws(ReportWriteError) in
                        try staging.add(prefix + folder + file.name, file.contents)
                    }
                }
            }
            return outcome(unit, scenario, result, plan: plan)
        }
        let draw: @Sendable (ExperimentRunner.Progress) -> Void = { progress in line.withLock { $0.update(progress) } }
        let outcomes: [UnitOutcome]
        do {
            defer { if showsProgress { line.withLock { $0.clear() } } }
            outcomes = try runner.run(scenario: load, finish: finish, progress: showsProgress ? draw : nil)
        } catch let failure as ExperimentRunner.Failure {
            shared.withLock { $0.discard() }
            for diagnostic in failure.diagnostics.diagnostics {
                console.printError("\(request.label(failure.unit)): \(diagnostic.description)")
            }
            return .badInput
        } catch {
            shared.withLock { $0.discard() }
            console.printError("error: \(error)")
            return .failure
        }

        var files: [(name: String, contents: String)]
        if let shard = request.shard {
            let manifest = PartialManifest(
                plan: plan, fingerprint: request.fingerprint, inconclusive: request.policy, shard: shard, version: Meshsim.version)
            files = [(PartialManifest.fileName, manifest.csv), (PartialManifest.outcomesFileName, OutcomeCodec.csv(outcomes))]
        } else {
            files = ExperimentReports.files(plan: plan, outcomes: outcomes, policy: request.policy)
        }
        do throws(ReportWriteError) {
            try shared.withLock { (staging: inout ReportFolder.Staging) throws(ReportWriteError) in
                for file in files { try staging.add(file.name, file.contents) }
                try staging.commit()
            }
        } catch {
            shared.withLock { $0.discard() }
            console.printError("error: \(error.description)")
            return .failure
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let shard = request.shard {
            if !request.quiet {
                console.printError("shard \(shard): ran \(outcomes.count) of \(plan.unitCount) simulations in \(NumberFormat.decimal(elapsed, places: 2)) s; "
                    + "partial folder \(request.folder)/; when all \(shard.count) have run: meshsim merge PARTIAL... --out DIR")
            }
            return .success
        }
        console.print(ExperimentReports.terminal(plan: plan, outcomes: outcomes, policy: request.policy))
        if !request.quiet {
            console.printError("ran \(outcomes.count) simulations in \(NumberFormat.decimal(elapsed, places: 2)) s; reports in \(request.folder)/")
        }
        return ExperimentReports.passes(plan: plan, outcomes: outcomes, policy: request.policy) ? .success : .assertionFailed
    }

    /// What the experiment keeps of a run. A single run's printed summary needs its response
    /// counts and rollout, which an outcome does not keep, so it keeps the text. Without a
    /// sweep it keeps what report.html charts: the intervals and the fault windows.
    static func outcome(_ unit: WorkUnit, _ scenario: Scenario, _ result: RunResult, plan: ExperimentPlan) -> UnitOutcome {
        let counted = scenario.countedDuration
        var texts: [String: String] = [:]
        if plan.command == .run, plan.replications == 1, plan.axes.isEmpty {
            texts[ExperimentReports.terminalText] = RunTerminal.render(result)
        }
        var outcome = UnitOutcome(
            unit: unit.index, summary: result.summary, countedDuration: counted, rollout: result.rollout?.result.rawValue,
            assertions: AssertionEvaluator.measurements(scenario.assertions, result: result, countedDuration: counted),
            mesh: result.mesh, proxyCost: scenario.mesh.proxyCost, texts: texts)
        if plan.axes.isEmpty {
            outcome.timeseries = result.timeseries
            outcome.events = result.events.filter { $0.kind == "fault_start" || $0.kind == "fault_end" }
            outcome.duration = result.duration
            outcome.interval = result.interval
        }
        return outcome
    }
}
