/// Optimal string alignment distance for suggestions: insertions, deletions, substitutions and
/// swaps of two neighbouring characters each cost 1, because a swap (`rnu`) is one slip of the fingers.
///
/// Only a band of `limit` cells either side of the diagonal is computed, and the computation
/// stops as soon as every cell of a row exceeds the limit. The row buffers are reused from one
/// candidate to the next.
struct EditDistance {
    private var twoRowsBack: [Int] = []
    private var previous: [Int] = []
    private var current: [Int] = []

    /// The distance, or nil when it is more than `limit`.
    mutating func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        let beyond = limit + 1
        if previous.count <= b.count {
            // Each row writes the cells it reads before reading them, so only the sizes matter.
            twoRowsBack = [Int](repeating: 0, count: b.count + 1)
            previous = twoRowsBack
            current = twoRowsBack
        }
        for j in 0...b.count { previous[j] = min(j, beyond) }
        guard !a.isEmpty else { return b.count }
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[0] = min(i, beyond)
            current[low - 1] = low == 1 ? current[0] : beyond
            var rowMinimum = current[low - 1]
            if low <= high {
                for j in low...high {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, twoRowsBack[j - 2] + 1)
                    }
                    current[j] = min(value, beyond)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            (twoRowsBack, previous, current) = (previous, current, twoRowsBack)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// How many characters the two share in order; only ties between candidates need it.
    static func commonSubsequenceLength(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
