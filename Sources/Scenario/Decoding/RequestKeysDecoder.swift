/// `{1..N}` in a request's `path` and the request's `popularity`.
enum RequestKeysDecoder {
    /// The key range as written in a path, before `popularity` is read.
    struct Range {
        var prefix: String
        var count: Int
        var suffix: String
        var inQuery: Bool
    }

    /// The path split at `{1..N}`; `.some(nil)` when the path has no `{`, nil after an error.
    static func range(_ text: String, _ node: YAMLNode, _ path: String, _ values: ValueReader) -> Range?? {
        guard let open = text.firstIndex(of: "{") else {
            if text.contains("}") {
                values.fail(path, "has '}' without '{': write the keys as {1..N}, e.g. /items/{1..5000}", at: node)
                return nil
            }
            return .some(nil)
        }
        let prefix = String(text[..<open])
        let rest = text[text.index(after: open)...]
        guard rest.hasPrefix("1.."), let close = rest.firstIndex(of: "}"),
              case let digits = rest[rest.index(rest.startIndex, offsetBy: 3)..<close],
              digits.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(digits), count >= 1
        else {
            values.fail(path, "must write the keys as {1..N} with N a whole number from 1, e.g. /items/{1..5000}, not '\(text)'", at: node)
            return nil
        }
        let suffix = String(rest[rest.index(after: close)...])
        if suffix.contains("{") || suffix.contains("}") {
            values.fail(path, "may hold {1..N} only once, not in '\(text)'", at: node)
            return nil
        }
        let inQuery = prefix.contains("?")
        if inQuery {
            // A query value: `name=` right before `{`, the next parameter after `}`.
            let parameter = prefix.split(separator: "?", omittingEmptySubsequences: false).last?.split(separator: "&", omittingEmptySubsequences: false).last ?? ""
            guard parameter.count > 1, parameter.hasSuffix("="), suffix.isEmpty || suffix.hasPrefix("&") else {
                values.fail(path, "must put {1..N} in the last path segment or as a whole query value (?id={1..N}), not in '\(text)'", at: node)
                return nil
            }
        } else if (suffix.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").contains("/") {
            values.fail(path, "must put {1..N} in the last path segment or as a whole query value (?id={1..N}), not in '\(text)'", at: node)
            return nil
        }
        return .some(Range(prefix: prefix, count: count, suffix: suffix, inQuery: inQuery))
    }

    /// `uniform` or `zipf(s)` with s > 0.
    static func popularity(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> RequestKeys.Popularity? {
        guard let text = values.scalar(node, path, expected: "uniform or zipf(s)") else { return nil }
        if text == "uniform" { return .uniform }
        if text.hasPrefix("zipf("), text.hasSuffix(")"),
           let exponent = Double(text.dropFirst(5).dropLast()), exponent.isFinite, exponent > 0, exponent <= 100 {
            return .zipf(exponent)
        }
        values.fail(path, "must be uniform or zipf(s) with 0 < s ≤ 100 (e.g. zipf(1.1)), not '\(text)'", at: node)
        return nil
    }
}
