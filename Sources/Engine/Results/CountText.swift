/// Counts in messages with thousands separators (`1,000,000`).
/// Same API as the lint's `Scenario.CountText` (branch h-lint): after merging, delete this file.
package enum CountText {
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// An estimate, rounded; one too large for `Int` shows as its maximum.
    package static func grouped(_ value: Double) -> String {
        grouped(Int(exactly: value.rounded()) ?? (value < 0 ? .min : .max))
    }
}
