/// Finds the known word a mistyped command or option most likely meant.
enum Suggestion {
    /// The candidate closest to `typed`, or `nil` when none is close enough to be a typo.
    ///
    /// Leading dashes are ignored on both sides, so `-seed` suggests `--seed`. A candidate
    /// qualifies within 1 edit for short words and 2 for words of six letters or more;
    /// ties go to the candidate sharing more letters in order with `typed` (`--sed`
    /// suggests `--seed` rather than `--set`), then to the first listed.
    static func closest(to typed: String, among candidates: [String]) -> String? {
        let word = Array(stripDashes(typed).lowercased())
        var best: (candidate: String, distance: Int, shared: Int)?
        for candidate in candidates {
            let target = Array(stripDashes(candidate).lowercased())
            let distance = editDistance(word, target)
            guard distance <= max(1, min(2, target.count / 3)) else { continue }
            let shared = commonSubsequenceLength(word, target)
            if let current = best,
               current.distance < distance || (current.distance == distance && current.shared >= shared) {
                continue
            }
            best = (candidate, distance, shared)
        }
        return best?.candidate
    }

    private static func stripDashes(_ text: String) -> Substring {
        text.drop { $0 == "-" }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbouring characters each cost 1, because a swap (`rnu`) is one slip of the fingers.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var rows = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { rows[i][0] = i }
        for j in 0...b.count { rows[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[i - 2][j - 2] + 1)
                }
                rows[i][j] = value
            }
        }
        return rows[a.count][b.count]
    }

    private static func commonSubsequenceLength(_ a: [Character], _ b: [Character]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var current = [Int](repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            previous = current
        }
        return previous[b.count]
    }
}
