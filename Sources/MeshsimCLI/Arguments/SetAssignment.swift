/// One `--set PATH=VALUE` override, split where the path ends.
///
/// Paths may pick list entries by name (`gateway.plugins[name=rate-limiting].config.minute=100`),
/// so the split is at the first `=` outside square brackets, not simply the first `=`.
public struct SetAssignment: Equatable, Sendable {
    /// Override path: dotted keys, `[N]` list indexes and `[name=X]` selectors.
    public var path: String
    /// Value text, to be read like a YAML scalar.
    public var value: String

    public init(path: String, value: String) {
        self.path = path
        self.value = value
    }

    /// Splits `PATH=VALUE`; `nil` when there is no `=` outside brackets or either side is empty.
    public init?(parsing text: String) {
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "[": depth += 1
            case "]": depth -= 1
            case "=" where depth == 0:
                let path = String(text[..<index])
                let value = String(text[text.index(after: index)...])
                guard !path.isEmpty, !value.isEmpty else { return nil }
                self.init(path: path, value: value)
                return
            default: break
            }
        }
        return nil
    }
}
