/// Single-quoted (`''` escapes a quote) and double-quoted (backslash escapes) scalars.
///
/// Both may span lines: a line break and the blanks around it fold into one space, and `n`
/// empty lines into `n` newlines, as YAML specifies.
extension YAMLReader {
    mutating func parseQuotedScalar() throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        return YAMLNode(.scalar(try readQuotedScalar(), quoted: true), at: start)
    }

    /// Reads a quoted scalar at the cursor and returns its text.
    mutating func readQuotedScalar() throws(Diagnostic) -> String {
        let start = cursor.location
        let quote = cursor.current
        let double = quote == "\""
        cursor.advance()
        var text = ""
        // Blanks are held back until something follows them, since those before a line break
        // are dropped.
        var blanks = ""
        while true {
            guard let scalar = cursor.current else {
                throw .error("unterminated \(double ? "double" : "single")-quoted string: missing closing \(double ? "\"" : "'")", at: start)
            }
            if YAMLCursor.isBreak(scalar) {
                text += foldLineBreaks()
                blanks = ""
            } else if YAMLCursor.isBlank(scalar) {
                blanks.unicodeScalars.append(scalar)
                cursor.advance()
            } else if scalar == quote {
                cursor.advance()
                guard !double && cursor.current == "'" else { break }
                text += blanks + "'"
                blanks = ""
                cursor.advance()
            } else if double && scalar == "\\" {
                text += blanks
                blanks = ""
                try readEscape(into: &text)
            } else {
                text += blanks
                blanks = ""
                text.unicodeScalars.append(scalar)
                cursor.advance()
            }
        }
        return text + blanks
    }

    /// Consumes a line break, the blanks and empty lines after it; returns what they fold into.
    private mutating func foldLineBreaks() -> String {
        var breaks = 0
        while let scalar = cursor.current, YAMLCursor.isWhitespace(scalar) {
            if YAMLCursor.isBreak(scalar) {
                breaks += 1
                cursor.skipBreak()
            } else {
                cursor.advance()
            }
        }
        return breaks <= 1 ? " " : String(repeating: "\n", count: breaks - 1)
    }

    private mutating func readEscape(into text: inout String) throws(Diagnostic) {
        let backslash = cursor.location
        cursor.advance()
        guard let code = cursor.current else { return }
        if YAMLCursor.isBreak(code) {
            // An escaped line break joins the lines without a space.
            let folded = foldLineBreaks()
            if folded != " " { text += folded }
            return
        }
        cursor.advance()
        if let replacement = YAMLReader.singleCharacterEscapes[code] {
            text += replacement
            return
        }
        let digits: Int
        switch code {
        case "x": digits = 2
        case "u": digits = 4
        case "U": digits = 8
        default:
            throw .error("invalid escape sequence '\\\(code)' in a double-quoted string", at: backslash)
        }
        var value = try readHexDigits(digits, escapeAt: backslash)
        if digits == 4 && (0xD800...0xDBFF).contains(value) {
            // JSON writes characters beyond the BMP as a UTF-16 surrogate pair.
            guard cursor.current == "\\" && cursor.peek(1) == "u" else {
                throw .error("invalid Unicode escape: a high surrogate must be followed by '\\u' and a low surrogate", at: backslash)
            }
            cursor.advance()
            cursor.advance()
            let low = try readHexDigits(4, escapeAt: backslash)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw .error("invalid Unicode escape: expected a low surrogate after a high surrogate", at: backslash)
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw .error("invalid Unicode escape: U+\(String(value, radix: 16, uppercase: true)) is not a character", at: backslash)
        }
        text.unicodeScalars.append(scalar)
    }

    private static let singleCharacterEscapes: [Unicode.Scalar: String] = [
        "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}",
        "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
        "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
    ]

    private mutating func readHexDigits(_ count: Int, escapeAt backslash: SourceLocation) throws(Diagnostic) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = cursor.current, let digit = Character(scalar).hexDigitValue else {
                throw .error("invalid escape sequence: expected \(count) hexadecimal digits", at: backslash)
            }
            value = value * 16 + UInt32(digit)
            cursor.advance()
        }
        return value
    }
}
