/// RFC 4180 CSV rows: fields quoted only when they contain comma, quote, CR or LF; quotes
/// doubled; "\n" line ends (the spec's choice over RFC 4180's CRLF).
///
/// Rows are written as given: callers keep them as wide as the header.
public struct CSVTable: Sendable {
    /// The header and every row, each ended by "\n". Written into as rows come, so that a
    /// table of millions of fields is one string grown in place, not a string per line.
    public private(set) var text = ""

    public init(header: [String]) {
        append(header)
    }

    public mutating func append(_ row: [String]) {
        for (index, value) in row.enumerated() {
            if index > 0 { text += "," }
            CSVTable.append(field: value, to: &text)
        }
        text += "\n"
    }

    private static func append(field value: String, to text: inout String) {
        // The four bytes are ASCII, so scanning UTF-8 finds what scanning unicode scalars
        // would: "\r\n" is a single Character, but two bytes.
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        guard needsQuotes else {
            text += value
            return
        }
        text += "\"" + value.replacingQuoteMarks() + "\""
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
