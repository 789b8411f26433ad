import Scenario

/// Read access to a manifest's tree: manifests are read leniently (a cluster accepts any
/// field its CRD declares), so the translators look values up instead of decoding every key.
extension YAMLNode {
    /// The value at `key` of a mapping; nil when absent, null or not a mapping.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = value, let entry = entries.first(where: { $0.key == key }) else { return nil }
        return entry.value.isNull ? nil : entry.value
    }

    /// The value at a path of keys (`node["spec", "template", "metadata"]`).
    subscript(keys: String...) -> YAMLNode? {
        self[path: keys]
    }

    subscript(path keys: [String]) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in keys { node = node?[key] }
        return node
    }

    /// The entry of `key`, with the key's own location.
    func entry(_ key: String) -> YAMLEntry? {
        guard case .mapping(let entries) = value else { return nil }
        return entries.first { $0.key == key }
    }

    var isNull: Bool {
        guard case .scalar(let text, let quoted) = value else { return false }
        return !quoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }

    /// A scalar's text; nil for collections and null.
    var text: String? {
        guard case .scalar(let text, _) = value, !isNull else { return nil }
        return text
    }

    var entries: [YAMLEntry] {
        guard case .mapping(let entries) = value else { return [] }
        return entries
    }

    var items: [YAMLNode] {
        guard case .sequence(let items) = value else { return [] }
        return items
    }

    var isMapping: Bool {
        if case .mapping = value { return true }
        return false
    }

    /// A mapping of scalars (labels, annotations, a selector) as a dictionary.
    var stringMap: [String: String] {
        var map: [String: String] = [:]
        for entry in entries {
            if let text = entry.value.text { map[entry.key] = text }
        }
        return map
    }

    /// A scalar node at `location`: what translators write into the scenario tree.
    static func scalar(_ text: String, at location: SourceLocation) -> YAMLNode {
        YAMLNode(.scalar(text, quoted: true), at: location)
    }

    /// A mapping node at `location` from keys and values (each key at its value's location).
    static func mapping(_ pairs: [(String, YAMLNode)], at location: SourceLocation) -> YAMLNode {
        YAMLNode(.mapping(pairs.map { YAMLEntry(key: $0.0, keyLocation: $0.1.location, value: $0.1) }), at: location)
    }

    /// The same tree with `key` replaced (or added last) in a mapping.
    func setting(_ key: String, to node: YAMLNode) -> YAMLNode {
        guard case .mapping(var entries) = value else { return self }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = node
        } else {
            entries.append(YAMLEntry(key: key, keyLocation: node.location, value: node))
        }
        return YAMLNode(.mapping(entries), at: location)
    }

    /// The same tree without `keys` in a mapping.
    func removing(_ keys: [String]) -> YAMLNode {
        guard case .mapping(let entries) = value else { return self }
        return YAMLNode(.mapping(entries.filter { !keys.contains($0.key) }), at: location)
    }
}
