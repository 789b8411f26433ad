/// A path into a scenario's YAML tree, as written after `--set` and as a key of `variants`:
/// dotted mapping keys, `[N]` for a list index, `[name=X]` for the list entry named X, and
/// `+NAME` for a new entry of a map keyed by names (`services.+cache`).
public enum OverridePath {
    /// The most components a path may have. Paths into a scenario need about ten; the editor
    /// follows a path by recursion, and the tree it builds is decoded by recursion, so this
    /// keeps hostile paths from exhausting the stack.
    public static let maxComponents = 64

    public enum Component: Sendable, Hashable {
        case key(String)
        /// `+NAME`: an entry to add to a map keyed by names; it must not exist yet.
        case newKey(String)
        case index(Int)
        /// The entry of a list that is a mapping whose `name` is this value.
        case named(String)
    }

    /// A syntax error in a path and the character offset (from 0) where it was found.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var offset: Int

        public init(message: String, offset: Int) {
            self.message = message
            self.offset = offset
        }

        public var description: String { message }
    }

    /// The top-level key a path starts with (`manifests` for `manifests[0]`), or nil when it
    /// does not parse (applying it reports why).
    public static func firstKey(of path: String) -> String? {
        guard case .success(let components) = parse(path), case .key(let key)? = components.first else { return nil }
        return key
    }

    /// Splits `gateway.plugins[name=rate-limiting].config.minute` into its components.
    public static func parse(_ path: String) -> Result<[Component], Failure> {
        let characters = Array(path)
        var components: [Component] = []
        var position = 0
        // A key is expected at the start and after every dot; a `[` may also follow a key or `]`.
        var expectsKey = true
        while position < characters.count {
            let character = characters[position]
            if character == "[" {
                if expectsKey && !components.isEmpty {
                    return .failure(Failure(message: "expected a key after '.', found '['", offset: position))
                }
                guard let close = characters[position...].firstIndex(of: "]") else {
                    return .failure(Failure(message: "'[' is never closed with ']'", offset: position))
                }
                switch selector(String(characters[(position + 1)..<close]), offset: position) {
                case .success(let component): components.append(component)
                case .failure(let failure): return .failure(failure)
                }
                position = close + 1
                expectsKey = false
            } else if character == "." {
                if expectsKey {
                    return .failure(Failure(message: "empty key before '.'", offset: position))
                }
                position += 1
                expectsKey = true
            } else {
                if !expectsKey {
                    return .failure(Failure(message: "expected '.' or '[' after ']', found '\(character)'", offset: position))
                }
                var end = position
                while end < characters.count, !"[].".contains(characters[end]) {
                    if characters[end] == "=" || characters[end].isWhitespace {
                        return .failure(Failure(message: "'\(characters[end])' is not allowed in a key", offset: end))
                    }
                    end += 1
                }
                if end < characters.count, characters[end] == "]" {
                    return .failure(Failure(message: "']' without a matching '['", offset: end))
                }
                let key = String(characters[position..<end])
                if key == "+" {
                    return .failure(Failure(message: "'+' must be followed by the name of the entry to add", offset: position))
                }
                components.append(key.hasPrefix("+") ? .newKey(String(key.dropFirst())) : .key(key))
                position = end
                expectsKey = false
            }
            if components.count > maxComponents {
                return .failure(Failure(message: "the path has more than \(maxComponents) components", offset: position - 1))
            }
        }
        if components.isEmpty {
            return .failure(Failure(message: "the path is empty", offset: 0))
        }
        if expectsKey {
            return .failure(Failure(message: "the path ends with '.'; a key must follow it", offset: characters.count - 1))
        }
        return .success(components)
    }

    /// The path as written: `services.+cache.versions[0]`.
    static func text(_ components: some Sequence<Component>) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .newKey(let key): text += (text.isEmpty ? "+" : ".+") + key
            case .index(let index): text += "[\(index)]"
            case .named(let name): text += "[name=\(name)]"
            }
        }
        return text
    }

    /// Reads the inside of `[...]` that starts at `offset`.
    private static func selector(_ inside: String, offset: Int) -> Result<Component, Failure> {
        if inside.isEmpty {
            return .failure(Failure(message: "'[]' selects nothing: write [N] or [name=X]", offset: offset))
        }
        if inside.allSatisfy(\.isASCIIDigit) {
            guard let index = Int(inside) else {
                return .failure(Failure(message: "index \(inside) is too large", offset: offset + 1))
            }
            return .success(.index(index))
        }
        if inside.hasPrefix("name=") {
            let name = String(inside.dropFirst("name=".count))
            if name.isEmpty {
                return .failure(Failure(message: "[name=] needs a name after '='", offset: offset + 1))
            }
            return .success(.named(name))
        }
        if inside.hasPrefix("-"), inside.dropFirst().allSatisfy(\.isASCIIDigit), inside.count > 1 {
            return .failure(Failure(message: "index \(inside) is negative; indexes start at 0", offset: offset + 1))
        }
        if inside.contains("=") {
            return .failure(Failure(message: "only [name=X] can select a list entry by field, not [\(inside)]", offset: offset + 1))
        }
        return .failure(Failure(message: "[\(inside)] is neither an index [N] nor a selector [name=X]", offset: offset + 1))
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
