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
        // A common prefix and suffix cost nothing (names often share one, like `service-`).
        var skipped = 0
        while skipped < a.count && skipped < b.count && a[skipped] == b[skipped] { skipped += 1 }
        var (n, m) = (a.count - skipped, b.count - skipped)
        while n > 0 && m > 0 && a[skipped + n - 1] == b[skipped + m - 1] {
            n -= 1
            m -= 1
        }
        let beyond = limit + 1
        if previous.count <= m {
            // Each row writes the cells it reads before reading them, so only the sizes matter.
            twoRowsBack = [Int](repeating: 0, count: m + 1)
            previous = twoRowsBack
            current = twoRowsBack
        }
        for j in 0...m { previous[j] = min(j, beyond) }
        guard n > 0 else { return m }
        for i in 1...n {
            let low = max(1, i - limit)
            let high = min(m, i + limit)
            current[0] = min(i, beyond)
            current[low - 1] = low == 1 ? current[0] : beyond
            var rowMinimum = current[low - 1]
            let x = a[skipped + i - 1]
            if low <= high {
                for j in low...high {
                    let y = b[skipped + j - 1]
                    var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == y ? 0 : 1))
                    if i > 1, j > 1, x == b[skipped + j - 2], a[skipped + i - 2] == y {
                        value = min(value, twoRowsBack[j - 2] + 1)
                    }
                    current[j] = min(value, beyond)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < m { current[high + 1] = beyond }
            if rowMinimum > limit { return nil }
            (twoRowsBack, previous, current) = (previous, current, twoRowsBack)
        }
        return previous[m] <= limit ? previous[m] : nil
    }

    /// How many characters the two share in order; only ties between candidates need it.
    static func commonSubsequenceLength(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for j in b.indices {
                current[j + 1] = x == b[j] ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
