/// The `request-transformer` and `response-transformer` plugins' `config`
/// (kong/plugins/request-transformer/schema.lua, kong/plugins/response-transformer/schema.lua):
/// per operation a record of `headers` and, for the request, `querystring` and `body`, for
/// the response, `json` (and `json_types`). Headers are Kong's `name:value` strings.
enum TransformerDecoder {
    static func decode(_ config: MappingReader, latency: Distribution, response: Bool) -> TransformerConfig? {
        var valid = true
        func operation(_ key: String, colon: Bool) -> [Header] {
            guard let section = config.mapping(key) else { return [] }
            let headers = section.read("headers") { node, path -> [Header]? in
                guard let items = section.values.sequence(node, path) else { return nil }
                let parsed = items.enumerated().map { index, item in
                    section.values.string(item, "\(path)[\(index)]").flatMap {
                        header($0, path: "\(path)[\(index)]", at: item, rename: key == "rename", needsColon: colon, response: response, section.values)
                    }
                }
                return parsed.contains(nil) ? nil : parsed.compactMap { $0 }
            }
            if config.has(key), section.has("headers"), headers == nil { valid = false }
            // Parts of the request or answer a simulation does not carry: accepted, with a
            // warning when they would do something.
            for part in response ? ["json", "json_types"] : ["querystring", "body"] where key != "remove" || part != "json_types" {
                if let list = section.stringList(part), !list.isEmpty {
                    section.context.warning("\(section.path(part)) has no effect in a simulation (meshsim requests and answers carry no \(part == "querystring" ? "query changes" : "bodies"))", at: section.location(of: part))
                }
            }
            if !response, key == "replace", section.has("uri") {
                section.context.error("\(section.path("uri")) is a Kong field that meshsim does not simulate: the upstream sees the client's path", at: section.location(of: "uri"))
                valid = false
            }
            section.finish()
            return headers ?? []
        }
        let remove = operation("remove", colon: false).map(\.name)
        let rename = operation("rename", colon: true)
        let replace = operation("replace", colon: true)
        let add = operation("add", colon: true)
        let append = operation("append", colon: true)
        config.finish(notSimulated: response ? [] : ["http_method"], product: "Kong")
        guard valid else { return nil }
        return TransformerConfig(remove: remove, rename: rename, replace: replace, add: add, append: append, latency: latency)
    }

    /// Kong's `name:value` (`^([^:]+):*(.-)$`: the name runs to the first colon, the value
    /// starts after the colons that follow). A rename's value is the new name.
    private static func header(
        _ text: String, path: String, at node: YAMLNode, rename: Bool, needsColon: Bool, response: Bool, _ values: ValueReader
    ) -> Header? {
        let name = String(text.prefix { $0 != ":" })
        let rest = text.dropFirst(name.count)
        let value = String(rest.drop { $0 == ":" })
        if needsColon, name.isEmpty || rest.isEmpty {
            values.fail(path, "must be 'name:value', not '\(Diagnostic.excerpt(text))'", at: node)
            return nil
        }
        for part in rename ? [name, value] : (response ? [] : [name]) where !HeaderNames.isValid(part) {
            values.fail(path, "'\(Diagnostic.excerpt(part))' is not a valid header name: Kong allows A-Z, a-z, 0-9, '_' and '-'", at: node)
            return nil
        }
        if !response, value.contains("$(") {
            values.fail(path, "uses a Kong template ('\(Diagnostic.excerpt(value))'), which meshsim does not render; write the value it gives", at: node)
            return nil
        }
        return Header(name: name, value: value)
    }
}
