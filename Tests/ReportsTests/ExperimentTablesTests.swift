import Engine
import Experiments
import Scenario
import Testing

@testable import Reports

/// The terminal tables of experiments, column widths counted by hand (± is one character).
@Suite struct ExperimentTablesTests {
    typealias E = ExperimentEstimates

    private func spaces(_ n: Int) -> String { String(repeating: " ", count: n) }

    /// Widths: scope 6, name 4, requests 11 ("100.0 ± 0.0"), errors 9 ("2.0 ± 2.5": s = 1,
    /// half-width 2.484), error % 11 ("2.00 ± 2.48"), p50 6, p99 15 ("212.000 ± 4.968").
    @Test func summaryCI() {
        let expected = [
            "3 replications, 95% intervals (Student t)",
            "scope   name     requests     errors      error %  p50 ms           p99 ms",
            "total   all   100.0 ± 0.0  2.0 ± 2.5  2.00 ± 2.48       -  212.000 ± 4.968",
            "client  web" + spaces(10) + "40.0" + spaces(10) + "-" + spaces(12) + "-" + spaces(7) + "-" + spaces(16) + "-",
        ].map { $0 + "\n" }.joined()
        #expect(SummaryCITable.render(E.run, replications: 3) == expected)
    }

    /// plain: p99 210/212/214, error rate 1% each; mesh 5 ms slower in every replication
    /// (Δ 5 ± 0, marked), error rate 2/5/2% (3.00 ± 4.30: s = √3 %), Δ 1/4/1% (2.00 ±
    /// 4.30, across 0: not marked). The client: two values for plain (21 ± 12.706), one
    /// for mesh (no interval, no mark). The service scope is not shown.
    @Test func compareCI() {
        let plain = ReplicatedCell(variant: "plain", estimates: [
            E.scope(.total, "all", replications: 3, [.p99: [210, 212, 214], .errorRate: [0.01, 0.01, 0.01]]),
            E.scope(.client, "web", replications: 2, [.p99: [20, 22]]),
            E.scope(.service, "api", replications: 3, [.p99: [1, 2, 3]]),
        ])
        let mesh = ReplicatedCell(
            variant: "mesh",
            estimates: [
                E.scope(.total, "all", replications: 3, [.p99: [215, 217, 219], .errorRate: [0.02, 0.05, 0.02]]),
                E.scope(.client, "web", replications: 1, [.p99: [25]]),
                E.scope(.service, "api", replications: 3, [.p99: [1, 2, 3]]),
            ],
            differences: [
                E.scope(.total, "all", replications: 3, [.p99: [5, 5, 5], .errorRate: [0.01, 0.04, 0.01]]),
                E.scope(.client, "web", replications: 1, [.p99: [5]]),
                E.scope(.service, "api", replications: 3, [.p99: [0, 0, 0]]),
            ])
        let expected = [
            "3 replications, 95% intervals (Student t)",
            "scope   name  setup           p99 ms      error %  Δ p99 ms vs plain  Δ error % vs plain",
            "total   all   plain  212.000 ± 4.968  1.00 ± 0.00",
            "total   all   mesh   217.000 ± 4.968  3.00 ± 4.30    5.000 ± 0.000 *         2.00 ± 4.30",
            "client  web   plain  21.000 ± 12.706" + spaces(12) + "-",
            "client  web   mesh" + spaces(12) + "25.000" + spaces(12) + "-" + spaces(14) + "5.000" + spaces(19) + "-",
        ].map { $0 + "\n" }.joined()
        #expect(CompareCITable.render([plain, mesh], replications: 3) == expected)
    }

    /// Widths: the axis path 26, requests 8, error % 7 (25 of 1000 = 2.50), p50 6, p99 7, verdict 7.
    @Test func sweepOfSingleRuns() {
        let row = { (errors: Int, p99: Nanoseconds) in
            ScopeSummary(
                scope: .total, name: "all", counts: ScopeCounts(requests: 1000, ok: 1000 - errors, errors: errors),
                latency: LatencySummary(p50: 1_500_000, p90: 0, p95: 0, p99: p99, p999: 0, max: 0, mean: 0))
        }
        let cells = [
            SingleRunCell(point: ["2"], verdict: "fail", summary: [row(25, 350_000_000)]),
            SingleRunCell(point: ["4"], verdict: "pass", summary: [row(0, 4_000_500)]),
        ]
        let expected = [
            "services.checkout.replicas  requests  error %  p50 ms   p99 ms  verdict",
            "2" + spaces(31) + "1000" + spaces(5) + "2.50" + spaces(3) + "1.500  350.000" + spaces(5) + "fail",
            "4" + spaces(31) + "1000" + spaces(5) + "0.00" + spaces(3) + "1.500" + spaces(4) + "4.001" + spaces(5) + "pass",
        ].map { $0 + "\n" }.joined()
        #expect(SweepTable.render(axes: ["services.checkout.replicas"], cells: cells) == expected)
    }

    /// A verdict column because one cell has one; the other's cell is empty (trimmed).
    @Test func sweepWithReplications() {
        let cells = [
            ReplicatedCell(point: ["200/s"], variant: "plain", estimates: E.run),
            ReplicatedCell(point: ["200/s"], variant: "mesh", verdict: "inconclusive", estimates: [E.run[0]]),
        ]
        let expected = [
            "3 replications, 95% intervals (Student t)",
            "rate   setup     requests      error %  p50 ms           p99 ms       verdict",
            "200/s  plain  100.0 ± 0.0  2.00 ± 2.48       -  212.000 ± 4.968",
            "200/s  mesh   100.0 ± 0.0  2.00 ± 2.48       -  212.000 ± 4.968  inconclusive",
        ].map { $0 + "\n" }.joined()
        #expect(SweepTable.render(axes: ["rate"], cells: cells, replications: 3) == expected)
    }
}
