/// Flow collections, `[a, b]` and `{k: v}`, which may nest and span lines (so JSON parses).
extension YAMLReader {
    /// Parses the collection at `[` or `{` and leaves the cursor after its closing bracket.
    mutating func parseFlowCollection() throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        let isSequence = cursor.current == "["
        let closer: Unicode.Scalar = isSequence ? "]" : "}"
        let kind = isSequence ? "flow sequence" : "flow mapping"
        cursor.advance()
        var items: [YAMLNode] = []
        var mapping = YAMLMappingBuilder()
        while true {
            try skipFlowSpace(untilClosing: kind, openedAt: start)
            if cursor.current == closer { break }
            if cursor.current == "," {
                throw cursor.error("expected a value before ',' in the \(kind)")
            }
            if isSequence {
                items.append(try parseFlowSequenceEntry(openedAt: start))
            } else {
                try parseFlowMappingEntry(into: &mapping, openedAt: start)
            }
            try skipFlowSpace(untilClosing: kind, openedAt: start)
            if cursor.current == closer { break }
            guard cursor.current == "," else {
                throw cursor.error("expected ',' or '\(closer)' in the \(kind) that starts at \(start.line):\(start.column)")
            }
            cursor.advance()
        }
        cursor.advance()
        return isSequence ? YAMLNode(.sequence(items), at: start) : mapping.build(at: start)
    }

    /// An entry of a flow sequence: a node, or a single `key: value` pair (`[a: 1]`).
    private mutating func parseFlowSequenceEntry(openedAt start: SourceLocation) throws(Diagnostic) -> YAMLNode {
        if cursor.current == ":" && endsFlowKey(cursor.peek(1)) {
            throw cursor.error("a mapping key cannot be empty")
        }
        let (key, keyText, quoted) = try parseFlowKeyOrNode()
        try skipFlowSpace(untilClosing: "flow sequence", openedAt: start)
        guard cursor.current == ":" else { return key }
        guard let keyText else { throw .error("mapping keys must be scalars", at: key.location) }
        cursor.advance()
        var pair = YAMLMappingBuilder()
        let value = try parseFlowValue(closer: "]", openedAt: start)
        try pair.add(YAMLEntry(key: keyText, keyLocation: key.location, value: value), isMergeKey: !quoted && keyText == "<<")
        return pair.build(at: key.location)
    }

    private mutating func parseFlowMappingEntry(into mapping: inout YAMLMappingBuilder, openedAt start: SourceLocation) throws(Diagnostic) {
        if cursor.current == ":" && endsFlowKey(cursor.peek(1)) {
            throw cursor.error("a mapping key cannot be empty")
        }
        let (key, keyText, quoted) = try parseFlowKeyOrNode()
        guard let keyText else { throw .error("mapping keys must be scalars", at: key.location) }
        try skipFlowSpace(untilClosing: "flow mapping", openedAt: start)
        let value: YAMLNode
        if cursor.current == ":" {
            cursor.advance()
            value = try parseFlowValue(closer: "}", openedAt: start)
        } else {
            value = YAMLNode(.scalar("", quoted: false), at: cursor.location)
        }
        try mapping.add(YAMLEntry(key: keyText, keyLocation: key.location, value: value), isMergeKey: !quoted && keyText == "<<")
    }

    /// Parses a node that may turn out to be a key; returns its text when it is a scalar that
    /// is not an alias (aliases cannot be keys), and whether it was quoted.
    private mutating func parseFlowKeyOrNode() throws(Diagnostic) -> (YAMLNode, String?, Bool) {
        let isAlias = cursor.current == "*"
        let node = try parseFlowNode()
        guard !isAlias, case .scalar(let text, let quoted) = node.value else {
            return (node, nil, false)
        }
        return (node, text, quoted)
    }

    private mutating func parseFlowValue(closer: Unicode.Scalar, openedAt start: SourceLocation) throws(Diagnostic) -> YAMLNode {
        let emptyLocation = cursor.location
        try skipFlowSpace(untilClosing: closer == "]" ? "flow sequence" : "flow mapping", openedAt: start)
        if cursor.current == "," || cursor.current == closer {
            return YAMLNode(.scalar("", quoted: false), at: emptyLocation)
        }
        return try parseFlowNode()
    }

    /// A node inside a flow collection, with its optional anchor.
    private mutating func parseFlowNode() throws(Diagnostic) -> YAMLNode {
        try enterNesting()
        defer { leaveNesting() }
        let anchor = try parseProperties(skippingBreaks: true)
        let mark = markNode()
        let node: YAMLNode
        switch cursor.current {
        case "[", "{":
            node = try parseFlowCollection()
        case "\"", "'":
            node = try parseQuotedScalar()
        case "*":
            node = try parseAlias()
        case "|", ">":
            throw cursor.error("block scalars ('|', '>') cannot be used inside a flow collection; use a quoted string")
        case "?" where cursor.nextIsBlankOrBreakOrEnd:
            throw complexKeyError()
        case ",", "]", "}", nil:
            node = YAMLNode(.scalar("", quoted: false), at: cursor.location)
        case ":" where endsFlowKey(cursor.peek(1)):
            node = YAMLNode(.scalar("", quoted: false), at: cursor.location)
        default:
            node = parseFlowPlainScalar()
        }
        finish(node, since: mark, anchor: anchor)
        return node
    }

    private func endsFlowKey(_ next: Unicode.Scalar?) -> Bool {
        next.map { YAMLCursor.isWhitespace($0) || YAMLCursor.isFlowIndicator($0) } ?? true
    }

    /// Skips whitespace, line breaks and comments inside a flow collection; tabs are fine here,
    /// as JSON indented with tabs must parse.
    private mutating func skipFlowSpace(untilClosing kind: String, openedAt start: SourceLocation) throws(Diagnostic) {
        skipFlowSpace()
        if cursor.isAtEnd {
            throw .error("unterminated \(kind): missing '\(kind == "flow sequence" ? "]" : "}")'", at: start)
        }
    }

    mutating func skipFlowSpace() {
        while let scalar = cursor.current {
            if cursor.atComment {
                cursor.skipToLineEnd()
            } else if YAMLCursor.isWhitespace(scalar) {
                cursor.advance()
            } else {
                return
            }
        }
    }
}
