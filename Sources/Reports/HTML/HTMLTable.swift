/// A table from a header and rows of cells, the same cells a CSV writer writes, each escaped.
/// Cells that read as numbers align right so that columns compare.
public enum HTMLTable {
    public static func html(header: [String], rows: [[String]], caption: String? = nil) -> String {
        var text = "<div class=\"table-wrap\"><table>"
        if let caption { text += "<caption>\(HTMLText.escape(caption))</caption>" }
        text += "<thead><tr>" + header.map { "<th>\(HTMLText.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for row in rows {
            text += "<tr>" + row.map(cell).joined() + "</tr>"
        }
        return text + "</tbody></table></div>"
    }

    private static func cell(_ value: String) -> String {
        let numeric = !value.isEmpty && Double(value) != nil
        return numeric ? "<td class=\"num\">\(HTMLText.escape(value))</td>" : "<td>\(HTMLText.escape(value))</td>"
    }
}
