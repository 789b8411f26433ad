/// Literal (`|`) and folded (`>`) block scalars with chomping (`-` strip, `+` keep, default
/// clip) and an optional indentation digit.
extension YAMLReader {
    private enum Chomping { case clip, strip, keep }

    private enum BlockLine {
        case empty
        case content(String)
    }

    mutating func parseBlockScalar(parentIndent: Int) throws(Diagnostic) -> YAMLNode {
        let start = cursor.location
        let literal = cursor.current == "|"
        cursor.advance()
        var chomping = Chomping.clip
        var chompingSeen = false
        var explicitIndent: Int?
        while let scalar = cursor.current {
            if (scalar == "-" || scalar == "+") && !chompingSeen {
                chomping = scalar == "-" ? .strip : .keep
                chompingSeen = true
            } else if explicitIndent == nil, let digit = Character(scalar).wholeNumberValue, (1...9).contains(digit) {
                explicitIndent = max(parentIndent + 1, 1) + digit - 1
            } else {
                break
            }
            cursor.advance()
        }
        if !cursor.atBlankOrBreakOrEnd {
            throw cursor.error("invalid block scalar header: '|' or '>' may be followed only by '-', '+' or an indentation digit 1-9")
        }
        if !cursor.skipSpaceAndComment() {
            throw cursor.error("unexpected text after the block scalar header; the text starts on the next line")
        }
        let (lines, lastLineHasBreak) = readBlockLines(parentIndent: parentIndent, contentIndent: explicitIndent)

        let contentCount = (lines.lastIndex { if case .content = $0 { true } else { false } } ?? -1) + 1
        let body = lines[..<contentCount]
        var text = literal ? YAMLReader.literalText(body) : YAMLReader.foldedText(body)
        let finalBreak = contentCount > 0 && (contentCount < lines.count || lastLineHasBreak) ? "\n" : ""
        switch chomping {
        case .strip:
            break
        case .clip:
            text += finalBreak
        case .keep:
            text += finalBreak + String(repeating: "\n", count: lines.count - contentCount)
        }
        return YAMLNode(.scalar(text, quoted: true), at: start)
    }

    /// Reads the lines after the header that belong to the scalar, and leaves the cursor at the
    /// start of the first line that does not (or at the end). Returns whether the last line read
    /// ended with a line break.
    private mutating func readBlockLines(parentIndent: Int, contentIndent explicitIndent: Int?) -> ([BlockLine], Bool) {
        var contentIndent = explicitIndent
        var lines: [BlockLine] = []
        var lastLineHasBreak = true
        while cursor.atBreak {
            cursor.skipBreak()
            let lineStart = cursor
            var spaces = 0
            while cursor.current == " " && spaces < (contentIndent ?? Int.max) {
                cursor.advance()
                spaces += 1
            }
            if cursor.isAtEnd { break }
            if cursor.atBreak {
                lines.append(.empty)
                continue
            }
            let indent = contentIndent ?? spaces
            if spaces < indent || indent <= parentIndent || lineStart.atDocumentMarker {
                cursor = lineStart
                break
            }
            contentIndent = indent
            var text = ""
            while let scalar = cursor.current, !YAMLCursor.isBreak(scalar) {
                text.unicodeScalars.append(scalar)
                cursor.advance()
            }
            lines.append(.content(text))
            lastLineHasBreak = cursor.atBreak
        }
        return (lines, lastLineHasBreak)
    }

    private static func literalText(_ lines: ArraySlice<BlockLine>) -> String {
        lines.map { line in
            if case .content(let text) = line { text } else { "" }
        }.joined(separator: "\n")
    }

    /// Folding joins adjacent lines with a space; empty lines become newlines, and lines that
    /// start with a blank ("more indented") keep their line breaks.
    private static func foldedText(_ lines: ArraySlice<BlockLine>) -> String {
        var text = ""
        var emptyLines = 0
        var seenContent = false
        var previousWasMoreIndented = false
        for line in lines {
            guard case .content(let content) = line else {
                emptyLines += 1
                continue
            }
            let moreIndented = content.first == " " || content.first == "\t"
            if !seenContent {
                text += String(repeating: "\n", count: emptyLines)
            } else if moreIndented || previousWasMoreIndented {
                text += String(repeating: "\n", count: emptyLines + 1)
            } else {
                text += emptyLines == 0 ? " " : String(repeating: "\n", count: emptyLines)
            }
            text += content
            emptyLines = 0
            seenContent = true
            previousWasMoreIndented = moreIndented
        }
        return text
    }
}
