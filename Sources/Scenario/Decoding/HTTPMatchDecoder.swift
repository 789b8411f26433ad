/// One entry of a VirtualService `match` list and its string matches.
enum HTTPMatchDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> HTTPMatch? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let uri = reader.read("uri") { stringMatch($0, path: $1, context: context) }
        let method = reader.read("method") { stringMatch($0, path: $1, context: context) }
        let headers = reader.read("headers") { node, path -> [HeaderMatch]? in
            guard let entries = reader.values.entries(node, path) else { return nil }
            return entries.compactMap { entry in
                stringMatch(entry.value, path: "\(path).\(entry.key)", context: context).map { HeaderMatch(name: entry.key, match: $0) }
            }
        }
        reader.finish(noEffect: ProductFields.matchNoEffect, notSimulated: ProductFields.matchNotSimulated, product: "Istio")
        return HTTPMatch(uri: uri, method: method, headers: headers ?? [], location: node.location)
    }

    /// `{exact: v}`, `{prefix: v}`, `{regex: v}`, or `{}` for "present".
    static func stringMatch(_ node: YAMLNode, path: String, context: DecodeContext) -> StringMatch? {
        guard case .mapping = node.value, let reader = MappingReader(node, path: path, context: context) else {
            context.error("\(path) must be a mapping such as { exact: v }, { prefix: v }, { regex: v }, or {} for any value, not \(ValueReader.describe(node))", at: node.location)
            return nil
        }
        let exact = reader.string("exact")
        let prefix = reader.string("prefix")
        let regex = reader.string("regex")
        reader.finish()
        let written = ["exact", "prefix", "regex"].filter(reader.has)
        guard written.count <= 1 else {
            context.error("\(path) must have only one of exact, prefix or regex", at: node.location)
            return nil
        }
        if let exact { return .exact(exact) }
        if let prefix { return .prefix(prefix) }
        if let regex { return .regex(regex) }
        return written.isEmpty && reader.keys.isEmpty ? .present : nil
    }
}
