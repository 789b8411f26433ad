import Testing

@testable import Engine

/// The histogram stores only the chunks its values fell in, and the scopes' open intervals
/// share one pool of chunks. Both must answer exactly as the dense histogram they replaced,
/// which every committed report was written with: `DenseReference` is that algorithm, with
/// the bucket layout worked out again here rather than taken from the code under test.
@Suite struct SparseLatencyHistogramTests {
    /// 3,712 buckets, all stored: values below 128 exact, then each power of two [2^e, 2^(e+1))
    /// in 64 sub-buckets of width 2^(e−6); a quantile is its bucket's midpoint within [min, max].
    private struct DenseReference {
        var buckets = [UInt64](repeating: 0, count: 3_712)
        var count = 0
        var minimum = Int64.max
        var maximum: Int64 = 0
        var sum: UInt128 = 0

        mutating func record(_ value: Int64) {
            let v = max(value, 0)
            buckets[Self.bucket(of: v)] += 1
            count += 1
            minimum = min(minimum, v)
            maximum = max(maximum, v)
            sum += UInt128(v)
        }

        mutating func merge(_ other: DenseReference) {
            for index in buckets.indices { buckets[index] += other.buckets[index] }
            count += other.count
            minimum = min(minimum, other.minimum)
            maximum = max(maximum, other.maximum)
            sum += other.sum
        }

        static func bucket(of v: Int64) -> Int {
            guard v >= 128 else { return Int(v) }
            let e = 63 - v.leadingZeroBitCount
            return 128 + (e - 7) * 64 + Int(v >> (e - 6)) - 64
        }

        static func midpoint(of bucket: Int) -> Int64 {
            guard bucket >= 128 else { return Int64(bucket) }
            let shift = (bucket - 128) / 64 + 1
            let low = Int64(64 + (bucket - 128) % 64) << shift
            return low + (Int64(1) << shift) / 2
        }

        /// For k = 1 … 1,000, the value of nearest rank ceil(k × count / 1,000), in integers.
        var perMille: [Int64] {
            var answers: [Int64] = []
            var seen: UInt64 = 0
            var bucket = -1
            for k in 1...1_000 {
                let rank = UInt64(max((k * count + 999) / 1_000, 1))
                while seen < rank {
                    bucket += 1
                    seen += buckets[bucket]
                }
                answers.append(min(max(Self.midpoint(of: bucket), minimum), maximum))
            }
            return answers
        }

        var mean: Double { Double(sum) / Double(count) }
    }

    private func expectSame(_ sparse: LatencyHistogram, _ dense: DenseReference, _ comment: Comment? = nil) {
        #expect(sparse.count == dense.count && sparse.min == dense.minimum && sparse.max == dense.maximum, comment)
        #expect(sparse.mean == dense.mean, comment)
        let expected = dense.perMille
        for k in 1...1_000 where sparse.quantile(Double(k) / 1_000) != expected[k - 1] {
            Issue.record("p\(k)‰: \(sparse.quantile(Double(k) / 1_000)) against \(expected[k - 1]) \(comment ?? "")")
            return
        }
    }

    /// Values from 0 to about 2^(bits − 1), spread over every power of two below.
    private func values(_ count: Int, seed: UInt64, bits: Int = 40) -> [Int64] {
        var rng = RandomStream(seed: seed)
        return (0..<count).map { _ in Int64(rng.nextInt(below: 1 << rng.nextInt(below: bits))) - 3 }
    }

    /// By hand: 200 is in [128, 256) whose buckets are 2 wide, so it reads as 201; 300 in
    /// [256, 512), 4 wide, as 302; rank 4 of 4 is the maximum itself.
    @Test func handPickedValuesGiveTheWorkedQuantiles() {
        var sparse = LatencyHistogram()
        var dense = DenseReference()
        for value: Int64 in [100, 200, 300, 1_000_000] {
            sparse.record(value)
            dense.record(value)
        }
        #expect(sparse.quantile(0.25) == 100 && sparse.quantile(0.5) == 201 && sparse.quantile(0.75) == 302)
        #expect(sparse.quantile(1) == 1_000_000 && sparse.mean == 250_150)
        expectSame(sparse, dense)
        // Bucket edges in the exact range, at the first powers of two, and at both ends of Int64.
        for value: Int64 in [0, 1, 63, 64, 127, 128, 129, 255, 256, 8_191, 8_192, Int64.max, Int64.max - 1, -7] {
            sparse.record(value)
            dense.record(value)
        }
        expectSame(sparse, dense)
    }

    @Test func pseudoRandomValuesGiveTheDenseAnswers() {
        var sparse = LatencyHistogram()
        var dense = DenseReference()
        for value in values(4_000, seed: 11) {
            sparse.record(value)
            dense.record(value)
        }
        expectSame(sparse, dense)
        #expect(sparse.storedBucketCount < 3_712)
    }

    /// Merging into an empty, an overlapping and a disjoint histogram, and after a reset that
    /// leaves zeroed chunks behind.
    @Test func mergesAndResetsGiveTheDenseAnswers() {
        var parts: [(LatencyHistogram, DenseReference)] = []
        for (seed, bits) in [(21, 20), (22, 36), (23, 62)] as [(UInt64, Int)] {
            var part = (LatencyHistogram(), DenseReference())
            for value in values(1_500, seed: seed, bits: bits) {
                part.0.record(value)
                part.1.record(value)
            }
            parts.append(part)
        }
        var sparse = LatencyHistogram()
        var dense = DenseReference()
        for part in parts {
            sparse.merge(part.0)
            dense.merge(part.1)
            expectSame(sparse, dense)
        }
        // A reset histogram keeps zeroed chunks: merging it must add nothing, and reusing it
        // must count only the new values.
        var reused = parts[2].0
        reused.reset()
        sparse.merge(reused)
        expectSame(sparse, dense, "after merging an emptied histogram")
        var fresh = DenseReference()
        for value: Int64 in [90, 4_000, 4_100, 7_000_000] {
            reused.record(value)
            fresh.record(value)
        }
        expectSame(reused, fresh, "reused after a reset")
    }

    /// Three scopes over four intervals: 2 is absorbed into 0 each interval; every interval's
    /// histogram and the run's add-up match the dense ones, and chunks given back are reused
    /// zeroed.
    @Test func intervalLatenciesGiveTheDenseAnswersAcrossIntervals() {
        var rng = RandomStream(seed: 31)
        var latencies = IntervalLatencies(scopes: 3)
        var runs = [LatencyHistogram](repeating: LatencyHistogram(), count: 3)
        var denseRuns = [DenseReference](repeating: DenseReference(), count: 3)
        for interval in 0..<4 {
            var denseIntervals = [DenseReference](repeating: DenseReference(), count: 3)
            for _ in 0..<1_500 {
                let scope = rng.nextInt(below: 3)
                // Interval 2 records nothing in scope 1; the others span 0 to about 2^(30 + interval).
                if interval == 2 && scope == 1 { continue }
                let value = Int64(rng.nextInt(below: 1 << rng.nextInt(below: 30 + interval))) - 5
                latencies.record(value, scope: scope)
                denseIntervals[scope].record(value)
            }
            latencies.absorb(2, into: 0)
            denseIntervals[0].merge(denseIntervals[2])
            for scope in 0..<3 {
                var closed = LatencyHistogram()
                latencies.add(scope, to: &closed)
                latencies.reset(scope)
                if denseIntervals[scope].count > 0 {
                    expectSame(closed, denseIntervals[scope], "interval \(interval), scope \(scope)")
                } else {
                    #expect(closed.count == 0 && closed.storedBucketCount == 0)
                }
                runs[scope].merge(closed)
                denseRuns[scope].merge(denseIntervals[scope])
            }
        }
        for scope in 0..<3 { expectSame(runs[scope], denseRuns[scope], "run, scope \(scope)") }
    }
}
