/// A read position in an assertion's text; errors point at a character of it.
struct AssertionCursor {
    private let characters: [Character]
    private let location: SourceLocation
    private(set) var position = 0

    init(text: String, location: SourceLocation) {
        self.characters = Array(text)
        self.location = location
    }

    var isAtEnd: Bool { position >= characters.count }
    var peek: Character? { isAtEnd ? nil : characters[position] }
    var rest: String { String(characters[min(position, characters.count)...]) }

    /// Up to `length` characters from the position, fewer at the end.
    func peek(_ length: Int) -> String {
        String(characters[position..<min(position + length, characters.count)])
    }

    mutating func advance(_ count: Int = 1) {
        position = min(position + count, characters.count)
    }

    mutating func skipWhitespace() {
        _ = read(while: \.isWhitespace)
    }

    mutating func read(while accepts: (Character) -> Bool) -> String {
        let start = position
        while let character = peek, accepts(character) { position += 1 }
        return String(characters[start..<position])
    }

    /// Metric and label names: ASCII letters, digits and `_`.
    mutating func readIdentifier() -> String {
        read(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
    }

    func error(_ message: String, at offset: Int) -> Diagnostic {
        .error(message, at: SourceLocation(file: location.file, line: location.line, column: location.column + offset))
    }
}
