/// One `--header NAME=VALUE` of `meshsim eval`, split at the first `=`.
public struct EvalHeader: Equatable, Sendable {
    /// Header name as typed (HTTP header names compare case-insensitively; matching is left to the policies).
    public var name: String
    /// Header value; may be empty and may itself contain `=`.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// Splits `NAME=VALUE`; `nil` when there is no `=` or the name is empty or holds whitespace.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let name = String(text[..<equals])
        guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return nil }
        self.init(name: name, value: String(text[text.index(after: equals)...]))
    }
}
