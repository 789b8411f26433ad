import Engine
import Testing

@testable import Experiments

@Suite struct ReplicationSummaryTests {
    typealias R = OutcomeRows

    @Test func meanSpreadAndStudentIntervalOverReplications() throws {
        let outcomes = [210.0, 212, 214].enumerated().map { k, p99 in
            R.outcome([R.row(requests: 1000 + 10 * k, errors: k, p99: p99)], unit: k)
        }
        let scopes = ReplicationSummary.estimates(outcomes)
        #expect(scopes.count == 1)
        let total = try #require(scopes.first)
        #expect(total.scope == .total && total.name == "all" && total.replications == 3)
        let p99 = try #require(total[.p99])
        // mean 212, s = 2, half-width t(0.975, 2) · 2 / √3 = 4.302652730 · 2 / 1.7320508 = 4.968275.
        let halfWidth = try #require(p99.halfWidth)
        #expect(p99.n == 3 && p99.mean == 212 && p99.standardDeviation == 2)
        #expect(abs(halfWidth - 4.968275) < 1e-6)
        // requests 1000, 1010, 1020: mean 1010, s = 10; errors 0, 1, 2: mean 1, s = 1.
        #expect(total[.requests]?.mean == 1010 && total[.requests]?.standardDeviation == 10)
        #expect(total[.errors]?.mean == 1 && total[.errors]?.standardDeviation == 1)
        // rps = requests / 10 s counted.
        #expect(total[.rps]?.mean == 101)
    }

    @Test func aScopeMissingInOneReplicationIsEstimatedFromTheOthers() throws {
        let outcomes = [
            R.outcome([R.row(p99: 10)]),
            R.outcome([R.row(p99: 12), R.row(.client, "web", requests: 40, p99: 20)]),
            R.outcome([R.row(p99: 14), R.row(.client, "web", requests: 44, p99: 22)]),
        ]
        let scopes = ReplicationSummary.estimates(outcomes)
        // First seen first: the client appears in replication 2, after the total.
        #expect(scopes.map(\.name) == ["all", "web"])
        let web = scopes[1]
        #expect(web.scope == .client && web.replications == 2)
        #expect(web[.requests]?.n == 2 && web[.requests]?.mean == 42)
        // Two values: s = √2 · 1 = 1.414…, half-width t(0.975, 1) · s / √2 = 12.706 · 1.
        let p99 = try #require(web[.p99])
        let halfWidth = try #require(p99.halfWidth)
        #expect(p99.mean == 21 && abs(halfWidth - 12.706204736) < 1e-9)
        #expect(scopes[0][.p99]?.n == 3)
    }

    @Test func aMetricNoReplicationHasGetsNoEstimate() {
        // No request in any replication: no latency, no error rate.
        let outcomes = (0..<3).map { _ in R.outcome([R.row(requests: 0)]) }
        let total = ReplicationSummary.estimates(outcomes)[0]
        #expect(total[.p99] == nil && total[.mean] == nil && total[.errorRate] == nil)
        #expect(total[.requests]?.n == 3 && total[.requests]?.mean == 0)
        #expect(total.estimates.count == SummaryMetric.allCases.count)
    }

    @Test func aConstantPairedDifferenceHasTheDifferenceAsItsInterval() throws {
        // Each replication of the setup is 5 ms slower than the baseline's with the same seed,
        // though the replications themselves vary by ±40 ms.
        let baseline = [200.0, 240, 160].map { R.outcome([R.row(p99: $0)]) }
        let setup = [205.0, 245, 165].map { R.outcome([R.row(p99: $0)]) }
        let p99 = try #require(ReplicationSummary.differences(setup, baseline: baseline)[0][.p99])
        #expect(p99.n == 3 && p99.mean == 5 && p99.standardDeviation == 0)
        #expect(p99.low == 5 && p99.high == 5)
    }

    @Test func independentNoiseGivesAnIntervalAcrossZero() throws {
        // Differences 1, 4, 1: mean 2, s = √3, half-width 4.302652730 · √3 / √3 = 4.302653.
        let baseline = [9.0, 10, 11].map { R.outcome([R.row(p99: $0)]) }
        let setup = [10.0, 14, 12].map { R.outcome([R.row(p99: $0)]) }
        let p99 = try #require(ReplicationSummary.differences(setup, baseline: baseline)[0][.p99])
        #expect(abs(p99.mean - 2) < 1e-12 && abs(p99.standardDeviation - 3.0.squareRoot()) < 1e-12)
        let low = try #require(p99.low)
        let high = try #require(p99.high)
        #expect(abs((high - low) / 2 - 4.302652730) < 1e-9)
        #expect(low < 0 && high > 0)
    }

    @Test func differencesPairOnlyReplicationsWhereBothHaveAValue() throws {
        // Replication 2 of the baseline saw no request: that pair drops out of p99, not of requests.
        let baseline = [R.outcome([R.row(p99: 100)]), R.outcome([R.row(requests: 0)]), R.outcome([R.row(p99: 104)])]
        let setup = [R.outcome([R.row(p99: 101)]), R.outcome([R.row(p99: 150)]), R.outcome([R.row(p99: 106)])]
        let total = ReplicationSummary.differences(setup, baseline: baseline)[0]
        #expect(total[.p99]?.n == 2 && total[.p99]?.mean == 1.5)
        #expect(total[.requests]?.n == 3 && total[.requests]?.mean == 100.0 / 3)
    }

    @Test func aScopeTheBaselineLacksHasNoDifference() {
        let baseline = [R.outcome([R.row()]), R.outcome([R.row()])]
        let setup = [R.outcome([R.row(), R.row(.service, "cache")]), R.outcome([R.row(), R.row(.service, "cache")])]
        let scopes = ReplicationSummary.differences(setup, baseline: baseline)
        #expect(scopes.map(\.name) == ["all", "cache"])
        #expect(scopes[1].replications == 0 && scopes[1].estimates.allSatisfy { $0 == nil })
        #expect(scopes[0][.requests]?.mean == 0)
    }
}
