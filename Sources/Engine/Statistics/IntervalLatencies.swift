import Scenario

/// The open time-series interval's latencies of every report scope, as `LatencyHistogram`
/// buckets in one block of memory the simulation owns.
///
/// Recording is the per-request path: through a histogram's array, every record first asked
/// the runtime whether the buckets were uniquely referenced. Owned memory that cannot be
/// copied needs no such check. At an interval's close each scope's buckets go into a
/// `LatencyHistogram`, which the reports read.
struct IntervalLatencies: ~Copyable {
    /// What a histogram keeps besides its buckets, for one scope. Internal, not private:
    /// `record` is inlined into other files, and Swift 6.3's debug build then fails to link a
    /// private type's metadata.
    struct Extent {
        var count = 0
        var minimum = Int64.max
        var maximum: Int64 = 0
        var sum: UInt128 = 0

        @inline(__always)
        mutating func add(count: Int, minimum: Int64, maximum: Int64, sum: UInt128) {
            self.count += count
            self.minimum = min(self.minimum, minimum)
            self.maximum = max(self.maximum, maximum)
            self.sum += sum
        }
    }

    private static var width: Int { LatencyHistogram.bucketCount }
    /// Scope s's buckets are `buckets[s * width ..< (s + 1) * width]`.
    private var buckets: DenseTable<UInt64>
    private var extents: DenseTable<Extent>

    init(scopes: Int) {
        buckets = DenseTable(repeatElement(0, count: scopes * Self.width))
        extents = DenseTable(repeatElement(Extent(), count: scopes))
    }

    /// Negative values clamp to 0, as `LatencyHistogram.record` does. O(1).
    @inline(__always)
    mutating func record(_ value: Nanoseconds, scope: Int) {
        let v = max(value, 0)
        buckets[scope * Self.width + LatencyHistogram.index(of: v)] += 1
        extents[scope].add(count: 1, minimum: v, maximum: v, sum: UInt128(v))
    }

    /// Adds the scope's open interval to `histogram`. O(buckets between its minimum and maximum).
    func add(_ scope: Int, to histogram: inout LatencyHistogram) {
        let extent = extents[scope]
        guard extent.count > 0 else { return }
        let base = scope * Self.width
        histogram.merge(
            count: extent.count, minimum: extent.minimum, maximum: extent.maximum, sum: extent.sum,
            bucket: { buckets[base + $0] })
    }

    /// Adds a child scope's open interval to its parent's, before either closes.
    mutating func absorb(_ child: Int, into parent: Int) {
        let extent = extents[child]
        guard extent.count > 0 else { return }
        let (from, to) = (child * Self.width, parent * Self.width)
        for index in LatencyHistogram.indices(from: extent.minimum, to: extent.maximum) {
            buckets[to + index] += buckets[from + index]
        }
        extents[parent].add(count: extent.count, minimum: extent.minimum, maximum: extent.maximum, sum: extent.sum)
    }

    /// Empties the scope's open interval. O(buckets between its minimum and maximum).
    mutating func reset(_ scope: Int) {
        let extent = extents[scope]
        guard extent.count > 0 else { return }
        let base = scope * Self.width
        for index in LatencyHistogram.indices(from: extent.minimum, to: extent.maximum) {
            buckets[base + index] = 0
        }
        extents[scope] = Extent()
    }
}
