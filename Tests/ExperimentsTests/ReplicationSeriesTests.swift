import Engine
import Scenario
import Testing

@testable import Experiments

/// The band report.html shades around a replicated timeseries: at each interval, the
/// Student-t interval of the replications' own values there.
@Suite struct ReplicationSeriesTests {
    static func row(end seconds: Int64, _ scope: ScopeKind = .total, _ name: String = "all", requests: Int, errors: Int = 0, p99 ms: Int64?) -> TimeseriesRow {
        TimeseriesRow(
            end: seconds * 1_000_000_000, scope: scope, name: name, requests: requests, rps: Double(requests) / 10, ok: requests - errors,
            errors: errors, rateLimited: 0, p50: ms.map { $0 * 500_000 }, p99: ms.map { $0 * 1_000_000 }, ejected: nil, weight: nil)
    }

    static func replication(_ rows: [TimeseriesRow]) -> UnitOutcome {
        UnitOutcome(unit: 0, summary: [], countedDuration: 20_000_000_000, timeseries: rows, interval: 10_000_000_000)
    }

    @Test func theBandAtAnIntervalIsTheTIntervalOfTheReplicationsValuesThere() throws {
        // p99 at t = 20 s in four replications: 100, 104, 110, 122 ms.
        // mean 109; deviations −9, −5, 1, 13; squares 81 + 25 + 1 + 169 = 276; s² = 276 / 3 = 92;
        // s = 9.5916630; half-width t(0.975, 3) · s / √4 = 3.182446305 · 9.5916630 / 2 = 15.2624763.
        let outcomes = [(100, 5), (104, 0), (110, 7), (122, 3)].map { p99, errors in
            Self.replication([
                Self.row(end: 10, requests: 500, p99: 50),
                Self.row(end: 10, .client, "web", requests: 500, p99: 60),
                Self.row(end: 20, requests: 600, errors: errors, p99: Int64(p99)),
            ])
        }
        let p99 = ReplicationSeries.estimates(outcomes, scope: .total, name: "all", metric: .p99)
        #expect(p99.map(\.end) == [10_000_000_000, 20_000_000_000])
        let at20 = try #require(p99[1].estimate)
        let low = try #require(at20.low), high = try #require(at20.high)
        #expect(at20.mean == 109)
        #expect(abs(low - (109 - 15.2624763)) < 1e-6 && abs(high - (109 + 15.2624763)) < 1e-6)
        // Identical values: the interval is the value itself.
        #expect(p99[0].estimate?.low == 50 && p99[0].estimate?.high == 50)
        // errors/s over the 10 s interval: 0.5, 0, 0.7, 0.3 → mean 0.375.
        let errors = ReplicationSeries.estimates(outcomes, scope: .total, name: "all", metric: .errorsPerSecond)
        #expect(abs((errors[1].estimate?.mean ?? 0) - 0.375) < 1e-12)
        #expect(ReplicationSeries.estimates(outcomes, scope: .client, name: "web", metric: .p50).map { $0.estimate?.mean } == [30])
        #expect(ReplicationSeries.names(outcomes, scope: .client) == ["web"])
    }

    @Test func anIntervalWithoutRequestsInSomeReplicationsIsEstimatedFromTheOthers() throws {
        let outcomes = [
            Self.replication([Self.row(end: 10, requests: 0, p99: nil)]),
            Self.replication([Self.row(end: 10, requests: 3, p99: 40)]),
            Self.replication([Self.row(end: 10, requests: 5, p99: 44)]),
        ]
        let p99 = try #require(ReplicationSeries.estimates(outcomes, scope: .total, name: "all", metric: .p99).first?.estimate)
        // Two values 40 and 44: s = 2√2, half-width t(0.975, 1) · 2√2 / √2 = 12.706204736 · 2.
        #expect(p99.n == 2 && p99.mean == 42)
        #expect(abs((p99.halfWidth ?? 0) - 25.412409472) < 1e-9)
        // No replication with a value: an interval end without an estimate, a gap in the line.
        let none = ReplicationSeries.estimates([outcomes[0]], scope: .total, name: "all", metric: .p99)
        #expect(none.count == 1 && none[0].estimate == nil)
    }
}
