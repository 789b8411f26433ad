/// The one escaping of report.html and junit.xml: every string that comes from the user
/// (scenario, client, route, service and fault names, event details, sweep values) goes
/// through it, in text, in attributes and inside SVG. The result is also well-formed XML, so
/// each chart parses as an XML document.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe between tags and inside a
    /// quoted attribute value. The characters XML 1.0 cannot carry at all (controls other than
    /// tab, newline and carriage return, U+FFFE, U+FFFF) become U+FFFD: a sweep value typed
    /// on the command line can hold any of them, and one would make the chart unparsable.
    /// With `whitespaceAsReferences`, tab, newline and carriage return become references too,
    /// so that an XML attribute keeps them (attribute normalisation turns them into spaces).
    public static func escape(_ text: String, whitespaceAsReferences: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result += whitespaceAsReferences ? "&#\(scalar.value);" : String(scalar)
            default:
                let allowed = scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value)
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
