/// What a block line starts with, found by looking ahead on the line without consuming it.
enum YAMLImplicitKey {
    /// A scalar key; `colon` is the index of the `:` that ends it.
    case scalar(colon: Int)
    /// A flow collection or alias used as a key; `start` is its index.
    case nonScalar(start: Int)
    /// Not a `key: value` line.
    case none
}

extension YAMLCursor {
    /// Classifies the rest of the current line: is it `key: value`?
    ///
    /// A key ends at the first `:` followed by whitespace. Parentheses group, so that
    /// `- mix(90%: 1ms, 10%: 2ms)` is a scalar rather than a key `mix(90%`; if they do not
    /// balance on the line, the first `: ` ends the key as in plain YAML.
    func implicitKey() -> YAMLImplicitKey {
        var position = index
        while position < text.count, text[position] == "&" || text[position] == "!" {
            position = skipToken(from: position)
            position = skipBlanks(from: position)
        }
        guard position < text.count else { return .none }
        let start = position
        switch text[start] {
        case "\"", "'":
            guard let close = closingQuote(from: start) else { return .none }
            return isKeyColon(at: skipBlanks(from: close + 1)) ? .scalar(colon: skipBlanks(from: close + 1)) : .none
        case "[", "{":
            guard let close = closingBracket(from: start) else { return .none }
            return isKeyColon(at: skipBlanks(from: close + 1)) ? .nonScalar(start: start) : .none
        case "*":
            return isKeyColon(at: skipBlanks(from: skipToken(from: start))) ? .nonScalar(start: start) : .none
        case "|", ">", "#":
            return .none
        default:
            return plainKeyColon(from: start).map { .scalar(colon: $0) } ?? .none
        }
    }

    private func plainKeyColon(from start: Int) -> Int? {
        var depth = 0
        var firstColonInParentheses: Int?
        var position = start
        while position < text.count, !YAMLCursor.isBreak(text[position]) {
            let scalar = text[position]
            if YAMLCursor.isBlank(scalar) && position + 1 < text.count && text[position + 1] == "#" {
                break
            }
            if scalar == "(" {
                depth += 1
            } else if scalar == ")" && depth > 0 {
                depth -= 1
            } else if isKeyColon(at: position) {
                if depth == 0 { return position }
                if firstColonInParentheses == nil { firstColonInParentheses = position }
            }
            position += 1
        }
        return depth == 0 ? nil : firstColonInParentheses
    }

    private func isKeyColon(at position: Int) -> Bool {
        guard position < text.count, text[position] == ":" else { return false }
        return position + 1 >= text.count || YAMLCursor.isWhitespace(text[position + 1])
    }

    private func skipToken(from start: Int) -> Int {
        var position = start
        while position < text.count, !YAMLCursor.isWhitespace(text[position]) { position += 1 }
        return position
    }

    private func skipBlanks(from start: Int) -> Int {
        var position = start
        while position < text.count, YAMLCursor.isBlank(text[position]) { position += 1 }
        return position
    }

    /// The index of the quote closing the one at `start`, if it is on the same line.
    private func closingQuote(from start: Int) -> Int? {
        let quote = text[start]
        var position = start + 1
        while position < text.count, !YAMLCursor.isBreak(text[position]) {
            let scalar = text[position]
            if quote == "\"" && scalar == "\\" {
                position += 2
                continue
            }
            if scalar == quote {
                if quote == "'" && position + 1 < text.count && text[position + 1] == "'" {
                    position += 2
                    continue
                }
                return position
            }
            position += 1
        }
        return nil
    }

    /// The index of the bracket closing the one at `start`, if it is on the same line.
    private func closingBracket(from start: Int) -> Int? {
        var depth = 0
        var position = start
        while position < text.count, !YAMLCursor.isBreak(text[position]) {
            switch text[position] {
            case "[", "{":
                depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return position }
            case "\"", "'":
                guard let close = closingQuote(from: position) else { return nil }
                position = close
            default:
                break
            }
            position += 1
        }
        return nil
    }
}
