import Scenario

/// Log-linear histogram of nanosecond values (HdrHistogram-style): values below 128 have one
/// bucket each and are exact; above, every power of two [2^e, 2^(e+1)) is split into 64 equal
/// sub-buckets of width 2^(e−6). A quantile is reported as its bucket's midpoint, at most
/// half a width (1/128 of the bucket's low end) away, so its relative error is ≤ 0.79% < 1%.
///
/// Memory is fixed, whatever the count: 128 + 56 × 64 = 3,712 buckets of UInt64 (a count cannot
/// overflow) = 29,696 bytes of counts on the heap (plus the array's 32-byte header), and a 48-byte
/// struct (array reference, count, min, max, 128-bit sum). `record` is O(1) and uses
/// `leadingZeroBitCount`, not a logarithm. `reset` and `merge` touch only the buckets between
/// the minimum and maximum, so resetting a per-interval histogram costs little.
public struct LatencyHistogram: Sendable {
    /// log2 of the sub-buckets per power of two.
    private static let subBucketBits = 6
    /// Values below this are exact: 2^(subBucketBits + 1).
    private static let linearLimit: Int64 = 1 << (subBucketBits + 1)
    /// Powers of two from 2^7 to 2^62 (the largest a positive Int64 reaches), 64 buckets each.
    static let bucketCount = Int(linearLimit) + (62 - subBucketBits) * (1 << subBucketBits)

    private var buckets: ContiguousArray<UInt64>
    private var recorded = 0
    private var minimum = Int64.max
    private var maximum: Int64 = 0
    /// Wide enough that the mean stays exact for any count of any values.
    private var sum: UInt128 = 0

    public init() {
        buckets = ContiguousArray(repeating: 0, count: Self.bucketCount)
    }

    /// Negative values clamp to 0. O(1).
    public mutating func record(_ value: Nanoseconds) {
        let v = Swift.max(value, 0)
        buckets[Self.index(of: v)] += 1
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
        for i in usedIndices {
            seen += buckets[i]
            if seen >= rank {
                return Swift.min(Swift.max(Self.midpoint(of: i), minimum), maximum)
            }
        }
        return maximum
    }

    public mutating func merge(_ other: LatencyHistogram) {
        merge(count: other.recorded, minimum: other.minimum, maximum: other.maximum, sum: other.sum) { other.buckets[$0] }
    }

    /// Adds the values of a histogram kept elsewhere (`IntervalLatencies`): `bucket(i)` is its
    /// count in bucket i, read only between the buckets of `minimum` and `maximum`.
    mutating func merge(count: Int, minimum: Int64, maximum: Int64, sum: UInt128, bucket: (Int) -> UInt64) {
        guard count > 0 else { return }
        for i in Self.indices(from: minimum, to: maximum) {
            buckets[i] += bucket(i)
        }
        recorded += count
        self.minimum = Swift.min(self.minimum, minimum)
        self.maximum = Swift.max(self.maximum, maximum)
        self.sum += sum
    }

    public mutating func reset() {
        guard recorded > 0 else { return }
        for i in usedIndices {
            buckets[i] = 0
        }
        recorded = 0
        minimum = .max
        maximum = 0
        sum = 0
    }

    /// Buckets held, for checking that memory does not grow with the values recorded.
    var storedBucketCount: Int { buckets.count }

    /// Every non-empty bucket lies between those of the minimum and the maximum.
    private var usedIndices: ClosedRange<Int> {
        Self.indices(from: minimum, to: maximum)
    }

    /// The buckets from `minimum`'s to `maximum`'s: every non-empty one, when those are the
    /// smallest and largest values recorded.
    static func indices(from minimum: Int64, to maximum: Int64) -> ClosedRange<Int> {
        index(of: minimum)...index(of: maximum)
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
