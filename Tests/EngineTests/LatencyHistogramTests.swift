import Foundation
import Testing

@testable import Engine

@Suite struct LatencyHistogramTests {
    /// Nearest rank for p = numerator/denominator, in integers so that it is the exact definition.
    private func exactQuantile(_ sorted: [Int64], numerator: Int, denominator: Int) -> Int64 {
        let rank = (numerator * sorted.count + denominator - 1) / denominator
        return sorted[max(rank, 1) - 1]
    }

    private func histogram(of values: [Int64]) -> LatencyHistogram {
        var histogram = LatencyHistogram()
        for value in values { histogram.record(value) }
        return histogram
    }

    /// Checks every per-mille quantile and the far tail against the sorted values.
    private func expectWithinOnePercent(_ values: [Int64]) {
        let histogram = histogram(of: values)
        let sorted = values.sorted()
        var worst = 0.0
        let perMille = (1...1_000).map { ($0, 1_000) }
        let tail = [(9_999, 10_000), (99_999, 100_000), (1, 100_000)]
        for (numerator, denominator) in perMille + tail {
            let exact = exactQuantile(sorted, numerator: numerator, denominator: denominator)
            let reported = histogram.quantile(Double(numerator) / Double(denominator))
            worst = max(worst, abs(Double(reported - exact)) / Double(exact))
        }
        #expect(worst <= 0.01, "worst relative error \(worst)")
    }

    @Test func emptyHistogramReportsZeros() {
        let histogram = LatencyHistogram()
        #expect(histogram.count == 0 && histogram.min == 0 && histogram.max == 0 && histogram.mean == 0)
        #expect(histogram.quantile(0.5) == 0)
    }

    @Test func valuesBelowTheLinearRangeAreExact() {
        // 1...100 each once: rank ceil(p·100) is the value itself.
        let histogram = histogram(of: Array(1...100))
        #expect(histogram.quantile(0.5) == 50)
        #expect(histogram.quantile(0.07) == 7)  // 0.07 × 100 is 7.000000000000001 in binary
        #expect(histogram.quantile(0.99) == 99)
        #expect(histogram.quantile(0.995) == 100)
        #expect(histogram.quantile(1) == 100)
        #expect(histogram.quantile(0.001) == 1)
        let everyValue = self.histogram(of: Array(0...127))
        for k in 1...128 {
            #expect(everyValue.quantile(Double(k) / 128) == Int64(k - 1))
        }
    }

    @Test func exponentialSamplesAreWithinOnePercentAtEveryQuantile() {
        var rng = RandomStream(seed: 1)
        // Mean 20 ms: draws run from about 1 µs up to seconds.
        let values = (0..<100_000).map { _ in Int64(rng.nextExponential(mean: 20e6).rounded()) }
        expectWithinOnePercent(values)
    }

    @Test func lognormalSamplesSpanningMicrosecondsToAMinuteAreWithinOnePercent() {
        var rng = RandomStream(seed: 2)
        // Median 10 ms, σ = 2.5: the 0.01% and 99.99% points are about 1 µs and 100 s, capped at 60 s.
        let values = (0..<100_000).map { _ in
            Int64(min(10e6 * exp(2.5 * rng.nextStandardNormal()), 60e9).rounded())
        }
        #expect(values.min() ?? 0 < 2_000 && values.max() == 60_000_000_000)
        expectWithinOnePercent(values)
    }

    @Test func bucketMidpointsAreWithinOnePercentOfEveryValueTheyHold() {
        // Bucket edges and interiors in every power of two up to Int64.max.
        var values: [Int64] = [0, 1, 127, 128, 129, 130, Int64.max, Int64.max - 1]
        for e in 7..<63 {
            let power = Int64(1) << e
            values += [power, power + 1, power + power / 128, power + power / 2 + 3, power - 1 + power]
        }
        let sortedByValue = values.sorted()
        var previousIndex = -1
        for value in sortedByValue {
            let index = LatencyHistogram.index(of: value)
            #expect(index >= previousIndex && index < 3_712)
            previousIndex = index
            let midpoint = LatencyHistogram.midpoint(of: index)
            #expect(abs(Double(midpoint) - Double(value)) <= 0.01 * Double(value), "value \(value)")
        }
        #expect(LatencyHistogram.index(of: Int64.max) == 3_711)
    }

    @Test func minMaxAndMeanAreExact() {
        var rng = RandomStream(seed: 3)
        let values = (0..<10_000).map { _ in Int64(rng.nextInt(below: 5_000_000_000)) + 1_000 }
        let histogram = histogram(of: values)
        #expect(histogram.count == 10_000)
        #expect(histogram.min == values.min() && histogram.max == values.max())
        #expect(histogram.mean == Double(values.reduce(0, +)) / 10_000)
        // Any quantile lies in [min, max]: a single value is reported exactly.
        #expect(self.histogram(of: [1_234_567]).quantile(0.5) == 1_234_567)
    }

    @Test func extremeValuesNeitherOverflowNorLoseTheMean() {
        let histogram = histogram(of: [Int64.max, Int64.max, -5])
        #expect(histogram.min == 0 && histogram.max == Int64.max)
        // The top bucket is [127·2⁵⁶, 2⁶³): its midpoint 127·2⁵⁶ + 2⁵⁵ lies under the maximum.
        #expect(histogram.quantile(1) == (127 << 56) + (1 << 55))
        #expect(histogram.quantile(0.1) == 0)
        #expect(histogram.mean == 2 * Double(Int64.max) / 3)
    }

    @Test func negativeValuesClampToZero() {
        let histogram = histogram(of: [-5, -1])
        #expect(histogram.count == 2 && histogram.min == 0 && histogram.max == 0 && histogram.quantile(1) == 0)
    }

    @Test func mergeEqualsRecordingBoth() {
        var rng = RandomStream(seed: 4)
        let first = (0..<5_000).map { _ in Int64(rng.nextExponential(mean: 5e6).rounded()) }
        let second = (0..<7_000).map { _ in Int64(rng.nextExponential(mean: 80e6).rounded()) + 500 }
        var merged = histogram(of: first)
        merged.merge(histogram(of: second))
        merged.merge(LatencyHistogram())
        let both = histogram(of: first + second)
        var intoEmpty = LatencyHistogram()
        intoEmpty.merge(both)
        for candidate in [merged, intoEmpty] {
            #expect(candidate.count == both.count && candidate.min == both.min && candidate.max == both.max)
            #expect(candidate.mean == both.mean)
            for k in 1...1_000 {
                #expect(candidate.quantile(Double(k) / 1_000) == both.quantile(Double(k) / 1_000))
            }
        }
    }

    @Test func resetEmptiesTheHistogramForReuse() {
        var histogram = histogram(of: [5, 90_000, 3_000_000_000])
        histogram.reset()
        #expect(histogram.count == 0 && histogram.min == 0 && histogram.max == 0 && histogram.mean == 0)
        #expect(histogram.quantile(1) == 0)
        // Old counts must be gone: afterwards it behaves as a fresh histogram would.
        for value: Int64 in [7, 1_000_000] { histogram.record(value) }
        let fresh = self.histogram(of: [7, 1_000_000])
        for p in [0.25, 0.5, 0.75, 1.0] { #expect(histogram.quantile(p) == fresh.quantile(p)) }
        #expect(histogram.quantile(0.5) == 7 && histogram.quantile(1) == 1_000_000)
    }

    @Test func memoryGrowsOnlyWithTheChunksValuesFallIn() {
        // Chunks of 64 buckets: 0–63, 64–127, then one per power of two from 2⁷ to 2⁶².
        var histogram = LatencyHistogram()
        #expect(histogram.storedBucketCount == 0)
        // 1 ms to 1.04 ms lie in [2¹⁹, 2²⁰): one chunk, however many values.
        for value in stride(from: Int64(1_000_000), to: 1_040_000, by: 7) { histogram.record(value) }
        #expect(histogram.storedBucketCount == 64)
        histogram.record(5)
        histogram.record(3_000_000)  // in [2²¹, 2²²)
        #expect(histogram.storedBucketCount == 192)
        // A reset keeps the chunks for the next values.
        histogram.reset()
        histogram.record(1_000_000)
        #expect(histogram.storedBucketCount == 192)
        // Every chunk: 58 × 64 = 3,712 buckets, as many as a dense histogram.
        for shift in 0..<63 { histogram.record(Int64(1) << shift) }
        histogram.record(Int64.max)
        histogram.record(100)
        #expect(histogram.storedBucketCount == 3_712)
    }
}
