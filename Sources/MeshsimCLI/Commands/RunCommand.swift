import Dispatch
import Engine
import Experiments
import ManifestImport
import Policy
import Reports
import Scenario

/// `meshsim run SCENARIO [MANIFEST...]`: read the manifests given with those the scenario
/// names, simulate, write the report folder, print the summary table and the assertions,
/// and exit 1 when one failed (the reports are written all the same).
enum RunCommand {
    static func run(_ options: RunOptions, console: inout Console) -> ExitCode {
        // --seed and --duration are overrides like --set, so validation sees the run's values.
        var overrides: [Override] = []
        if let seed = options.seed { overrides.append(commandLineOverride("seed", String(seed), option: "--seed")) }
        if let duration = options.duration { overrides.append(commandLineOverride("duration", duration, option: "--duration")) }
        if let format = options.metrics.format { overrides.append(metricsOverride(format)) }
        for text in options.sets {
            do {
                overrides.append(try Overrides.parseAssignment(text))
            } catch {
                console.printError(error.description)
                return .badInput
            }
        }
        let expansion = ManifestExpansion(scenarioFile: options.scenario, extraManifests: options.manifests)
        let loaded = ScenarioLoader.load(path: options.scenario, overrides: overrides, expansion: expansion)
        for diagnostic in loaded.diagnostics { console.printError(diagnostic.description) }
        if let note = loaded.omittedNote { console.printError("\(options.scenario): \(note)") }
        guard let scenario = loaded.scenario else { return .badInput }
        for warning in PolicyLint.diagnostics(scenario) { console.printError(warning.description) }
        if options.metrics.startTime != nil, scenario.metrics == nil {
            console.printError("error: \(UsageError.startTimeWithoutMetrics(command: "run").description)")
            return .badInput
        }
        let metricsStart = options.metrics.startTime ?? .defaultStart
        // Once, before any variant or sweep point runs: they share the base's size.
        let size = ScenarioSize.line(scenario)
        if !options.quiet, let size { console.printError(size) }

        let setup = ExperimentRequest.Setup(
            name: scenario.name, path: options.scenario, overrides: overrides, manifests: options.manifests, scenario: scenario)
        let limits = RunLimits(inFlight: options.maxInFlight ?? RunLimits.defaultInFlight)
        let arguments = ["run", options.seed.map { String($0) } ?? "", options.duration ?? "", String(limits.inFlight)] + options.sets + options.manifests
            + options.metrics.fingerprintArguments
        let experiment = ExperimentSetup.request(
            command: .run, options: options.experiment, base: scenario, setups: [setup], jobs: options.jobs, limits: limits,
            out: options.out, quiet: options.quiet, defaultFolder: "Reports/\(scenario.name)", arguments: arguments,
            metricsStart: metricsStart)
        if let code = ExperimentCommand.run(experiment, console: &console) { return code }

        let folder = options.out ?? "Reports/\(scenario.name)"
        guard console.acceptsReportFolder(folder) else { return .badInput }

        let started = DispatchTime.now().uptimeNanoseconds
        var line = ProgressLine(sink: console.progressSink)
        let showsProgress = console.stderrIsTerminal && !options.quiet
        let progress: ((RunProgress) -> Void)? = showsProgress ? { line.update($0) } : nil
        // Only a big world takes long enough to build to be worth a line.
        let building: ((Int, Int) -> Void)? = showsProgress && size != nil ? { line.building($0, of: $1) } : nil
        let result: RunResult
        do {
            defer { line.clear() }
            result = try Simulator.run(scenario, limits: limits, progress: progress, building: building)
        } catch {
            for diagnostic in error.diagnostics { console.printError(diagnostic.description) }
            return .badInput
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        do {
            try ReportFolder.write(files: RunReports.files(for: result, metricsStart: metricsStart), to: folder)
        } catch {
            console.printError("error: \(error.description)")
            return .failure
        }
        console.print(RunTerminal.render(result))
        let requests = result.summary.first?.counts.requests ?? 0
        if !options.quiet {
            console.printError("simulated \(requests) requests over \(simulatedSeconds(result.endTime)) s in \(wallSeconds(elapsed)) s; reports in \(folder)/")
        }
        return result.assertions.allSatisfy(\.passed) ? .success : .assertionFailed
    }

    private static func commandLineOverride(_ path: String, _ value: String, option: String) -> Override {
        Override(path: path, value: YAMLNode(.scalar(value, quoted: false), at: SourceLocation(file: option, line: 1, column: 1)))
    }

    /// `--metrics FORMAT` as the override `metrics=FORMAT`, which `compare` applies to every setup.
    static func metricsOverride(_ format: MetricsFormat) -> Override {
        commandLineOverride("metrics", format.rawValue, option: "--metrics")
    }

    private static func simulatedSeconds(_ time: Nanoseconds) -> String {
        NumberFormat.seconds(time)
    }

    private static func wallSeconds(_ seconds: Double) -> String {
        NumberFormat.decimal(seconds, places: 2)
    }
}
