/// Turns a parsed scenario file into the `Scenario` model, checking the shape and range of every
/// field. References between sections (services, subsets, cycles) are checked by the validator.
public enum ScenarioDecoder {
    /// Decodes a whole scenario. Collects every error it can find (it does not stop at the first),
    /// plus warnings, in file order. `scenario` is nil when there is any error.
    /// In `lenientFiles` (manifests merged into the tree) unknown and unsimulated keys are warnings.
    /// `namespace` is the scenario's `namespace:` (read by the expansion): the default namespace
    /// of services, clients and security policies.
    public static func decode(
        _ root: YAMLNode, lenientFiles: Set<String> = [], namespace: String = "default"
    ) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        let context = DecodeContext(lenientFiles: lenientFiles, namespace: namespace)
        let scenario = decode(root, context)
        let diagnostics = context.sortedDiagnostics
        return (context.hasErrors ? nil : scenario, diagnostics)
    }

    private static func decode(_ root: YAMLNode, _ context: DecodeContext) -> Scenario? {
        if ValueReader.isNull(root) {
            context.error("the scenario is empty; it needs at least name, duration, clients and services", at: root.location)
            return nil
        }
        guard let reader = MappingReader(root, path: "", context: context) else { return nil }
        let values = reader.values
        if let version = reader.node("version"), let number = values.int(version, "version"), number != 1 {
            context.error("version must be 1 (the only version of the format), not \(number)", at: version.location)
        }
        let name = reader.read("name", required: true) { node, path in Names.check(node, path, values) }
        let description = reader.string("description")
        let seed = reader.read("seed") { node, path -> UInt64? in
            guard let text = values.scalar(node, path, expected: "a non-negative whole number") else { return nil }
            guard let seed = UInt64(text) else {
                values.fail(path, "must be a whole number from 0 to \(UInt64.max), not '\(text)'", at: node)
                return nil
            }
            return seed
        }
        let duration = reader.duration("duration", .positive, required: true)
        let warmup = reader.duration("warmup")
        if let warmup, let duration, warmup >= duration, let node = reader.node("warmup") {
            context.error("warmup must be shorter than duration", at: node.location)
        }
        let interval = reader.duration("interval", .positive)

        let hasGateway = reader.node("gateway") != nil
        let clients = reader.read("clients", required: true) { node, path in
            Names.reportDuplicates(in: node, key: "name", of: "client", context)
            return nonEmptyList(node, path, values) { ClientDecoder.decode($0, path: $1, hasGateway: hasGateway, context: context) }
        }
        let gateway = reader.read("gateway") { node, path in GatewayDecoder.decode(node, path: path, context: context) }
        let mesh = reader.read("mesh") { node, path in MeshDecoder.decode(node, path: path, context: context) }
        let services = reader.read("services", required: true) { node, path in
            ServiceDecoder.decodeAll(node, path: path, context: context)
        }
        let faults = reader.read("faults") { node, path in
            list(node, path, values) { FaultDecoder.decode($0, path: $1, index: $2, context: context) }
        }
        let rollout = reader.read("rollout") { node, path in RolloutDecoder.decode(node, path: path, context: context) }
        let variants = reader.read("variants") { node, path in VariantDecoder.decode(node, path: path, context: context) }
        let replications = reader.int("replications", 1...SizeLimits.replications)
        let sweep = reader.read("sweep") { node, path in SweepDecoder.decode(node, path: path, context: context) }
        let metrics = reader.choice("metrics", MetricsFormat.self)
        let assertions = reader.read("assertions") { node, path in
            list(node, path, values) { item, itemPath, _ in
                values.string(item, itemPath).flatMap { text -> Assertion? in
                    do throws(Diagnostic) {
                        return try AssertionParser.parse(text, at: item.location)
                    } catch {
                        context.error(error.message, at: error.location)
                        return nil
                    }
                }
            }
        }
        reader.finish()

        var sectionLocations: [String: SourceLocation] = [:]
        for key in reader.keys { sectionLocations[key] = reader.keyLocation(key) }

        guard let name, let duration, let clients, let services else { return nil }
        var scenario = Scenario(
            name: name, description: description, seed: seed ?? 1, duration: duration, warmup: warmup ?? 0,
            interval: interval ?? 10_000_000_000, clients: clients, gateway: gateway, mesh: mesh ?? Mesh(),
            services: services, faults: faults ?? [], rollout: rollout, variants: variants ?? [],
            assertions: assertions ?? [], sectionLocations: sectionLocations
        )
        scenario.replications = replications
        scenario.sweep = sweep ?? []
        scenario.metrics = metrics
        return scenario
    }

    /// Decodes each item of a list with `decode(item, "path[i]", i)`; items that fail are left out
    /// (their errors are reported), so a caller sees a partial list only when errors exist.
    static func list<T>(
        _ node: YAMLNode, _ path: String, _ values: ValueReader, _ decode: (YAMLNode, String, Int) -> T?
    ) -> [T]? {
        guard let items = values.sequence(node, path) else { return nil }
        return items.enumerated().compactMap { index, item in decode(item, "\(path)[\(index)]", index) }
    }

    /// Like `list`, for lists that must have at least one item.
    static func nonEmptyList<T>(
        _ node: YAMLNode, _ path: String, _ values: ValueReader, _ decode: (YAMLNode, String) -> T?
    ) -> [T]? {
        guard let items = values.sequence(node, path) else { return nil }
        guard !items.isEmpty else {
            values.fail(path, "must list at least one entry", at: node)
            return nil
        }
        return items.enumerated().compactMap { index, item in decode(item, "\(path)[\(index)]") }
    }
}
