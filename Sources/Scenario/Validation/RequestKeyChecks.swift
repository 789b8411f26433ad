/// Routing sees a keyed request's path up to `{` (`RequestTemplate.path`): a Kong route prefix
/// or a mesh uri match that decides differently for some of the real paths `prefix + k + suffix`
/// would make the simulation route keys that the cluster routes elsewhere, so it is an error.
enum RequestKeyChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (clientIndex, client) in scenario.clients.enumerated() {
            for (index, request) in client.requests.enumerated() {
                guard let keys = request.keys else { continue }
                let written = "clients[\(clientIndex)].requests[\(index)].path \(keys.written(prefix: request.path))"
                for route in scenario.gateway?.routes ?? [] {
                    for prefix in route.paths where splits(.prefix(prefix), keys, request.path) {
                        found.append(.error(
                            "\(written): gateway route '\(route.name)' path '\(prefix)' matches only some of its keys, and meshsim routes every key as '\(request.path)'; use a route prefix that ends before '{'",
                            at: keys.location))
                    }
                }
                for service in scenario.services {
                    for rule in service.http ?? [] {
                        for match in rule.match {
                            guard let uri = match.uri, splits(uri, keys, request.path) else { continue }
                            found.append(.error(
                                "\(written): a uri match of service \(service.name)'s VirtualService \(describe(uri)) decides differently for some of its keys than for '\(request.path)', which meshsim routes every key as; match on the text before '{'",
                                at: keys.location))
                        }
                    }
                }
            }
        }
        return found
    }

    /// Whether some key's real path is decided differently from `prefix` (the text before `{`).
    /// Regex matches are not checked: they see `prefix` as the engine does.
    static func splits(_ match: StringMatch, _ keys: RequestKeys, _ prefix: String) -> Bool {
        switch match {
        case .prefix(let text):
            return !prefix.hasPrefix(text) && someKey(keys, prefix, startsWith: text, exactly: false)
        case .exact(let text):
            return text == prefix || someKey(keys, prefix, startsWith: text, exactly: true)
        case .regex, .present:
            return false
        }
    }

    /// Whether `prefix + k + suffix`, for some k in 1...count, starts with (or equals) `text`.
    private static func someKey(_ keys: RequestKeys, _ prefix: String, startsWith text: String, exactly: Bool) -> Bool {
        guard text.hasPrefix(prefix) else { return false }
        let rest = text.dropFirst(prefix.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let first = digits.first, first != "0" else { return false }
        let after = rest.dropFirst(digits.count)
        if after.isEmpty, !exactly {
            // Some k starts with these digits iff the digits themselves are a key.
            return Int(digits).map { $0 <= keys.count } ?? false
        }
        guard let key = Int(digits), key <= keys.count else { return false }
        return exactly ? String(after) == keys.suffix : keys.suffix.hasPrefix(after)
    }

    private static func describe(_ match: StringMatch) -> String {
        switch match {
        case .exact(let text): "exact '\(text)'"
        case .prefix(let text): "prefix '\(text)'"
        case .regex(let text): "regex '\(text)'"
        case .present: "present"
        }
    }
}
