import Foundation

/// Reads a scenario file and turns it into a validated `Scenario`: parse, apply overrides
/// (`--set`, or a variant), decode, validate. Every stage reports all it finds.
public enum ScenarioLoader {
    public struct Loaded: Sendable {
        /// nil when there is any error.
        public var scenario: Scenario?
        /// Errors and warnings, in file order.
        public var diagnostics: [Diagnostic]

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// Loads `path`. An unreadable file is reported as an error at 1:1 of that path.
    public static func load(path: String, overrides: [Override] = []) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file as UTF-8 text" : "no such file"
            return Loaded(scenario: nil, diagnostics: [.error(reason, at: SourceLocation(file: path, line: 1, column: 1))])
        }
        return load(text: text, file: path, overrides: overrides)
    }

    public static func load(text: String, file: String, overrides: [Override] = []) -> Loaded {
        let root: YAMLNode
        do {
            root = try Overrides.apply(overrides, to: YAMLParser.parse(text, file: file))
        } catch {
            return Loaded(scenario: nil, diagnostics: [error])
        }
        return decode(root, checkingVariants: overrides.isEmpty)
    }

    /// Decodes and validates a tree. With `checkingVariants`, each variant is also applied
    /// and decoded, so `validate` catches a variant that would break the scenario.
    static func decode(_ root: YAMLNode, checkingVariants: Bool) -> Loaded {
        let (decoded, decodeDiagnostics) = ScenarioDecoder.decode(root)
        var diagnostics = decodeDiagnostics
        guard let scenario = decoded else { return Loaded(scenario: nil, diagnostics: diagnostics.inFileOrder()) }
        diagnostics += ScenarioValidator.validate(scenario)
        if checkingVariants {
            for variant in scenario.variants {
                diagnostics += variantErrors(variant, root: root)
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Loaded(scenario: failed ? nil : scenario, diagnostics: diagnostics.inFileOrder())
    }

    private static func variantErrors(_ variant: Variant, root: YAMLNode) -> [Diagnostic] {
        var errors: [Diagnostic] = []
        do {
            let (scenario, diagnostics) = ScenarioDecoder.decode(try Overrides.apply(variant.overrides, to: root))
            errors = diagnostics.filter { $0.severity == .error }
            if let scenario {
                errors += ScenarioValidator.validate(scenario).filter { $0.severity == .error }
            }
        } catch {
            errors = [error]
        }
        return errors.map { .error("in variant '\(variant.name)': \($0.message)", at: $0.location) }
    }
}
