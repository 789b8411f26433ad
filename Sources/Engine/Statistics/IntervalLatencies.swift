import Scenario

/// The open time-series interval's latencies of every report scope, as `LatencyHistogram`
/// buckets in memory the simulation owns.
///
/// Recording is the per-request path: through a histogram's array, every record first asked
/// the runtime whether the buckets were uniquely referenced. Owned memory that cannot be
/// copied needs no such check. At an interval's close each scope's buckets go into a
/// `LatencyHistogram`, which the reports read.
///
/// Sparse, as `LatencyHistogram` is: a scope's buckets are 64-bucket chunks taken from one pool
/// on the chunk's first value of the interval, and given back when the interval closes. The
/// pool holds what one interval uses, not every chunk of every scope (29,696 bytes a scope);
/// a scope keeps only its chunk table (58 × 4 bytes) and extent. Once the pool has grown to an
/// interval's needs, recording allocates nothing.
///
/// A record only appends (scope, value) to a short log, folded into the tables when it fills
/// or a scope is read. In a large mesh a scope's extent, chunk table and chunk are three cold
/// cache lines, the chunk's address depending on the table's: recorded one by one they stalled
/// the request path (10,000 services: an eighth of the run on one increment). Folded in a
/// loop of independent records, the misses overlap; the log's writes are sequential.
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

    private static var chunkCount: Int { LatencyHistogram.chunkCount }
    private static var chunkSize: Int { LatencyHistogram.chunkSize }
    /// Scope s's chunk k is pool chunk `table[s * chunkCount + k] − 1`; 0: none. At most
    /// scopes × 58 chunks are in use, far below Int32's range (scopes are at most 50,000).
    private var table: DenseTable<Int32>
    /// Chunk c is `pool[c * chunkSize ..< (c + 1) * chunkSize]`.
    private var pool = DenseTable<UInt64>()
    /// Pool chunks given back, all zeros.
    private var free: [Int32] = []
    private var extents: DenseTable<Extent>
    /// Values recorded but not yet in the tables: `log[0..<logged]`.
    private var log: DenseTable<Logged>
    private var logged = 0

    /// A recorded value, waiting to be folded in; `bucket`: its place in the pool, once found.
    struct Logged {
        var scope: Int32 = 0
        var bucket: Int32 = 0
        var value: Int64 = 0
    }

    /// Entries the log holds: 128 KB, which stays in the L2 cache between folds.
    private static var logCapacity: Int { 8_192 }

    init(scopes: Int) {
        table = DenseTable(repeatElement(0, count: scopes * Self.chunkCount))
        extents = DenseTable(repeatElement(Extent(), count: scopes))
        log = DenseTable(repeatElement(Logged(), count: Self.logCapacity))
    }

    /// Negative values clamp to 0, as `LatencyHistogram.record` does. O(1).
    @inline(__always)
    mutating func record(_ value: Nanoseconds, scope: Int) {
        log[logged] = Logged(scope: Int32(truncatingIfNeeded: scope), value: value)
        logged += 1
        if logged == Self.logCapacity { fold() }
    }

    /// Moves the log's values into the tables. O(values logged). In two passes, so that no miss
    /// waits on another: the first finds each value's bucket through its scope's chunk table,
    /// the second counts them. A pool place fits Int32: at most 50,000 scopes × 58 × 64 buckets.
    private mutating func fold() {
        for index in 0..<logged {
            let entry = log[index]
            let scope = Int(entry.scope)
            let v = max(entry.value, 0)
            let bucket = LatencyHistogram.index(of: v)
            let slot = scope * Self.chunkCount + bucket / Self.chunkSize
            var chunk = Int(table[slot])
            if chunk == 0 {
                chunk = takeChunk()
                table[slot] = Int32(chunk)
            }
            log[index].bucket = Int32(truncatingIfNeeded: (chunk - 1) * Self.chunkSize + bucket % Self.chunkSize)
            extents[scope].add(count: 1, minimum: v, maximum: v, sum: UInt128(v))
        }
        for index in 0..<logged {
            pool[Int(log[index].bucket)] += 1
        }
        logged = 0
    }

    /// Adds the scope's open interval to `histogram`. O(buckets between its minimum and maximum).
    mutating func add(_ scope: Int, to histogram: inout LatencyHistogram) {
        fold()
        let extent = extents[scope]
        guard extent.count > 0 else { return }
        let base = scope * Self.chunkCount
        histogram.merge(
            count: extent.count, minimum: extent.minimum, maximum: extent.maximum, sum: extent.sum,
            holds: { table[base + $0] != 0 },
            bucket: { pool[(Int(table[base + $0 / Self.chunkSize]) - 1) * Self.chunkSize + $0 % Self.chunkSize] })
    }

    /// Adds a child scope's open interval to its parent's, before either closes.
    mutating func absorb(_ child: Int, into parent: Int) {
        fold()
        let extent = extents[child]
        guard extent.count > 0 else { return }
        let (from, to) = (child * Self.chunkCount, parent * Self.chunkCount)
        for index in LatencyHistogram.chunks(from: extent.minimum, to: extent.maximum) where table[from + index] != 0 {
            if table[to + index] == 0 { table[to + index] = Int32(takeChunk()) }
            let (source, target) = ((Int(table[from + index]) - 1) * Self.chunkSize, (Int(table[to + index]) - 1) * Self.chunkSize)
            for sub in 0..<Self.chunkSize {
                pool[target + sub] += pool[source + sub]
            }
        }
        extents[parent].add(count: extent.count, minimum: extent.minimum, maximum: extent.maximum, sum: extent.sum)
    }

    /// Empties the scope's open interval and gives its chunks back. O(buckets between its
    /// minimum and maximum).
    mutating func reset(_ scope: Int) {
        fold()
        let extent = extents[scope]
        guard extent.count > 0 else { return }
        let base = scope * Self.chunkCount
        for index in LatencyHistogram.chunks(from: extent.minimum, to: extent.maximum) where table[base + index] != 0 {
            let chunk = table[base + index]
            let start = (Int(chunk) - 1) * Self.chunkSize
            for sub in 0..<Self.chunkSize {
                pool[start + sub] = 0
            }
            free.append(chunk)
            table[base + index] = 0
        }
        extents[scope] = Extent()
    }

    /// A chunk of zeros: a given-back one, or a new one at the pool's end. Numbered from 1.
    private mutating func takeChunk() -> Int {
        if let chunk = free.popLast() { return Int(chunk) }
        for _ in 0..<Self.chunkSize { pool.append(0) }
        return pool.count / Self.chunkSize
    }
}
