import Foundation

/// How the report writes its numbers.
enum NumberText {
    /// A whole number with thousands separators: 12,345,678.
    static func count(_ value: Double) -> String {
        let digits = String(Int(value.rounded()))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: ",")
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static func percent(_ ratio: Double) -> String {
        fixed(100 * ratio, 1) + "%"
    }
}
