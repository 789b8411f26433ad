import ManifestImport
import Policy
import Scenario

/// `meshsim validate [--strict] SCENARIO [MANIFEST...]...`: every error and warning as
/// `FILE:LINE:COLUMN: …` on stdout, a count on stderr; simulates nothing. Manifests given
/// after a scenario are read with it (`ManifestArguments` tells them from scenarios), and a
/// scenario with manifests gets a line on stderr saying how much was read, and a big one a line
/// saying how big (`ScenarioSize`). Each variant is
/// linted as the base scenario is, and its warnings that the base does not have are labelled
/// with its name. With `--strict` a warning fails the check too, once everything is printed.
enum ValidateCommand {
    static func run(paths: [String], strict: Bool, console: inout Console) -> ExitCode {
        var errors = 0
        var warnings = 0
        let groups = ManifestArguments.group(paths)
        for group in groups {
            let path = group.scenario
            let expansion = ManifestExpansion(scenarioFile: path, extraManifests: group.manifests)
            let loaded = ScenarioLoader.load(path: path, expansion: expansion)
            if loaded.expandedFiles > 0 {
                console.printError("\(path): read \(Self.count(loaded.expandedObjects, "object")) from \(Self.count(loaded.expandedFiles, "manifest file"))")
            }
            if let size = loaded.scenario.flatMap(ScenarioSize.line) { console.printError(size) }
            let (diagnostics, variants) = Self.diagnostics(loaded, path: path, expansion: expansion)
            // The variants' own diagnostics are capped as the file's are: 1,000 variants of a
            // hundred warnings each would otherwise print 100,000 lines.
            let shown = ScenarioLoader.Loaded.capped(variants)
            for diagnostic in diagnostics + shown.diagnostics {
                console.print(diagnostic.description)
                if diagnostic.severity == .error { errors += 1 } else { warnings += 1 }
            }
            if let note = loaded.omittedNote { console.print("\(path): \(note)") }
            if let note = shown.omittedNote { console.print("\(path): \(note) (in variants)") }
            errors += loaded.omittedErrors + shown.omittedErrors
            warnings += loaded.omittedWarnings + shown.omittedWarnings
        }
        let files = groups.count == 1 ? "1 file" : "\(groups.count) files"
        let failing = strict && warnings > 0 && errors == 0 ? " (--strict: the warnings fail the check)" : ""
        console.printError("\(files) checked: \(Self.count(errors, "error")), \(Self.count(warnings, "warning"))\(failing)")
        return errors > 0 || (strict && warnings > 0) ? .badInput : .success
    }

    /// The file's diagnostics with the lint's, and those its variants add, each in file order.
    private static func diagnostics(
        _ loaded: ScenarioLoader.Loaded, path: String, expansion: ManifestExpansion
    ) -> (base: [Diagnostic], variants: [Diagnostic]) {
        guard let scenario = loaded.scenario else { return (loaded.diagnostics, []) }
        let base = (loaded.diagnostics + PolicyLint.diagnostics(scenario)).inFileOrder()
        let known = Set(base)
        var found: [Diagnostic] = []
        for variant in scenario.variants where !variant.overrides.isEmpty {
            // A variant that does not load is an error of the base file already; one that
            // overrides `manifests:` is linted on its own manifests.
            let loadedVariant = ScenarioLoader.load(path: path, overrides: variant.overrides, expansion: expansion)
            guard let applied = loadedVariant.scenario else { continue }
            let own = loadedVariant.diagnostics + PolicyLint.diagnostics(applied)
            found += own.inFileOrder().filter { !known.contains($0) }.map {
                Diagnostic($0.severity, at: $0.location, "in variant '\(variant.name)': \($0.message)")
            }
        }
        return (base, found)
    }

    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }
}
