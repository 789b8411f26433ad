/// RFC 4180 CSV rows: fields quoted only when they contain comma, quote, CR or LF; quotes
/// doubled; "\n" line ends (the spec's choice over RFC 4180's CRLF).
///
/// Rows are written as given: callers keep them as wide as the header.
public struct CSVTable: Sendable {
    private var lines: [String]

    public init(header: [String]) {
        lines = [CSVTable.line(header)]
    }

    public mutating func append(_ row: [String]) {
        lines.append(CSVTable.line(row))
    }

    /// The header and every row, each ended by "\n".
    public var text: String {
        lines.map { $0 + "\n" }.joined()
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",")
    }

    private static func field(_ value: String) -> String {
        // Scanning unicode scalars, not characters: "\r\n" is a single Character.
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingQuoteMarks() + "\""
    }
}

extension String {
    fileprivate func replacingQuoteMarks() -> String {
        var result = ""
        result.reserveCapacity(utf8.count + 2)
        for scalar in unicodeScalars {
            result.unicodeScalars.append(scalar)
            if scalar == "\"" { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
