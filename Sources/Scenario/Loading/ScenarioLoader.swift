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
        /// What the expansion merged in (the base scenario's, not its variants'): files and
        /// the objects they held; zero without an expansion or when it named no file.
        public var expandedFiles = 0
        public var expandedObjects = 0

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
    /// `expansion` merges in what other files hold (manifests) after the overrides of its keys.
    public static func load(path: String, overrides: [Override] = [], expansion: (any ScenarioExpansion)? = nil) -> Loaded {
        switch ScenarioFile.read(path) {
        case .success(let text): load(text: text, file: path, overrides: overrides, expansion: expansion)
        case .failure(let error): Loaded(scenario: nil, found: [error])
        }
    }

    public static func load(text: String, file: String, overrides: [Override] = [], expansion: (any ScenarioExpansion)? = nil) -> Loaded {
        let parsed: YAMLNode
        do {
            parsed = try YAMLParser.parse(text, file: file)
        } catch {
            return Loaded(scenario: nil, found: [error])
        }
        return decode(parsed, overrides: overrides, expansion: expansion)
    }

    /// The tree a decoder reads: overrides of the expansion's keys, the expansion, then the
    /// other overrides. nil tree when any step failed; warnings either way.
    struct Prepared {
        var root: YAMLNode?
        var diagnostics: [Diagnostic] = []
        var files: Set<String> = []
        var objects = 0
        var namespace = "default"
    }

    static func prepare(_ parsed: YAMLNode, overrides: [Override], expansion: (any ScenarioExpansion)?) -> Prepared {
        guard let expansion else {
            do {
                return Prepared(root: try Overrides.apply(overrides, to: parsed))
            } catch {
                return Prepared(root: nil, diagnostics: [error])
            }
        }
        let keys = expansion.keys
        let early = overrides.filter { override in keys.contains { $0 == OverridePath.firstKey(of: override.path) } }
        let late = overrides.filter { override in !keys.contains { $0 == OverridePath.firstKey(of: override.path) } }
        do {
            let expanded = expansion.expand(try Overrides.apply(early, to: parsed))
            var prepared = Prepared(
                root: nil, diagnostics: expanded.diagnostics, files: expanded.files, objects: expanded.objects, namespace: expanded.namespace)
            guard let root = expanded.root else { return prepared }
            prepared.root = try Overrides.apply(late, to: root)
            return prepared
        } catch {
            return Prepared(root: nil, diagnostics: [error])
        }
    }

    /// Decodes and validates a tree. Without overrides, each variant and each value of the sweep
    /// is also applied and decoded, so `validate` catches one that would break the scenario.
    static func decode(_ parsed: YAMLNode, overrides: [Override], expansion: (any ScenarioExpansion)?) -> Loaded {
        let prepared = prepare(parsed, overrides: overrides, expansion: expansion)
        var loaded = decode(prepared, parsed: parsed, overrides: overrides, expansion: expansion)
        loaded.expandedFiles = prepared.files.count
        loaded.expandedObjects = prepared.objects
        return loaded
    }

    private static func decode(_ prepared: Prepared, parsed: YAMLNode, overrides: [Override], expansion: (any ScenarioExpansion)?) -> Loaded {
        guard let root = prepared.root else { return Loaded(scenario: nil, found: prepared.diagnostics.inFileOrder()) }
        let (decoded, decodeDiagnostics) = ScenarioDecoder.decode(root, lenientFiles: prepared.files, namespace: prepared.namespace)
        var diagnostics = prepared.diagnostics + decodeDiagnostics
        guard var scenario = decoded else { return Loaded(scenario: nil, found: diagnostics.inFileOrder()) }
        scenario.manifestFiles = prepared.files
        scenario.namespace = prepared.namespace
        diagnostics += ScenarioValidator.validate(scenario)
        if overrides.isEmpty {
            // Beyond the bound (an error already) each variant would decode the file once more.
            for variant in scenario.variants.prefix(SizeLimits.variants) {
                diagnostics += errors(applying: variant.overrides, parsed: parsed, base: prepared, expansion: expansion).map {
                    .error("in variant '\(variant.name)': \($0.message)", at: $0.location)
                }
            }
            diagnostics += sweepErrors(scenario.sweep, parsed: parsed, base: prepared, expansion: expansion, known: Set(diagnostics))
        }
        let failed = diagnostics.contains { $0.severity == .error }
        return Loaded(scenario: failed ? nil : scenario, found: diagnostics.inFileOrder())
    }

    /// Each value of each axis alone, as a point of the grid would apply it after nothing else:
    /// `in sweep PATH[i] (VALUE): …` at the value. Errors the scenario has without the value
    /// (`known`) are not repeated for every value. Beyond the bound (an error already) each
    /// value would decode the file once more.
    private static func sweepErrors(
        _ sweep: [SweepAxis], parsed: YAMLNode, base: Prepared, expansion: (any ScenarioExpansion)?, known: Set<Diagnostic>
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var budget = SizeLimits.sweepValues
        for axis in sweep.prefix(SizeLimits.sweepAxes) {
            for (index, value) in axis.values.prefix(budget).enumerated() {
                let label = "in sweep \(Diagnostic.excerpt(axis.path))[\(index)] (\(Diagnostic.excerpt(value.flowText)))"
                let own = errors(applying: [Override(path: axis.path, value: value)], parsed: parsed, base: base, expansion: expansion)
                found += own.filter { !known.contains($0) }.map { .error("\(label): \($0.message)", at: $0.location) }
            }
            budget -= min(budget, axis.values.count)
        }
        return found
    }

    /// The errors of the scenario with `overrides` applied, unlabelled. Overrides that change
    /// none of the expansion's keys are applied to the expanded tree; those that do (a
    /// variant's `manifests:` of a pull request) expand anew.
    private static func errors(
        applying overrides: [Override], parsed: YAMLNode, base: Prepared, expansion: (any ScenarioExpansion)?
    ) -> [Diagnostic] {
        let keys = expansion?.keys ?? []
        let reexpands = overrides.contains { override in keys.contains { $0 == OverridePath.firstKey(of: override.path) } }
        var prepared: Prepared
        if reexpands {
            prepared = prepare(parsed, overrides: overrides, expansion: expansion)
        } else if let root = base.root {
            prepared = prepare(root, overrides: overrides, expansion: nil)
            prepared.files = base.files
            prepared.namespace = base.namespace
        } else {
            return []
        }
        var errors = prepared.diagnostics.filter { $0.severity == .error }
        if let root = prepared.root {
            let (decoded, diagnostics) = ScenarioDecoder.decode(root, lenientFiles: prepared.files, namespace: prepared.namespace)
            errors += diagnostics.filter { $0.severity == .error }
            if var scenario = decoded {
                scenario.manifestFiles = prepared.files
                scenario.namespace = prepared.namespace
                errors += ScenarioValidator.validate(scenario).filter { $0.severity == .error }
            }
        }
        return errors
    }
}
