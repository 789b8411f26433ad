/// "Did you mean" for misspelled keys, names, commands and options: the one place that
/// decides what counts as a typo, so every message in meshsim suggests alike.
public enum Suggestion {
    /// Longer words are never taken for a typo: a name is rarely longer, and comparing a huge
    /// key (a hostile 4 MB one) with every candidate would cost time for nothing.
    static let longestWord = 200

    /// The candidate closest to `typed`, or nil when none is close enough to be a typo.
    ///
    /// Case and leading dashes are ignored (`roundrobin` finds `ROUND_ROBIN`, `-seed` finds
    /// `--seed`). A candidate of up to three letters qualifies within 1 edit, a longer one
    /// within 2 or a third of its length. Ties go to the candidate sharing more letters in
    /// order with `typed` (`--sed` suggests `--seed`, not `--set`), then to the first listed.
    /// When no candidate is that close, one that starts or ends with `typed` as a whole word
    /// qualifies (`backend` finds `backend-service`). The name itself is never suggested.
    ///
    /// Each candidate costs time in proportion to its length, not its length squared: the
    /// lengths are compared first and the edit distance stops once it exceeds the limit, so
    /// thousands of misspelt names among thousands of candidates stay quick.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        guard typed.utf8.count <= 4 * longestWord else { return nil }
        var word: [Unicode.Scalar] = []
        normalize(typed, into: &word)
        guard word.count <= longestWord else { return nil }
        var distances = EditDistance()
        var target: [Unicode.Scalar] = []
        var best: (candidate: String, target: [Unicode.Scalar], distance: Int, shared: Int?)?
        var wholeWordMatch: String?
        for candidate in candidates where candidate != typed {
            normalize(candidate, into: &target)
            guard target.count <= longestWord else { continue }
            let limit = min(limit(for: target.count), best?.distance ?? Int.max)
            guard let distance = distances.distance(word, target, atMost: limit) else {
                if best == nil && wholeWordMatch == nil && isWholeWord(word, of: target) { wholeWordMatch = candidate }
                continue
            }
            if var current = best, current.distance == distance {
                let currentShared = current.shared ?? EditDistance.commonSubsequenceLength(word, current.target)
                current.shared = currentShared
                best = current
                let shared = EditDistance.commonSubsequenceLength(word, target)
                if currentShared >= shared { continue }
                best = (candidate, target, distance, shared)
            } else {
                best = (candidate, target, distance, nil)
            }
        }
        return best?.candidate ?? wholeWordMatch
    }

    /// `did you mean 'x'?` when a candidate is close, else `LIST: a, b, c`.
    public static func hint(for typed: String, among candidates: [String], listName: String) -> String {
        if let suggestion = closest(to: typed, among: candidates) {
            return "did you mean '\(suggestion)'?"
        }
        return "\(listName): \(candidates.joined(separator: ", "))"
    }

    /// How many names from a scenario a message lists when none is close: a scenario of 2,000
    /// services would otherwise list them all in each of the 100 errors printed (2.8 MB of
    /// text). `hint` lists its candidates whole: they are meshsim's own keys and options.
    static let listedNames = 10

    /// `a, b, c`, or the first `listedNames` (in the order given) and `and N more`; each name
    /// as `Diagnostic.excerpt` quotes it.
    public static func listing(_ names: [String]) -> String {
        let shown = names.prefix(listedNames).map(Diagnostic.excerpt).joined(separator: ", ")
        let hidden = names.count - min(names.count, listedNames)
        return hidden == 0 ? shown : "\(shown) and \(CountText.grouped(hidden)) more"
    }

    private static func limit(for length: Int) -> Int {
        length <= 3 ? 1 : max(2, length / 3)
    }

    /// Lowercase without leading dashes, into a reused buffer; stops just past `longestWord`.
    private static func normalize(_ text: String, into scalars: inout [Unicode.Scalar]) {
        scalars.removeAll(keepingCapacity: true)
        for scalar in text.unicodeScalars.drop(while: { $0 == "-" }) {
            if scalars.count > longestWord { return }
            if scalar.isASCII {
                let value = scalar.value
                scalars.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            } else {
                scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
    }

    /// `backend` in `backend-service` or `service` in `orders-service`: a whole word at either end.
    private static func isWholeWord(_ word: [Unicode.Scalar], of target: [Unicode.Scalar]) -> Bool {
        guard word.count >= 3, target.count > word.count else { return false }
        let tail = target.count - word.count
        if separators.contains(target[word.count]), word.indices.allSatisfy({ word[$0] == target[$0] }) { return true }
        return separators.contains(target[tail - 1]) && word.indices.allSatisfy { word[$0] == target[tail + $0] }
    }

    private static let separators: Set<Unicode.Scalar> = ["-", "_", ".", "/"]
}
