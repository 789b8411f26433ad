/// The hosts a caller may balance over now (Envoy's healthy host set), as positions
/// 0..<positions in a fixed order, so that a pick finds the k-th eligible one in that order
/// without walking the hosts.
///
/// Envoy rebuilds its healthy host list when a host is ejected or returns and picks from it by
/// index (`HostSetImpl::updateHosts`, `unweightedHostPick` in load_balancer_impl.cc). Rebuilding
/// or patching a sorted list costs O(hosts) per change, which a cluster of 100,000 hosts losing
/// thousands of them pays thousands of times. Here one bit per position (set: eligible) and a
/// Fenwick tree of each 64-bit word's count give the k-th eligible position, in the same order
/// as the list's, in O(log(positions / 64)), and take as long per change; for 100,000 hosts
/// both fit in 20 KB. While every position is eligible nothing is built and the k-th is k.
struct EligibleHosts {
    let positions: Int
    /// Positions eligible now.
    private(set) var count: Int
    /// Bit `p % 64` of word `p / 64` is set when position p is eligible. Empty until the first
    /// removal.
    private var words: ContiguousArray<UInt64> = []
    /// 1-based: `tree[i]` counts the eligible positions of words (i − lowbit(i), i].
    private var tree: ContiguousArray<Int32> = []

    init(positions: Int) {
        self.positions = max(0, positions)
        count = self.positions
    }

    func isEligible(_ position: Int) -> Bool {
        guard (0..<positions).contains(position) else { return false }
        return words.isEmpty || words[position / 64] & (1 << UInt64(position % 64)) != 0
    }

    /// Makes a position ineligible (an ejection); no change for one that is already.
    mutating func remove(_ position: Int) {
        guard isEligible(position) else { return }
        if words.isEmpty { buildFull() }
        words[position / 64] &= ~(1 << UInt64(position % 64))
        add(-1, toWord: position / 64)
    }

    /// Makes a position eligible again (a return to service); no change for one that is.
    mutating func restore(_ position: Int) {
        guard (0..<positions).contains(position), !isEligible(position) else { return }
        words[position / 64] |= 1 << UInt64(position % 64)
        add(1, toWord: position / 64)
    }

    /// The k-th (from 0) eligible position; k must be below `count` (a larger k gives the last
    /// position rather than trapping).
    func position(ofKth k: Int) -> Int {
        guard !words.isEmpty else { return min(max(0, k), positions - 1) }
        // The word holding it: the last whose predecessors hold fewer than k + 1.
        var word = 0
        var remaining = max(0, k) + 1
        var step = 1
        while step * 2 <= words.count { step *= 2 }
        while step > 0 {
            let next = word + step
            if next <= words.count, Int(tree[next]) < remaining {
                word = next
                remaining -= Int(tree[next])
            }
            step /= 2
        }
        guard word < words.count else { return positions - 1 }
        // Its `remaining`-th set bit, halving the word.
        var bits = words[word]
        var offset = 0
        var width = 32
        while width > 0 {
            let low = bits & ((1 << UInt64(width)) - 1)
            let inLow = low.nonzeroBitCount
            if remaining > inLow {
                remaining -= inLow
                bits >>= UInt64(width)
                offset += width
            } else {
                bits = low
            }
            width /= 2
        }
        return min(word * 64 + offset, positions - 1)
    }

    /// The eligible positions before `position`.
    func count(before position: Int) -> Int {
        let end = min(max(0, position), positions)
        guard !words.isEmpty else { return end }
        var total = 0
        var index = end / 64
        while index > 0 {
            total += Int(tree[index])
            index &= index - 1
        }
        if end % 64 > 0 { total += (words[end / 64] & ((1 << UInt64(end % 64)) - 1)).nonzeroBitCount }
        return total
    }

    /// Every position eligible.
    private mutating func buildFull() {
        let full = (positions + 63) / 64
        words = ContiguousArray(repeating: .max, count: full)
        if positions % 64 > 0 { words[full - 1] = (1 << UInt64(positions % 64)) - 1 }
        tree = ContiguousArray(repeating: 0, count: full + 1)
        for index in 1...full {
            tree[index] += Int32(words[index - 1].nonzeroBitCount)
            let parent = index + (index & -index)
            if parent <= full { tree[parent] += tree[index] }
        }
    }

    private mutating func add(_ delta: Int32, toWord word: Int) {
        count += Int(delta)
        var index = word + 1
        while index <= words.count {
            tree[index] += delta
            index += index & -index
        }
    }
}
