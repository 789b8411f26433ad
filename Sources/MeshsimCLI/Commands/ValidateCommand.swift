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
                diagnostics += PolicyLint.diagnostics(scenario)
                diagnostics = diagnostics.inFileOrder()
            }
            for diagnostic in diagnostics {
                console.print(diagnostic.description)
                if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            }
            if let note = loaded.omittedNote { console.print("\(path): \(note)") }
            errors += loaded.omittedErrors
            warnings += loaded.omittedWarnings
        }
        let files = paths.count == 1 ? "1 file" : "\(paths.count) files"
        console.printError("\(files) checked: \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))")
        return errors > 0 ? .badInput : .success
    }

    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }
}
