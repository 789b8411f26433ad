import Foundation

/// How the report writes its numbers.
enum NumberText {
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    static func percent(_ ratio: Double) -> String {
        fixed(100 * ratio, 1) + "%"
    }
}
