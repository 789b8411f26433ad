/// Reads a scenario file and turns it into a validated `Scenario`: parse, apply overrides
/// (`--set`, or a variant), decode, validate. Every stage reports all it finds.
public enum ScenarioLoader {
    /// How many errors, and how many warnings, a load keeps: a file with 400,000 wrong
    /// entries would otherwise print 400,000 lines, and the first ones are what a reader fixes
    /// first. Counted apart, so that warnings early in a file never crowd out its errors
    /// (eval and compare print the errors only).
    public static let shownDiagnostics = 100

    public struct Loaded: Sendable {
        /// nil when there is any error.
        public var scenario: Scenario?
        /// Errors and warnings in file order: the first `shownDiagnostics` errors and the
        /// first `shownDiagnostics` warnings.
        public var diagnostics: [Diagnostic] = []
        /// Errors and warnings found beyond those, counted but not kept.
        public var omittedErrors = 0
        public var omittedWarnings = 0

        init(scenario: Scenario?, found: [Diagnostic]) {
            self.scenario = scenario
            var errors = 0
            var warnings = 0
            for diagnostic in found {
                if diagnostic.severity == .error {
                    errors += 1
                    if errors > ScenarioLoader.shownDiagnostics { omittedErrors += 1; continue }
                } else {
                    warnings += 1
                    if warnings > ScenarioLoader.shownDiagnostics { omittedWarnings += 1; continue }
                }
                diagnostics.append(diagnostic)
            }
        }

        /// `found`, in its order, cut as a load's diagnostics are, with the rest counted.
        public static func capped(_ found: [Diagnostic]) -> Loaded {
            Loaded(scenario: nil, found: found)
        }

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

        /// `399900 more errors not shown`, printed after the diagnostics; nil when all are shown.
        public var omittedNote: String? {
            let parts = [(omittedErrors, "error"), (omittedWarnings, "warning")].filter { $0.0 > 0 }
            guard !parts.isEmpty else { return nil }
            return parts.map { "\($0.0) more \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: " and ") + " not shown"
        }
    }

    /// Loads `path`. A file that cannot be read as text is reported as one error saying why.
    public static func load(path: String, overrides: [Override] = []) -> Loaded {
        switch ScenarioFile.read(path) {
        case .success(let text): load(text: text, file: path, overrides: overrides)
        case .failure(let error): Loaded(scenario: nil, found: [error])
        }
    }

    public static func load(text: String, file: String, overrides: [Override] = []) -> Loaded {
        let root: YAMLNode
        do {
            root = try Overrides.apply(overrides, to: YAMLParser.parse(text, file: file))
        } catch {
            return Loaded(scenario: nil, found: [error])
        }
        return decode(root, checkingVariants: overrides.isEmpty)
    }

    /// Decodes and validates a tree. With `checkingVariants`, each variant is also applied
    /// and decoded, so `validate` catches a variant that would break the scenario.
    static func decode(_ root: YAMLNode, checkingVariants: Bool) -> Loaded {
        let (decoded, decodeDiagnostics) = ScenarioDecoder.decode(root)
        var diagnostics = decodeDiagnostics
        guard let scenario = decoded else { return Loaded(scenario: nil, found: diagnostics.inFileOrder()) }
        diagnostics += ScenarioValidator.validate(scenario)
        if checkingVariants {
            // Beyond the bound (an error already) each variant would decode the file once more.
            for variant in scenario.variants.prefix(SizeLimits.variants) {
                diagnostics += variantErrors(variant, root: root)
            }
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Loaded(scenario: failed ? nil : scenario, found: diagnostics.inFileOrder())
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
