/// Counts in messages with thousands separators (`1,000,000`), as limits and rates are read
/// best. Shared with the Policy target's lint.
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
        grouped(Saturating.whole(value))
    }
}
