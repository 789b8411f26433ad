import Testing

@testable import Engine
@testable import Policy

@Suite struct ScopeStatisticsTests {
    private let ok = Outcome(status: 200, flag: .none)
    private let overflow = Outcome(status: 503, flag: .overflow)
    private let unavailable = Outcome(status: 503, flag: .none)
    private let limited = Outcome(status: 429, flag: .rateLimited)

    /// Counts are worked out from the answers' (status, flag) tallies when the interval closes.
    /// By hand, for 200 200 503UO 200 429 503UO 0UT 504UT 401 503 and two retries:
    /// 10 requests; ok = the three 200s; errors = 503UO ×2, 0, 504, 503 = 5; rate limited 1;
    /// unauthorized 1; timeouts = 0 and 504 = 2; overflows = the two 503UO (not the plain 503).
    @Test func countsComeFromTheAnswersOfTheInterval() {
        var statistics = ScopeStatistics()
        let answers = [
            ok, ok, overflow, ok, limited, overflow, Outcome.clientTimeout, Outcome(status: 504, flag: .timeout),
            Outcome(status: 401, flag: .unauthorized), unavailable,
        ]
        for answer in answers { statistics.record(answer) }
        statistics.recordRetry()
        statistics.recordRetry()
        let expected = ScopeCounts(
            requests: 10, ok: 3, errors: 5, rateLimited: 1, unauthorized: 1, timeouts: 2, overflows: 2, retries: 2)
        #expect(statistics.interval == expected)
        let (counts, p50, _) = statistics.closeInterval(latency: LatencyHistogram())
        #expect(counts == expected && p50 == nil)
        // The next interval starts empty; the run keeps the closed one.
        statistics.record(ok)
        #expect(statistics.interval == ScopeCounts(requests: 1, ok: 1))
        #expect(statistics.counts.requests == 11 && statistics.counts.ok == 4 && statistics.counts.retries == 2)
    }

    /// Tallies by (status, flag) across intervals and from a child scope: 503 with and without
    /// the overflow flag stay apart.
    @Test func responsesAddUpAcrossIntervalsAndChildren() {
        var parent = ScopeStatistics()
        var child = ScopeStatistics()
        for answer in [ok, ok, overflow] { child.record(answer) }
        parent.record(unavailable)
        parent.absorbInterval(of: child)
        _ = parent.closeInterval(latency: LatencyHistogram())
        _ = child.closeInterval(latency: LatencyHistogram())
        child.record(overflow)
        parent.absorbInterval(of: child)
        let tallies = parent.responses.map { "\($0.status)\($0.flag.code):\($0.count)" }.sorted()
        #expect(tallies == ["200-:2", "503-:1", "503UO:2"])
        #expect(parent.counts == ScopeCounts(requests: 5, ok: 2, errors: 3, overflows: 2))
    }

    /// The open interval's buckets, kept apart from any histogram, give the same histogram as
    /// recording the values into one, and a child's interval adds to its parent's as a merge does.
    @Test func intervalLatenciesMatchAHistogramOfTheSameValues() {
        var rng = RandomStream(seed: 9)
        var latencies = IntervalLatencies(scopes: 3)
        var histograms = [LatencyHistogram(), LatencyHistogram(), LatencyHistogram()]
        for _ in 0..<5_000 {
            let scope = rng.nextInt(below: 3)
            // From −10 ns (clamped to 0) to about 2 s, across many powers of two.
            let value = Int64(rng.nextInt(below: 1 << rng.nextInt(below: 31))) - 10
            latencies.record(value, scope: scope)
            histograms[scope].record(value)
        }
        latencies.absorb(2, into: 0)
        histograms[0].merge(histograms[2])
        for scope in 0..<2 {
            var drained = LatencyHistogram()
            latencies.add(scope, to: &drained)
            let reference = histograms[scope]
            #expect(drained.count == reference.count && drained.min == reference.min && drained.max == reference.max)
            #expect(drained.mean == reference.mean)
            for p in [0.001, 0.1, 0.5, 0.9, 0.99, 0.999, 1.0] { #expect(drained.quantile(p) == reference.quantile(p)) }
        }
        latencies.reset(0)
        var empty = LatencyHistogram()
        latencies.add(0, to: &empty)
        #expect(empty.count == 0)
    }

    /// Records wait in a log of 8,192 and are folded in when it fills: 20,000 values in two
    /// scopes cross two folds and leave a partial log, and the scopes hold exactly the values
    /// recorded, in counts, extremes, mean and every quantile.
    @Test func intervalLatenciesKeepEveryValueAcrossLogFolds() {
        var rng = RandomStream(seed: 17)
        var latencies = IntervalLatencies(scopes: 2)
        var histograms = [LatencyHistogram(), LatencyHistogram()]
        for _ in 0..<20_000 {
            let scope = rng.nextInt(below: 2)
            let value = Int64(rng.nextInt(below: 1 << rng.nextInt(below: 31)))
            latencies.record(value, scope: scope)
            histograms[scope].record(value)
        }
        for scope in 0..<2 {
            var drained = LatencyHistogram()
            latencies.add(scope, to: &drained)
            let reference = histograms[scope]
            #expect(drained.count == reference.count && drained.min == reference.min && drained.max == reference.max)
            #expect(drained.mean == reference.mean)
            for p in [0.001, 0.1, 0.5, 0.9, 0.99, 0.999, 1.0] { #expect(drained.quantile(p) == reference.quantile(p)) }
        }
        #expect(histograms[0].count + histograms[1].count == 20_000)
    }
}
