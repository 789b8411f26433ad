/// Lists in messages, as a sentence says them: `a`, `a and b`, `a, b and c`.
enum ListText {
    static func series(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
