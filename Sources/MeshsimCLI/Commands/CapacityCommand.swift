import Dispatch
import Engine
import Experiments
import Foundation
import ManifestImport
import Policy
import Reports
import Scenario

/// `meshsim capacity SCENARIO --vary PATH --from A --to B`: bisects the range for the edge
/// where the scenario's assertions start to fail, simulating the scenario (N replications)
/// at each value tried, and writes capacity.csv and report.html. Exits 0 when some value passes (or the
/// whole range does), 1 when none does, 2 on bad input before or during the search.
enum CapacityCommand {
    static func run(_ options: CapacityOptions, console: inout Console) -> ExitCode {
        var overrides: [Override] = []
        for text in options.sets {
            do {
                overrides.append(try Overrides.parseAssignment(text))
            } catch {
                console.printError(error.description)
                return .badInput
            }
        }
        let loader = PointLoader(options: options, overrides: overrides)
        // Both ends load before any run: a path that does not exist, or a value the field
        // does not take, is bad input found at once rather than after a long simulation.
        guard let first = loader.load(options.range.from, console: &console, warnings: true),
              let last = loader.load(options.range.to, console: &console, warnings: false)
        else { return .badInput }
        guard !first.assertions.isEmpty else {
            console.printError("error: \(options.scenario) has no assertions, so every value passes; capacity searches for the edge where one fails: add some, such as assertions: [\"p99 < 300ms\"]")
            return .badInput
        }
        // Once, for the range's first value: a search over `replicas` changes the count step by step.
        if !options.quiet, let size = ScenarioSize.line(first) { console.printError(size) }
        let replications = options.replications ?? first.replications ?? 1
        let folder = options.out ?? "Reports/\(first.name)-capacity"
        guard console.acceptsReportFolder(folder) else { return .badInput }

        let started = DispatchTime.now().uptimeNanoseconds
        let point = CapacityPoint(
            path: options.path, range: options.range, replications: replications,
            jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        var search = CapacitySearch(range: options.range)
        var steps: [CapacityStep] = []
        var preloaded = [options.range.from: first, options.range.to: last]
        while case .evaluate(let value) = search.next() {
            guard let scenario = preloaded.removeValue(forKey: value) ?? loader.load(value, console: &console, warnings: false) else {
                return .badInput
            }
            let step: CapacityStep
            switch point.evaluate(scenario, value: value, step: steps.count + 1) {
            case .success(let evaluated): step = evaluated
            case .failure(.unit(let failure)):
                for diagnostic in failure.diagnostics.diagnostics {
                    console.printError("\(options.path)=\(options.range.text(value)): \(diagnostic.description)")
                }
                return .badInput
            case .failure(.other(let error)):
                console.printError("error: \(error)")
                return .failure
            }
            steps.append(step)
            search.record(step.verdict)
            if console.stderrIsTerminal, !options.quiet {
                console.printError("step \(step.step): \(options.path)=\(options.range.text(value)): \(step.verdict.rawValue)")
            }
        }
        guard case .finished(let result) = search.next() else { return .failure }

        let csv = CapacityReport.csv(path: options.path, range: options.range, steps: steps)
        let page = CapacityPage.html(
            scenarioName: first.name, seed: first.seed, path: options.path, range: options.range, steps: steps, result: result)
        do {
            try ReportFolder.write(files: [(name: "capacity.csv", contents: csv), (name: "report.html", contents: page)], to: folder)
        } catch {
            console.printError("error: \(error.description)")
            return .failure
        }
        console.print(CapacityLines.render(path: options.path, range: options.range, steps: steps, result: result))
        if !options.quiet {
            let elapsed = NumberFormat.decimal(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, places: 2)
            console.printError("\(steps.count) values, \(steps.count * replications) simulations in \(elapsed) s; capacity.csv in \(folder)/")
        }
        return result.foundPassingValue(under: options.inconclusive) ? .success : .assertionFailed
    }

    /// Loads the scenario with `--set` and the varied path at one value.
    private struct PointLoader {
        var options: CapacityOptions
        var overrides: [Override]

        func load(_ value: Int64, console: inout Console, warnings: Bool) -> Scenario? {
            let text = options.range.text(value)
            let varied = Override(path: options.path, value: YAMLNode(.scalar(text, quoted: false), at: SourceLocation(file: "--vary \(options.path)=\(text)", line: 1, column: 1)))
            let expansion = ManifestExpansion(scenarioFile: options.scenario, extraManifests: options.manifests)
            let loaded = ScenarioLoader.load(path: options.scenario, overrides: overrides + [varied], expansion: expansion)
            for diagnostic in warnings ? loaded.diagnostics : loaded.errors { console.printError(diagnostic.description) }
            if let note = loaded.omittedNote, warnings || loaded.omittedErrors > 0 { console.printError("\(options.scenario): \(note)") }
            if warnings, let scenario = loaded.scenario {
                for warning in PolicyLint.diagnostics(scenario) { console.printError(warning.description) }
            }
            return loaded.scenario
        }
    }
}
