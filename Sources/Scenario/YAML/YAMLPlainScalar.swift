/// Plain (unquoted) scalars, in block and in flow context.
///
/// A plain scalar may continue on following lines; the line breaks fold into a space, or into
/// `n` newlines across `n` empty lines. `~` alone means an empty value.
extension YAMLReader {
    /// A block plain scalar runs to the end of the line or a comment (a `: ` inside it is
    /// text, so that `latency: mix(90%: 1ms, 10%: 2ms)` is one value), and continues on
    /// following lines indented more than `parentIndent`.
    mutating func parseBlockPlainScalar(parentIndent: Int) throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        var text = ""
        var endedByComment = readPlainLine(into: &text)
        while !endedByComment, let emptyLines = try continuationOfBlockPlainScalar(parentIndent: parentIndent, start: start) {
            text += emptyLines == 0 ? " " : String(repeating: "\n", count: emptyLines)
            endedByComment = readPlainLine(into: &text)
        }
        return YAMLNode(.scalar(text == "~" ? "" : text, quoted: false), at: start)
    }

    /// Appends the rest of the line without trailing blanks; true if a comment ended it.
    private mutating func readPlainLine(into text: inout String) -> Bool {
        let start = cursor.index
        var end = start
        defer { text += cursor.string(start..<end) }
        while let scalar = cursor.current, !YAMLCursor.isBreak(scalar) {
            if cursor.atComment {
                cursor.skipToLineEnd()
                return true
            }
            cursor.advance()
            if !YAMLCursor.isBlank(scalar) { end = cursor.index }
        }
        return false
    }

    /// If the next content line continues the scalar, moves to its first character and returns
    /// the number of empty lines skipped; otherwise leaves the cursor where it was.
    private mutating func continuationOfBlockPlainScalar(parentIndent: Int, start: SourceLocation) throws(Diagnostic) -> Int? {
        var probe = cursor
        var emptyLines = -1
        while probe.atBreak {
            probe.skipBreak()
            emptyLines += 1
            var indent = 0
            while probe.current == " " {
                probe.advance()
                indent += 1
            }
            var rest = probe
            rest.skipBlanks()
            if rest.atBreak {
                probe = rest
                continue
            }
            if probe.isAtEnd || probe.atBlank || probe.atComment || indent <= parentIndent || probe.atDocumentMarker {
                return nil
            }
            if case .scalar = probe.implicitKey() {
                // At the top level nothing is indented wrongly: the first line lacks its ': '.
                if parentIndent < 0 {
                    throw .error("expected 'key: value' (a key ends with a colon followed by a space)", at: start)
                }
                throw probe.error("bad indentation: this 'key: value' line is indented more than the entry above it")
            }
            cursor = probe
            return emptyLines
        }
        return nil
    }

    /// A flow plain scalar ends at `,` `[` `]` `{` `}`, at `:` followed by whitespace or one
    /// of those, or at a comment. Inside parentheses `,` and `:` do not end it, so that
    /// `{ latency: mix(90%: 1ms, 10%: 2ms), x: 1 }` has the latency as one value.
    mutating func parseFlowPlainScalar() -> YAMLNode {
        let start = cursor.location
        var text = ""
        // The run of text since the last line break, up to its last non-blank.
        var runStart = cursor.index
        var runEnd = runStart
        var depth = 0
        while let scalar = cursor.current {
            if YAMLCursor.isBreak(scalar) {
                var probe = cursor
                var breaks = 0
                while let next = probe.current, YAMLCursor.isWhitespace(next) {
                    if YAMLCursor.isBreak(next) {
                        breaks += 1
                        probe.skipBreak()
                    } else {
                        probe.advance()
                    }
                }
                if probe.isAtEnd || probe.atComment || endsFlowPlainScalar(probe, depth: depth) { break }
                text += cursor.string(runStart..<runEnd)
                cursor = probe
                text += breaks == 1 ? " " : String(repeating: "\n", count: breaks - 1)
                runStart = cursor.index
                runEnd = runStart
                continue
            }
            if cursor.atComment || endsFlowPlainScalar(cursor, depth: depth) { break }
            if !YAMLCursor.isBlank(scalar) {
                if scalar == "(" {
                    depth += 1
                } else if scalar == ")" && depth > 0 {
                    depth -= 1
                }
                runEnd = cursor.index + 1
            }
            cursor.advance()
        }
        text += cursor.string(runStart..<runEnd)
        return YAMLNode(.scalar(text == "~" ? "" : text, quoted: false), at: start)
    }

    private func endsFlowPlainScalar(_ position: YAMLCursor, depth: Int) -> Bool {
        guard let scalar = position.current else { return true }
        switch scalar {
        case "[", "]", "{", "}":
            return true
        case ",":
            return depth == 0
        case ":":
            guard depth == 0 else { return false }
            guard let next = position.peek(1) else { return true }
            return YAMLCursor.isWhitespace(next) || YAMLCursor.isFlowIndicator(next)
        default:
            return false
        }
    }
}
