import Engine
import Policy
import Scenario

/// `meshsim validate SCENARIO...`: every error and warning as `FILE:LINE:COLUMN: …` on
/// stdout, a count on stderr; simulates nothing.
enum ValidateCommand {
    static func run(paths: [String], console: inout Console) -> ExitCode {
        var errors = 0
        var warnings = 0
        for path in paths {
            let loaded = ScenarioLoader.load(path: path)
            var diagnostics = loaded.diagnostics
            if let scenario = loaded.scenario {
                // Not an error of the file, but `run` will refuse it: say so now.
                diagnostics += Engine.Simulator.notSimulatedYet(scenario).map { .warning($0.message, at: $0.location) }
                diagnostics += PolicyLint.diagnostics(scenario)
                diagnostics = inFileOrder(diagnostics)
            }
            for diagnostic in diagnostics {
                console.print(diagnostic.description)
                if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            }
        }
        let files = paths.count == 1 ? "1 file" : "\(paths.count) files"
        console.printError("\(files) checked: \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))")
        return errors > 0 ? .badInput : .success
    }

    /// Stable, so findings at one place keep the order they were found in.
    private static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { left, right in
            let (a, b) = (left.element.location, right.element.location)
            return (a.file, a.line, a.column, left.offset) < (b.file, b.line, b.column, right.offset)
        }.map(\.element)
    }

    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }
}
