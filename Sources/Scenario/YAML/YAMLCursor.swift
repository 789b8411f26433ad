/// A position in YAML source text that knows its line and column.
///
/// The text is held as Unicode scalars so that a column counts characters as a user's editor
/// does for ordinary text, and so that indexing is O(1). Copying a cursor is cheap (the
/// array is shared), which the parser uses for lookahead.
struct YAMLCursor {
    let text: [Unicode.Scalar]
    let file: String
    private(set) var index = 0
    private(set) var line = 1
    private(set) var lineStart = 0

    init(_ source: String, file: String) {
        var scalars = Array(source.unicodeScalars)
        if scalars.first == "\u{FEFF}" {
            scalars.removeFirst()
        }
        self.text = scalars
        self.file = file
    }

    var isAtEnd: Bool { index >= text.count }
    var current: Unicode.Scalar? { peek(0) }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        let position = index + offset
        return position >= 0 && position < text.count ? text[position] : nil
    }

    /// 0-based column, which is also the indentation of a line's first content character.
    var column: Int { index - lineStart }
    var location: SourceLocation { SourceLocation(file: file, line: line, column: column + 1) }

    /// The location of `position`, which must lie on the current line.
    func location(ofIndex position: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: position - lineStart + 1)
    }

    func error(_ message: String) -> Diagnostic { .error(message, at: location) }

    /// The text at `range`, built in one go: appending scalar by scalar costs a fifth of parsing.
    func string(_ range: Range<Int>) -> String {
        let scalars = text[range]
        guard scalars.allSatisfy(\.isASCII) else { return String(decoding: scalars.map(\.value), as: UTF32.self) }
        return String(unsafeUninitializedCapacity: scalars.count) { buffer in
            for (offset, scalar) in scalars.enumerated() { buffer[offset] = UInt8(truncatingIfNeeded: scalar.value) }
            return scalars.count
        }
    }

    mutating func advance() {
        guard index < text.count else { return }
        let scalar = text[index]
        index += 1
        if scalar == "\n" || (scalar == "\r" && current != "\n") {
            line += 1
            lineStart = index
        }
    }

    /// Moves forward to `position` on the current line.
    mutating func advance(to position: Int) {
        while index < position && !isAtEnd { advance() }
    }

    var atBreak: Bool { current.map(YAMLCursor.isBreak) ?? false }
    var atBreakOrEnd: Bool { current.map(YAMLCursor.isBreak) ?? true }
    var atBlank: Bool { current.map(YAMLCursor.isBlank) ?? false }
    var atBlankOrBreakOrEnd: Bool { current.map(YAMLCursor.isWhitespace) ?? true }

    /// True when the scalar after the current one is whitespace or the end: `-`, `?` and `:`
    /// are indicators only in that case.
    var nextIsBlankOrBreakOrEnd: Bool { peek(1).map(YAMLCursor.isWhitespace) ?? true }

    /// `#` starts a comment only at the start of a line or after whitespace.
    var atComment: Bool {
        guard current == "#" else { return false }
        return index == lineStart || (peek(-1).map(YAMLCursor.isWhitespace) ?? true)
    }

    /// A `---` or `...` line marker at column 0.
    var atDocumentMarker: Bool {
        guard column == 0, let first = current, first == "-" || first == "." else { return false }
        return peek(1) == first && peek(2) == first && (peek(3).map(YAMLCursor.isWhitespace) ?? true)
    }

    mutating func skipBlanks() {
        while atBlank { advance() }
    }

    /// Consumes one line break, treating `\r\n` as one.
    mutating func skipBreak() {
        if current == "\r" {
            advance()
            if current == "\n" { advance() }
        } else if current == "\n" {
            advance()
        }
    }

    mutating func skipToLineEnd() {
        while !atBreakOrEnd { advance() }
    }

    /// Skips blanks and a comment; returns true when only that was left on the line.
    mutating func skipSpaceAndComment() -> Bool {
        skipBlanks()
        if atComment { skipToLineEnd() }
        return atBreakOrEnd
    }

    /// Moves to the first content character of the next line that has any (blank lines and
    /// comment-only lines are skipped) and returns its indentation, or nil at the end of input.
    /// The current line counts only when the cursor is still within its indentation.
    mutating func skipToContentLine() throws(Diagnostic) -> Int? {
        if text[lineStart..<min(index, text.count)].allSatisfy({ $0 == " " }) {
            index = lineStart
        } else {
            _ = skipSpaceAndComment()
        }
        while true {
            if isAtEnd { return nil }
            if atBreak {
                skipBreak()
                continue
            }
            var indent = 0
            while current == " " {
                advance()
                indent += 1
            }
            if current == "\t" {
                let tab = location
                skipBlanks()
                if !atBreakOrEnd && !atComment {
                    throw .error("tabs are not allowed in indentation; use spaces", at: tab)
                }
            }
            if atComment { skipToLineEnd() }
            if atBreakOrEnd { continue }
            return indent
        }
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool { scalar == "\n" || scalar == "\r" }
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { isBlank(scalar) || isBreak(scalar) }
    static func isFlowIndicator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}"
    }
}
