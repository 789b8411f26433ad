/// URL paths written in a scenario (request paths, route prefixes, call paths).
enum HTTPPaths {
    static func check(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        guard let text = values.nonEmptyString(node, path) else { return nil }
        guard text.hasPrefix("/") else {
            values.fail(path, "must start with '/', not '\(text)'", at: node)
            return nil
        }
        return text
    }
}
