/// The metadata every security policy carries beside its spec: `name` (required) and
/// `namespace` (nil = the scenario's).
enum SecurityPolicyMetadata {
    static func read(_ reader: MappingReader) -> (name: String?, namespace: String?) {
        let values = reader.values
        let name = reader.read("name", required: true) { Names.check($0, $1, values) }
        let namespace = reader.read("namespace") { Names.namespace($0, $1, values) }
        return (name, namespace)
    }

    /// `targetRef` and `targetRefs` bind a policy to a Gateway API gateway or a waypoint proxy,
    /// which meshsim does not simulate; Istio's sidecars skip such a policy, so meshsim does
    /// too. True (after the warning) when one is written.
    static func isTargeted(_ reader: MappingReader, kind: String) -> Bool {
        let written = ["targetRef", "targetRefs"].filter { reader.node($0) != nil }
        guard let key = written.first else { return false }
        reader.context.warning(
            "\(reader.path(key)) binds this \(kind) to a gateway or waypoint proxy, which meshsim does not simulate; Istio's sidecars do not apply it, so it has no effect here",
            at: reader.location(of: key))
        return true
    }

    /// Reports each policy whose namespace (written or the scenario's) and name repeat an
    /// earlier one's, at the repeated name.
    static func reportDuplicates(in list: YAMLNode, kind: String, _ context: DecodeContext) {
        guard case .sequence(let items) = list.value else { return }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard case .mapping(let entries) = item.value, let entry = entries.first(where: { $0.key == "name" }),
                  case .scalar(let name, _) = entry.value.value
            else { continue }
            var namespace = context.namespace
            if let written = entries.first(where: { $0.key == "namespace" }), case .scalar(let text, _) = written.value.value, !ValueReader.isNull(written.value) {
                namespace = text
            }
            let key = "\(namespace)/\(name)"
            if let first = seen[key] {
                context.error("\(kind) \(key) is defined twice (first at line \(first.line)); Kubernetes keeps one object per name in a namespace", at: entry.value.location)
            } else {
                seen[key] = entry.value.location
            }
        }
    }
}
