/// Reads the CSV that `CSVTable` writes (RFC 4180 with "\n" line ends; "\r\n" is taken
/// too), rows of any width. Used to read back the partial folders of shards.
public enum CSVReader {
    /// The rows of `text`, or nil when a quoted field never closes or a quote appears in
    /// the middle of an unquoted field.
    public static func rows(_ text: String) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append(scalar)
                        pending = scalars.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                row.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r":
                if scalar == "\r", pending == "\n" { pending = scalars.next() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                afterQuote = false
            case "\"":
                guard field.isEmpty, !afterQuote else { return nil }
                quoted = true
            default:
                guard !afterQuote else { return nil }
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted { return nil }
        if !field.isEmpty || !row.isEmpty || afterQuote {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
