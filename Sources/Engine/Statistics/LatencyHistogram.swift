import Scenario

/// Log-linear histogram of nanosecond values (HdrHistogram-style): values below 128 have one
/// bucket each and are exact; above, every power of two [2^e, 2^(e+1)) is split into 64 equal
/// sub-buckets of width 2^(e−6). A quantile is reported as its bucket's midpoint, at most
/// half a width (1/128 of the bucket's low end) away, so its relative error is ≤ 0.79% < 1%.
///
/// Sparse: the 128 + 56 × 64 = 3,712 buckets come in 58 chunks of 64 (the exact values are
/// two, each power of two one), and only the chunks a value fell in are stored, 512 bytes
/// each. Latencies of one scope span a few powers of two, so a histogram holds a few KB where
/// all the buckets would take 29,696 bytes: a mesh has tens of thousands of scopes. The
/// struct is 56 bytes (chunk bitmap, array reference, count, min, max, 128-bit sum).
/// `record` is O(1) and uses `leadingZeroBitCount`, not a logarithm; it allocates only on a
/// chunk's first value, and `reset` keeps the chunks, so a reused histogram stops allocating.
/// `reset` and `merge` touch only the chunks between the minimum and maximum.
public struct LatencyHistogram: Sendable {
    /// log2 of the sub-buckets per power of two, and of the buckets per chunk.
    private static let subBucketBits = 6
    /// Values below this are exact: 2^(subBucketBits + 1).
    private static let linearLimit: Int64 = 1 << (subBucketBits + 1)
    /// Powers of two from 2^7 to 2^62 (the largest a positive Int64 reaches), 64 buckets each.
    static let bucketCount = Int(linearLimit) + (62 - subBucketBits) * (1 << subBucketBits)
    static let chunkSize = 1 << subBucketBits
    /// 58: one bit each in `stored`.
    static let chunkCount = bucketCount / chunkSize

    /// Bit k is set when chunk k (buckets 64k..<64(k+1)) is stored; stored chunks follow one
    /// another in `counts` in chunk order, so chunk k starts at 64 × (stored bits below k).
    private var stored: UInt64 = 0
    private var counts: ContiguousArray<UInt64> = []
    private var recorded = 0
    private var minimum = Int64.max
    private var maximum: Int64 = 0
    /// Wide enough that the mean stays exact for any count of any values.
    private var sum: UInt128 = 0

    public init() {}

    /// Negative values clamp to 0. O(1).
    public mutating func record(_ value: Nanoseconds) {
        let v = Swift.max(value, 0)
        let index = Self.index(of: v)
        counts[storedOffset(ofChunk: index >> Self.subBucketBits) + index & (Self.chunkSize - 1)] += 1
        recorded += 1
        minimum = Swift.min(minimum, v)
        maximum = Swift.max(maximum, v)
        sum += UInt128(v)
    }

    public var count: Int { recorded }

    /// The largest value recorded, exactly; 0 when empty.
    public var max: Nanoseconds { maximum }

    /// The smallest value recorded, exactly; 0 when empty.
    public var min: Nanoseconds { recorded == 0 ? 0 : minimum }

    /// The exact mean of the recorded values; 0 when empty.
    public var mean: Double { recorded == 0 ? 0 : Double(sum) / Double(recorded) }

    /// Nearest-rank quantile: the value of rank ceil(p × count) (p in (0,1]), reported as the
    /// midpoint of its bucket, clamped to [min, max]. 0 when empty.
    ///
    /// A product p × count within 1e-9 (relative) of an integer counts as that integer, so
    /// p = 0.07 of 100 values is rank 7 although 0.07 × 100 is 7.000000000000001 in binary.
    /// p ≤ 0 (or NaN) gives rank 1 and p ≥ 1 gives the maximum.
    public func quantile(_ p: Double) -> Nanoseconds {
        guard recorded > 0 else { return 0 }
        let rank = UInt64(Self.rank(p, count: recorded))
        var seen: UInt64 = 0
        // Chunks not stored hold nothing, so walking the stored ones in order is walking every bucket.
        var offset = 0
        var chunks = stored
        while chunks != 0 {
            let chunk = chunks.trailingZeroBitCount
            chunks &= chunks &- 1
            for sub in 0..<Self.chunkSize {
                seen += counts[offset + sub]
                if seen >= rank {
                    let midpoint = Self.midpoint(of: chunk << Self.subBucketBits + sub)
                    return Swift.min(Swift.max(midpoint, minimum), maximum)
                }
            }
            offset += Self.chunkSize
        }
        return maximum
    }

    public mutating func merge(_ other: LatencyHistogram) {
        merge(
            count: other.recorded, minimum: other.minimum, maximum: other.maximum, sum: other.sum,
            holds: { other.offset(ofChunk: $0) != nil },
            bucket: { index in other.offset(ofChunk: index >> Self.subBucketBits).map { other.counts[$0 + index & (Self.chunkSize - 1)] } ?? 0 })
    }

    /// Adds the values of a histogram kept elsewhere (`IntervalLatencies`): `holds(k)` says
    /// whether it has counts in chunk k, `bucket(i)` is its count in bucket i. Asked only for
    /// the chunks between those of `minimum` and `maximum`; a chunk of zeros is not stored.
    mutating func merge(
        count: Int, minimum: Int64, maximum: Int64, sum: UInt128, holds: (Int) -> Bool, bucket: (Int) -> UInt64
    ) {
        guard count > 0 else { return }
        for chunk in Self.chunks(from: minimum, to: maximum) where holds(chunk) {
            let first = chunk << Self.subBucketBits
            let buckets = first..<first + Self.chunkSize
            guard buckets.contains(where: { bucket($0) != 0 }) else { continue }
            let offset = storedOffset(ofChunk: chunk)
            for index in buckets {
                counts[offset + index - first] += bucket(index)
            }
        }
        recorded += count
        self.minimum = Swift.min(self.minimum, minimum)
        self.maximum = Swift.max(self.maximum, maximum)
        self.sum += sum
    }

    /// Empties the histogram but keeps its chunks, for reuse without allocating.
    public mutating func reset() {
        guard recorded > 0 else { return }
        for chunk in Self.chunks(from: minimum, to: maximum) {
            guard let offset = offset(ofChunk: chunk) else { continue }
            for sub in 0..<Self.chunkSize {
                counts[offset + sub] = 0
            }
        }
        recorded = 0
        minimum = .max
        maximum = 0
        sum = 0
    }

    /// Buckets held, for checking that memory grows only with the chunks values fell in.
    var storedBucketCount: Int { counts.count }

    /// Where chunk k starts in `counts`, nil when it is not stored.
    private func offset(ofChunk chunk: Int) -> Int? {
        let bit: UInt64 = 1 << chunk
        guard stored & bit != 0 else { return nil }
        return (stored & (bit &- 1)).nonzeroBitCount << Self.subBucketBits
    }

    /// Where chunk k starts in `counts`, inserted as zeros first if it is not stored: at most
    /// 58 times in the histogram's life.
    @inline(__always)
    private mutating func storedOffset(ofChunk chunk: Int) -> Int {
        let bit: UInt64 = 1 << chunk
        let offset = (stored & (bit &- 1)).nonzeroBitCount << Self.subBucketBits
        if stored & bit == 0 {
            // Exactly one chunk more: grown by doubling, a histogram would hold up to twice its chunks.
            counts.reserveCapacity(counts.count + Self.chunkSize)
            counts.insert(contentsOf: repeatElement(0, count: Self.chunkSize), at: offset)
            stored |= bit
        }
        return offset
    }

    /// The chunks from `minimum`'s to `maximum`'s: every non-empty one, when those are the
    /// smallest and largest values recorded.
    static func chunks(from minimum: Int64, to maximum: Int64) -> ClosedRange<Int> {
        index(of: minimum) >> subBucketBits...index(of: maximum) >> subBucketBits
    }

    /// For v ≥ 128 with highest set bit e: group e − 6 (≥ 1) holds v >> (e − 6), which is in 64..<128.
    @inline(__always)
    static func index(of value: Int64) -> Int {
        guard value >= linearLimit else { return Int(value) }
        let shift = 63 - value.leadingZeroBitCount - subBucketBits
        return (shift << subBucketBits) + Int(value >> shift)
    }

    /// The lowest value of bucket i plus half its width (the value itself below 128).
    static func midpoint(of index: Int) -> Int64 {
        guard index >= Int(linearLimit) else { return Int64(index) }
        let shift = (index >> subBucketBits) - 1
        let low = Int64((index & ((1 << subBucketBits) - 1)) + (1 << subBucketBits)) << shift
        return low + (Int64(1) << shift) / 2
    }

    static func rank(_ p: Double, count: Int) -> Int {
        guard p > 0 else { return 1 }
        guard p < 1 else { return count }
        let exact = p * Double(count)
        let nearest = exact.rounded()
        let rank = Swift.abs(exact - nearest) <= nearest * 1e-9 ? nearest : exact.rounded(.up)
        return Swift.min(Swift.max(Int(rank), 1), count)
    }
}
