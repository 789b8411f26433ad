/// An AuthorizationPolicy path holding Istio's path template operators `{*}` (one path segment)
/// and `{**}` (what remains of the path, zero or more segments; the last operator), which Istio
/// hands to Envoy's uri_template matcher (pilot/pkg/security/authz/matcher/template.go;
/// authorization.proto `Operation.paths`: `/foo/{*}` matches `/foo/bar`, not `/foo/bar/baz`).
struct PathTemplate: Sendable {
    private enum Part: Sendable {
        case literal(String)
        case segment
        case rest
    }

    private let parts: [Part]

    /// nil when `written` holds no operator: it is then an ordinary path pattern.
    init?(_ written: String) {
        guard written.contains("{*}") || written.contains("{**}") else { return nil }
        var parts: [Part] = []
        var literal = ""
        var remaining = Substring(written)
        while let first = remaining.first {
            if remaining.hasPrefix("{**}") {
                parts.append(.literal(literal))
                parts.append(.rest)
                literal = ""
                remaining = remaining.dropFirst(4)
            } else if remaining.hasPrefix("{*}") {
                parts.append(.literal(literal))
                parts.append(.segment)
                literal = ""
                remaining = remaining.dropFirst(3)
            } else {
                literal.append(first)
                remaining = remaining.dropFirst()
            }
        }
        parts.append(.literal(literal))
        self.parts = parts
    }

    /// `path` without its query string.
    func matches(_ path: Substring) -> Bool {
        Self.match(parts[...], path)
    }

    private static func match(_ parts: ArraySlice<Part>, _ path: Substring) -> Bool {
        guard let part = parts.first else { return path.isEmpty }
        let rest = parts.dropFirst()
        switch part {
        case .literal(let text):
            guard path.hasPrefix(text) else { return false }
            return match(rest, path.dropFirst(text.count))
        case .segment:
            // One or more characters up to the next `/`; try each length so a literal after it can match.
            let segment = path.prefix { $0 != "/" }
            guard !segment.isEmpty else { return false }
            var length = segment.count
            while length > 0 {
                if match(rest, path.dropFirst(length)) { return true }
                length -= 1
            }
            return false
        case .rest:
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
    }
}
