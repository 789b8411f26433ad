import Engine
import Testing
@testable import Reports

@Suite struct SummaryTableTests {
    private let run = RunResult(
        scenarioName: "checkout", seed: 1, endTime: 0,
        summary: [
            ScopeSummary(
                scope: .total, name: "all",
                counts: ScopeCounts(requests: 200, ok: 190, errors: 8, rateLimited: 2, timeouts: 3),
                latency: LatencySummary(
                    p50: 1_234_567, p90: 0, p95: 0, p99: 12_345_500, p999: 0, max: 31_000_000, mean: 0)),
            ScopeSummary(
                scope: .client, name: "mobile-app",
                counts: ScopeCounts(requests: 800, ok: 799, errors: 1, timeouts: 1),
                latency: LatencySummary(
                    p50: 2_000_000, p90: 0, p95: 0, p99: 150_000_000, p999: 0, max: 1_500_000_000, mean: 0)),
            ScopeSummary(scope: .service, name: "pay", counts: ScopeCounts(requests: 0, ok: 0, errors: 0), latency: nil),
        ],
        timeseries: [], events: [], responses: [])

    /// Column widths by hand: scope 7, name 10, requests 8, ok 3, errors 6, error % 7,
    /// rate-limited 12, unauthorized 12, timeouts 8, p50 6, p99 7, max 8; two spaces between columns.
    /// 1/800 = 0.125 % rounds half away to 0.13.
    @Test func rendersAlignedColumns() {
        let expected = [
            "scope    name        requests   ok  errors  error %  rate-limited  unauthorized  timeouts  p50 ms   p99 ms    max ms",
            "total    all              200  190       8     4.00             2             0         3   1.235   12.346    31.000",
            "client   mobile-app       800  799       1     0.13             0             0         1   2.000  150.000  1500.000",
            "service  pay                0    0       0     0.00             0             0         0       -        -         -",
        ].map { $0 + "\n" }.joined()
        #expect(SummaryTable.render(run) == expected)
    }

    @Test func noRowsRendersTheHeaderOnly() {
        let text = SummaryTable.render(SampleRun.empty)
        #expect(text == "scope  name  requests  ok  errors  error %  rate-limited  unauthorized  timeouts  p50 ms  p99 ms  max ms\n")
    }

    @Test func hasNoEscapeCodesOrTrailingSpaces() {
        let text = SummaryTable.render(SampleRun.result)
        #expect(!text.unicodeScalars.contains("\u{1B}"))
        #expect(text.split(separator: "\n").allSatisfy { $0.last != " " })
    }
}
