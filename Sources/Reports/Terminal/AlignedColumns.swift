/// Plain-text columns for the terminal: two spaces apart, the first `textColumns` left-aligned
/// and the rest (numbers) right-aligned, no trailing spaces, no colour codes.
enum AlignedColumns {
    static func render(_ rows: [[String]], textColumns: Int) -> String {
        var widths: [Int] = []
        for row in rows {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return rows.map { row in
            var text = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column < textColumns ? cell + padding : padding + cell
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }.joined()
    }
}
