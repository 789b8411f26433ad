extension YAMLNode {
    /// The node as one line of text, for a column or a label: a scalar as written (`200/s`,
    /// `3`; a quoted one without its quotes), a collection as compact flow YAML (`[a, b]`,
    /// `{x: 1, y: [2, 3]}`) that reads back as the same value. An empty plain scalar (null) is `~`.
    public var flowText: String {
        switch value {
        case .scalar(let text, let quoted): quoted || !text.isEmpty ? text : "~"
        case .sequence, .mapping: Self.flow(self)
        }
    }

    private static func flow(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, let quoted): scalar(text, quoted: quoted)
        case .sequence(let items): "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let entries): "{" + entries.map { scalar($0.key, quoted: false) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Inside a collection a scalar keeps what tells it apart: quotes when it was quoted (`"5"`
    /// is text, `5` a number) or when, plain, it would not read back as the same text in flow
    /// context (a comma, a bracket, `: `, ` #`, an indicator first, a line break).
    private static func scalar(_ text: String, quoted: Bool) -> String {
        if !quoted && text.isEmpty { return "~" }
        guard quoted || needsQuotes(text) else { return text }
        var escaped = "\""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }

    private static func needsQuotes(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if ",[]{}#&*!|>'\"%@`".contains(first) || first.isWhitespace || last.isWhitespace || last == ":" { return true }
        // `-5` and `:x` are plain; `-` alone or `- x` would start something else.
        if "-?:".contains(first) {
            let second = text.dropFirst().first
            if second == nil || second?.isWhitespace == true { return true }
        }
        return text.contains { ",[]{}\n\t\r".contains($0) } || text.contains(": ") || text.contains(" #")
    }
}
