import Engine
import Experiments
import Scenario
import Testing

@testable import Reports

/// summary-ci.csv, compare-ci.csv and sweep.csv on small cases, every cell worked by hand.
/// Half-widths: t(0.975, 2) / √3 = 4.302652730 / 1.732050808 = 2.484138 per unit of s.
@Suite struct ExperimentFilesTests {
    typealias E = ExperimentEstimates

    /// The metrics in summary-ci order, for rows that are the same for every metric but a few.
    private static func rows(_ prefix: String, _ given: [String: String], empty: String) -> String {
        SummaryMetric.allCases.map { prefix + $0.rawValue + "," + (given[$0.rawValue] ?? empty) + "\n" }.joined()
    }

    @Test func summaryCI() {
        // requests: all 100, s = 0, the interval is the value. errors 1, 2, 3: mean 2, s = 1,
        // 2 ± 2.484. error_rate: s = 0.01, ± 0.024841. p99: mean 212, s = 2, ± 4.968.
        // One value (the client): no interval. No value: n = 0, the rest empty.
        let expected = "scope,name,metric,n,mean,sd,ci_low,ci_high\n"
            + Self.rows(
                "total,all,",
                [
                    "requests": "3,100.000,0.000,100.000,100.000", "errors": "3,2.000,1.000,-0.484,4.484",
                    "error_rate": "3,0.020000,0.010000,-0.004841,0.044841", "p99_ms": "3,212.000,2.000,207.032,216.968",
                ], empty: "0,,,,")
            + Self.rows("client,web,", ["requests": "1,40.000,0.000,,"], empty: "0,,,,")
        #expect(SummaryCIReport.csv(E.run) == expected)
        #expect(expected.contains("total,all,p99_ms,3,212.000,2.000,207.032,216.968\n"))
        #expect(expected.split(separator: "\n").count == 1 + 2 * 19)
    }

    @Test func compareCI() {
        let plain = ReplicatedCell(
            point: ["200/s"], variant: "plain",
            estimates: [E.scope(.total, "all", replications: 3, [.errors: [1, 1, 1], .p99: [210, 212, 214]])])
        // mesh: 5 ms slower in every replication (differences 5, 5, 5: s = 0, the interval
        // is 5 itself, which excludes 0); errors 2, 5, 2 (mean 3, s = √3, ± 4.303), paired
        // differences 1, 4, 1 (mean 2, s = √3, 2 ± 4.303 = −2.303 to 6.303: not different).
        let mesh = ReplicatedCell(
            point: ["200/s"], variant: "mesh",
            estimates: [E.scope(.total, "all", replications: 3, [.errors: [2, 5, 2], .p99: [215, 217, 219]])],
            differences: [E.scope(.total, "all", replications: 3, [.errors: [1, 4, 1], .p99: [5, 5, 5]])])
        let expected = "clients[name=web].rate,variant,scope,name,metric,n,mean,sd,ci_low,ci_high,diff,diff_low,diff_high,differs\n"
            + Self.rows(
                "200/s,plain,total,all,",
                ["errors": "3,1.000,0.000,1.000,1.000,,,,", "p99_ms": "3,212.000,2.000,207.032,216.968,,,,"],
                empty: "0,,,,,,,,")
            + Self.rows(
                "200/s,mesh,total,all,",
                [
                    "errors": "3,3.000,1.732,-1.303,7.303,2.000,-2.303,6.303,no",
                    "p99_ms": "3,217.000,2.000,212.032,221.968,5.000,5.000,5.000,yes",
                ], empty: "0,,,,,,,,")
        #expect(CompareCIReport.csv(axes: ["clients[name=web].rate"], cells: [plain, mesh]) == expected)
    }

    @Test func sweepOfSingleRunsHasSummaryColumns() {
        let row = { (requests: Int, errors: Int, p99: Nanoseconds) in
            ScopeSummary(
                scope: .total, name: "all", counts: ScopeCounts(requests: requests, ok: requests - errors, errors: errors),
                latency: LatencySummary(p50: 1_500_000, p90: 2_000_000, p95: 2_500_000, p99: p99, p999: 9_000_000, max: 12_000_000, mean: 1_600_000),
                ejections: 1)
        }
        let cells = [
            SingleRunCell(point: ["2"], verdict: "fail", summary: [row(1000, 25, 350_000_000)]),
            SingleRunCell(point: ["4"], verdict: "pass", summary: [row(1000, 0, 4_000_500)]),
        ]
        let expected = """
            services.checkout.replicas,scope,name,verdict,requests,ok,errors,error_rate,rate_limited,unauthorized,timeouts,overflows,retries,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,mean_ms,ejections,cache_hits
            2,total,all,fail,1000,975,25,0.025000,0,0,0,0,0,1.500,2.000,350.000,9.000,12.000,1.600,1,0
            4,total,all,pass,1000,1000,0,0.000000,0,0,0,0,0,1.500,2.000,4.001,9.000,12.000,1.600,1,0

            """
        #expect(SweepReport.csv(axes: ["services.checkout.replicas"], cells: cells) == expected)
    }

    @Test func sweepWithReplicationsHasMeanAndIntervalPerMetric() {
        let cells = [
            ReplicatedCell(point: ["200/s", "2"], variant: "plain", estimates: E.run),
            ReplicatedCell(point: ["200/s", "2"], variant: "mesh", verdict: "inconclusive", estimates: [E.run[0]]),
        ]
        let header = ["rate", "replicas", "variant", "scope", "name", "verdict", "n"]
            + SummaryMetric.allCases.flatMap { [$0.rawValue, "\($0.rawValue)_low", "\($0.rawValue)_high"] }
        // Metrics: requests, ok, errors, error_rate, rate_limited, unauthorized, timeouts,
        // overflows, retries, p50, p90, p95, p99, p999, max, mean, ejections, rps, cache_hits.
        let total = "100.000,100.000,100.000,,,,2.000,-0.484,4.484,0.020000,-0.004841,0.044841,"
            + String(repeating: ",,,", count: 8) + "212.000,207.032,216.968" + String(repeating: ",,,", count: 6)
        let client = "40.000,," + String(repeating: ",,,", count: 18)
        let expected = header.joined(separator: ",") + "\n"
            + "200/s,2,plain,total,all,,3," + total + "\n"
            + "200/s,2,plain,client,web,,1," + client + "\n"
            + "200/s,2,mesh,total,all,inconclusive,3," + total + "\n"
        #expect(header.count == 7 + 3 * 19)
        #expect(SweepReport.csv(axes: ["rate", "replicas"], cells: cells) == expected)
    }
}
