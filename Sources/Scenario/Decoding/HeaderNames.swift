/// Header names as Kong's schemas accept them (`validate_header_name` in kong/tools/http.lua):
/// letters, digits, `-` and `_`.
enum HeaderNames {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }

    static func check(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        guard let name = values.string(node, path) else { return nil }
        guard isValid(name) else {
            values.fail(path, "'\(Diagnostic.excerpt(name))' is not a valid header name: Kong allows A-Z, a-z, 0-9, '_' and '-'", at: node)
            return nil
        }
        return name
    }
}
