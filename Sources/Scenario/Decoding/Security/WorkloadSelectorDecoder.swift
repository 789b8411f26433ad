/// Istio's `selector: { matchLabels: {...} }` (type/v1beta1/selector.proto) and the label maps
/// workloads carry (`labels:`).
enum WorkloadSelectorDecoder {
    /// nil when `matchLabels` is empty or left out: Istio then applies the policy to every
    /// workload of its namespace (`selector: {}` is no selector), so the model says so too.
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> WorkloadSelector? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let labels = reader.read("matchLabels") { Self.labels($0, path: $1, values: reader.values, selector: true) }
        reader.finish()
        guard let labels, !labels.isEmpty else { return nil }
        return WorkloadSelector(matchLabels: labels, location: node.location)
    }

    /// A map of label name → value. A value written as a number or boolean is its text
    /// (`version: 2` is "2"). In a selector, Istio's CRD refuses empty keys and `*`.
    static func labels(_ node: YAMLNode, path: String, values: ValueReader, selector: Bool = false) -> [String: String]? {
        guard let entries = values.entries(node, path) else { return nil }
        var labels: [String: String] = [:]
        var failed = false
        for entry in entries {
            let entryPath = "\(path).\(entry.key)"
            guard !entry.key.isEmpty else {
                values.context.error("\(path): a label name must not be empty", at: entry.keyLocation)
                failed = true
                continue
            }
            guard let value = values.string(entry.value, entryPath) else {
                failed = true
                continue
            }
            if selector, entry.key.contains("*") || value.contains("*") {
                values.context.error("\(entryPath): Istio does not allow wildcards in a selector's labels", at: entry.keyLocation)
                failed = true
                continue
            }
            labels[entry.key] = value
        }
        return failed ? nil : labels
    }
}
