/// "Did you mean" suggestions for misspelt keys and names.
enum EditDistance {
    /// Levenshtein distance over characters.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest candidate when it is near enough to be a plausible typo: at most 2 edits, or at most
    /// a third of the word's length for long words. Case is ignored, so `roundrobin` finds `ROUND_ROBIN`.
    static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(2, word.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = between(word.lowercased(), candidate.lowercased())
            if distance <= limit, distance < best?.distance ?? Int.max {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// `did you mean 'x'?` when a candidate is close, else the whole list of valid choices.
    static func hint(for word: String, among candidates: [String], listName: String) -> String {
        if let suggestion = suggestion(for: word, among: candidates) {
            return "did you mean '\(suggestion)'?"
        }
        return "\(listName): \(candidates.joined(separator: ", "))"
    }
}
