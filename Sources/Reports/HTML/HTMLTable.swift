import Scenario

/// A table from a header and rows of cells, the same cells a CSV writer writes, each escaped.
/// Cells that read as numbers align right so that columns compare.
public enum HTMLTable {
    /// Rows a page shows of one table. A sweep of a million points is a sweep.csv of a million
    /// rows, and as markup some 2.3 KB a row: a page of gigabytes that no browser opens. No
    /// one reads past a few thousand rows on a page; the CSV file beside it has them all.
    static let maximumRows = 10_000

    public static func html(header: [String], rows: [[String]], caption: String? = nil) -> String {
        var text = "<div class=\"table-wrap\"><table>"
        if let caption { text += "<caption>\(HTMLText.escape(caption))</caption>" }
        text += "<thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows.prefix(maximumRows) {
            text += "<tr>" + row.map(cell).joined() + "</tr>"
        }
        text += "</tbody></table>"
        if rows.count > maximumRows {
            text += "<p>The first \(CountText.grouped(maximumRows)) of \(CountText.grouped(rows.count)) rows; the CSV file has them all.</p>"
        }
        return text + "</div>"
    }

    private static func cell(_ value: String) -> String {
        let numeric = !value.isEmpty && Double(value) != nil
        return numeric ? "<td class=\"num\">\(HTMLText.escape(value))</td>" : "<td>\(HTMLText.escape(value))</td>"
    }
}
