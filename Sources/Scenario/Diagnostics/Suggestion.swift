/// "Did you mean" for misspelled keys, names, commands and options: the one place that
/// decides what counts as a typo, so every message in meshsim suggests alike.
public enum Suggestion {
    /// The candidate closest to `typed`, or nil when none is close enough to be a typo.
    ///
    /// Case and leading dashes are ignored (`roundrobin` finds `ROUND_ROBIN`, `-seed` finds
    /// `--seed`). A candidate of up to three letters qualifies within 1 edit, a longer one
    /// within 2 or a third of its length. Ties go to the candidate sharing more letters in
    /// order with `typed` (`--sed` suggests `--seed`, not `--set`), then to the first listed.
    /// The name itself is never suggested.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let word = normalized(typed)
        var best: (candidate: String, distance: Int, shared: Int)?
        for candidate in candidates where candidate != typed {
            let target = normalized(candidate)
            let distance = editDistance(word, target)
            guard distance <= limit(for: target.count) else { continue }
            let shared = commonSubsequenceLength(word, target)
            if let current = best, current.distance < distance || (current.distance == distance && current.shared >= shared) {
                continue
            }
            best = (candidate, distance, shared)
        }
        return best?.candidate
    }

    /// `did you mean 'x'?` when a candidate is close, else `LIST: a, b, c`.
    public static func hint(for typed: String, among candidates: [String], listName: String) -> String {
        if let suggestion = closest(to: typed, among: candidates) {
            return "did you mean '\(suggestion)'?"
        }
        return "\(listName): \(candidates.joined(separator: ", "))"
    }

    private static func limit(for length: Int) -> Int {
        length <= 3 ? 1 : max(2, length / 3)
    }

    private static func normalized(_ text: String) -> [Character] {
        Array(text.drop { $0 == "-" }.lowercased())
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
