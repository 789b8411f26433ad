/// The one escaping of report.html: every string that comes from the user (scenario, client,
/// route, service and fault names, event details) goes through it, in text, in attributes and
/// inside SVG. The result is also well-formed XML, so each chart parses as an XML document.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe between tags and inside a
    /// quoted attribute value.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
