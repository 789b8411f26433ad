/// Lists in messages, as a sentence says them: `a`, `a and b`, `a, b and c`. Shared with the
/// Policy target's lint.
package enum ListText {
    package static func series(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
