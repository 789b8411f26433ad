/// The text pieces of the OpenMetrics exposition format that need care: label values and
/// numbers (OpenMetrics 1.0, "ABNF" and "Canonical numbers").
enum OpenMetricsText {
    /// A label value between its double quotes: `\` → `\\`, `"` → `\"`, newline → `\n`,
    /// the three escapes the format has; everything else, UTF-8 included, stays as written.
    static func escaped(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }) else {
            return value
        }
        var text = ""
        text.reserveCapacity(value.utf8.count + 8)
        for character in value.unicodeScalars {
            switch character {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            default: text.unicodeScalars.append(character)
            }
        }
        return text
    }

    /// A sample value: whole numbers without a point (counts, whole milliseconds), others as
    /// the shortest decimal that reads back as the same double.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "+Inf" : "-Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A bucket's `le`: whole bounds as `5.0`, as OpenMetrics' canonical form of a float label
    /// value writes them, so that a bound has one spelling; others as `number` does.
    static func bound(_ value: Double) -> String {
        guard value.isFinite else { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) + ".0" }
        return String(value)
    }
}
