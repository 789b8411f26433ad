import Scenario

/// Kong route paths as meshsim's gateway routes match them: by prefix. A Kong regex path
/// (`~/orders/\d+$` in format 3.0) has no prefix form; it is read as the literal text before
/// its first regex character (`/orders/`), with a warning, as it may match more than in Kong.
enum KongPaths {
    static let regexCharacters = Set("\\^$.|?*+()[]{}")

    /// The prefix a regex path starts with (at least `/`).
    static func literalPrefix(ofRegex regex: Substring) -> String {
        var prefix = ""
        for character in regex {
            if regexCharacters.contains(character) { break }
            prefix.append(character)
        }
        return prefix.hasPrefix("/") ? prefix : "/" + prefix
    }

    /// A decK route's `paths` list with regex paths read as prefixes. Formats before 3.0 had
    /// no `~`: a path with a character other than letters, digits and `.-_~/%` was a regex,
    /// and Kong's migration to 3.0 marks it with `~` (kong/db/migrations/migrate_path_280_300.lua).
    static func deck(_ paths: YAMLNode, formatVersion: String, context: inout KongContext) -> YAMLNode {
        guard case .sequence(let items) = paths.value else { return paths }
        let converted = items.map { item -> YAMLNode in
            guard let text = item.text else { return item }
            if text.hasPrefix("~") {
                return regex(text.dropFirst(), written: text, at: item, context: &context)
            }
            if formatVersion != "3.0", !text.allSatisfy(isLiteral) {
                return regex(Substring(text), written: text, at: item, context: &context)
            }
            return item
        }
        return YAMLNode(.sequence(converted), at: paths.location)
    }

    private static func isLiteral(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || ".-_~/%".contains(character))
    }

    /// A regex path read as its literal prefix, with the warning.
    static func regex(_ regex: Substring, written: String, at node: YAMLNode, context: inout KongContext) -> YAMLNode {
        let prefix = literalPrefix(ofRegex: regex)
        context.warning("Kong regex path '\(Diagnostic.excerpt(written))' is read as the path prefix '\(Diagnostic.excerpt(prefix))': meshsim's gateway routes match prefixes, so this route may take requests Kong would not send to it", at: node.location)
        return .scalar(prefix, at: node.location)
    }

    /// A path matched exactly (Ingress `Exact`, HTTPRoute `Exact`) read as a prefix.
    static func exact(_ path: String, at node: YAMLNode, context: inout KongContext) -> YAMLNode {
        context.warning("the exact path '\(Diagnostic.excerpt(path))' is read as a path prefix: meshsim's gateway routes match prefixes, so \(path == "/" ? "every path" : "paths below it") also match", at: node.location)
        return .scalar(path, at: node.location)
    }
}
