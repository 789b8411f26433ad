import Engine
import Experiments
import Foundation
import ManifestImport
import Reports
import Scenario

/// `meshsim compare`: the variants of one scenario (all, or those `--variant` picks), or two
/// scenario files, run side by side on identical traffic. Writes `compare.csv` and each
/// setup's reports under `DIR/<setup>/`, and prints a side-by-side table, then the
/// assertions each setup failed; exits 1 when any setup failed one. `--jobs` setups run
/// at once (default one per core), with the same results at any count.
enum CompareCommand {
    typealias Setup = ExperimentRequest.Setup

    static func run(_ options: CompareOptions, console: inout Console) -> ExitCode {
        guard let setups = setups(options, console: &console) else { return .badInput }
        if options.metrics.startTime != nil, !setups.contains(where: { $0.scenario.metrics != nil }) {
            console.printError("error: \(UsageError.startTimeWithoutMetrics(command: "compare").description)")
            return .badInput
        }
        let metricsStart = options.metrics.startTime ?? .defaultStart
        // Once per scenario file, not once per variant.
        if !options.quiet {
            var seen = Set<String>()
            for setup in setups where seen.insert(setup.path).inserted {
                if let size = ScenarioSize.line(setup.scenario) { console.printError(size) }
            }
        }
        let limits = limits(maxInFlight: options.maxInFlight, setups: setups.count)
        let arguments = ["compare", String(limits.inFlight)] + options.scenarios + options.variants + options.metrics.fingerprintArguments
        let experiment = ExperimentSetup.request(
            command: .compare, options: options.experiment, base: setups[0].scenario, setups: setups, jobs: options.jobs, limits: limits,
            out: options.out, quiet: options.quiet, defaultFolder: "Reports/\(setups[0].scenario.name)-compare", arguments: arguments,
            metricsStart: metricsStart)
        if let code = ExperimentCommand.run(experiment, console: &console) { return code }
        let jobs = options.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let folder = options.out ?? "Reports/\(setups[0].scenario.name)-compare"
        guard console.acceptsReportFolder(folder) else { return .badInput }
        let results = Simulator.runEach(setups.map(\.scenario), jobs: jobs, limits: limits)
        var finished: [CompareSetup] = []
        for (setup, result) in zip(setups, results) {
            switch result {
            case .success(let run): finished.append(CompareSetup(name: setup.name, result: run, proxyCost: setup.scenario.mesh.proxyCost))
            case .failure(let error):
                for diagnostic in error.diagnostics { console.printError("\(setup.name): \(diagnostic.description)") }
                return .badInput
            }
        }
        // The top folder's files come from what the experiment keeps of each run, as `meshsim
        // merge` of the sharded compare has them, so that both write the same bytes.
        let plan = ExperimentPlan(
            command: .compare, scenarioName: setups[0].scenario.name, seed: setups[0].scenario.seed,
            setups: setups.map { ExperimentPlan.Setup(name: $0.name, assertions: $0.scenario.assertions.map(\.text)) })
        let outcomes = zip(setups, finished).enumerated().map { index, pair in
            ExperimentCommand.outcome(plan.unit(index), pair.0.scenario, pair.1.result, plan: plan)
        }
        var files = ExperimentReports.files(plan: plan, outcomes: outcomes, policy: .fail)
        for setup in finished {
            files += RunReports.files(for: setup.result, metricsStart: metricsStart).map { (name: "\(setup.name)/\($0.name)", contents: $0.contents) }
        }
        do {
            try ReportFolder.write(files: files, to: folder)
        } catch {
            console.printError("error: \(error.description)")
            return .failure
        }
        console.print(CompareTable.renderWithFailures(finished))
        let failed = finished.contains { !$0.result.assertions.allSatisfy(\.passed) }
        if !options.quiet {
            console.printError("compared \(finished.count) setups on identical traffic; reports in \(folder)/")
        }
        return failed ? .assertionFailed : .success
    }

    /// `--max-in-flight` bounds each setup's run. Without it the default cap, which keeps one
    /// run near 1 GB, is shared by the setups (each keeps at least `minimumShare`), so that a
    /// compare of overloaded setups on many cores stays near 1 GB too. Shared by the setups,
    /// not by the runs going at once: whether a compare stops must not depend on `--jobs`.
    /// metrics.om's bound is shared the same way: the compare writes its folder, every
    /// setup's metrics.om in it, at once.
    static func limits(maxInFlight: Int?, setups: Int) -> RunLimits {
        var limits = RunLimits(inFlight: maxInFlight ?? max(RunLimits.defaultInFlight / max(setups, 1), minimumShare))
        limits.metricsBytes = RunLimits.defaultMetricsBytes / Double(max(setups, 1))
        return limits
    }

    /// About 150 MB of work in flight: a share below it would stop runs that fit easily.
    static let minimumShare = 1_000_000

    /// The setups to run, each loaded and validated; nil after printing why not.
    private static func setups(_ options: CompareOptions, console: inout Console) -> [Setup]? {
        // --metrics applies to every setup, after a variant's own overrides.
        let metrics = options.metrics.format.map { [RunCommand.metricsOverride($0)] } ?? []
        if options.scenarios.count == 2 {
            if sameFile(options.scenarios[0], options.scenarios[1]) {
                console.printError("error: \(options.scenarios[0]) and \(options.scenarios[1]) are the same file; compare two different scenarios, or the variants of one (meshsim compare \(options.scenarios[0]))")
                return nil
            }
            var setups: [Setup] = []
            for path in options.scenarios {
                guard let scenario = load(path, overrides: metrics, console: &console) else { return nil }
                setups.append(Setup(name: scenario.name, path: path, overrides: metrics, scenario: scenario))
            }
            // Each setup's reports go to a folder named after it, so the names must differ:
            // the scenario names, else the file names, else the file names numbered.
            if setups[0].name == setups[1].name {
                setups = zip(setups, options.scenarios).map { setup, path in
                    var renamed = setup
                    renamed.name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
                    return renamed
                }
            }
            if setups[0].name == setups[1].name {
                setups = setups.enumerated().map { index, setup in
                    var renamed = setup
                    renamed.name = "\(setup.name)-\(index + 1)"
                    return renamed
                }
            }
            return setups
        }
        let path = options.scenarios[0]
        guard let base = load(path, overrides: [], console: &console) else { return nil }
        let names = base.variants.map(\.name)
        guard !names.isEmpty else {
            console.printError("error: \(path) has no variants to compare; add a variants: section, or give two scenario files")
            return nil
        }
        for name in options.variants where !names.contains(name) {
            console.printError("error: --variant \(name): no such variant; \(Suggestion.hint(for: name, among: names, listName: "variants are"))")
            return nil
        }
        var setups: [Setup] = []
        for variant in base.variants where options.variants.isEmpty || options.variants.contains(variant.name) {
            guard let scenario = load(path, overrides: variant.overrides + metrics, console: &console) else { return nil }
            setups.append(Setup(name: variant.name, path: path, overrides: variant.overrides + metrics, scenario: scenario))
        }
        return setups
    }

    /// Both paths name one file, whatever the spelling (`x.yaml`, `./x.yaml`, a link to it).
    private static func sameFile(_ first: String, _ second: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(first) == resolved(second)
    }

    /// A variant that overrides `manifests:` reads its own manifests (main's and a pull
    /// request's, side by side); the expansion sees the override first (`ScenarioLoader`).
    private static func load(_ path: String, overrides: [Override], console: inout Console) -> Scenario? {
        let loaded = ScenarioLoader.load(path: path, overrides: overrides, expansion: ManifestExpansion(scenarioFile: path))
        for diagnostic in loaded.errors { console.printError(diagnostic.description) }
        if loaded.omittedErrors > 0 { console.printError("\(path): \(loaded.omittedErrors) more errors not shown") }
        return loaded.scenario
    }
}
