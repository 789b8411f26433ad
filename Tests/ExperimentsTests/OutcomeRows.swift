import Engine
import Experiments
import Scenario

/// Summary rows and outcomes built in code for the statistics tests.
enum OutcomeRows {
    static func row(
        _ scope: ScopeKind = .total, _ name: String = "all", requests: Int = 100, errors: Int = 0, p99: Double? = nil,
        ejections: Int = 0
    ) -> ScopeSummary {
        let latency = p99.map { ms in
            let ns = Nanoseconds(ms * 1e6)
            return LatencySummary(p50: ns, p90: ns, p95: ns, p99: ns, p999: ns, max: ns, mean: ms * 1e6)
        }
        return ScopeSummary(
            scope: scope, name: name, counts: ScopeCounts(requests: requests, ok: requests - errors, errors: errors),
            latency: latency, ejections: ejections)
    }

    static func outcome(_ rows: [ScopeSummary], unit: Int = 0) -> UnitOutcome {
        UnitOutcome(unit: unit, summary: rows, countedDuration: 10_000_000_000)
    }
}
