/// Names of things a scenario defines (the scenario, services, versions, clients, routes): they end
/// up in instance names (`orders/v1/0`), file names and CSV columns, so they are kept plain.
enum Names {
    /// Letters, digits, `.`, `_` and `-`.
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-_".unicodeScalars.contains(scalar))
        }
    }

    static func check(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        guard let name = values.nonEmptyString(node, path) else { return nil }
        return check(name, path, at: node.location, values.context)
    }

    static func check(_ name: String, _ path: String, at location: SourceLocation, _ context: DecodeContext) -> String? {
        guard isValid(name) else {
            context.error("\(path) may contain only letters, digits, '.', '_' and '-', not '\(name)'", at: location)
            return nil
        }
        return name
    }

    /// A Kubernetes namespace name (RFC 1123 label): lower-case letters, digits and '-', at most
    /// 63, starting and ending with a letter or digit.
    static func namespace(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        kubernetesName(node, path, values, what: "namespace", dots: false, maxLength: 63)
    }

    /// A Kubernetes service account name (RFC 1123 subdomain): as a namespace, with '.', at most 253.
    static func serviceAccount(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        kubernetesName(node, path, values, what: "service account", dots: true, maxLength: 253)
    }

    private static func kubernetesName(
        _ node: YAMLNode, _ path: String, _ values: ValueReader, what: String, dots: Bool, maxLength: Int
    ) -> String? {
        guard let name = values.nonEmptyString(node, path) else { return nil }
        let bytes = Array(name.utf8)
        let alphanumeric = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        let valid = bytes.count <= maxLength
            && bytes.allSatisfy { alphanumeric($0) || $0 == UInt8(ascii: "-") || (dots && $0 == UInt8(ascii: ".")) }
            && bytes.first.map(alphanumeric) == true && bytes.last.map(alphanumeric) == true
        guard valid else {
            let characters = dots ? "lower-case letters, digits, '-' and '.'" : "lower-case letters, digits and '-'"
            values.fail(path, "must be a Kubernetes \(what) name (\(characters), at most \(maxLength), starting and ending with a letter or digit), not '\(Diagnostic.excerpt(name))'", at: node)
            return nil
        }
        return name
    }

    /// Reports each `key` value of a list's mappings that repeats an earlier one, at the repeat.
    static func reportDuplicates(in list: YAMLNode, key: String, of kind: String, _ context: DecodeContext) {
        guard case .sequence(let items) = list.value else { return }
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard case .mapping(let entries) = item.value, let entry = entries.first(where: { $0.key == key }),
                  case .scalar(let name, _) = entry.value.value
            else { continue }
            if let first = seen[name] {
                context.error("\(kind) name '\(name)' is used twice (first at line \(first.line))", at: entry.value.location)
            } else {
                seen[name] = entry.value.location
            }
        }
    }
}
