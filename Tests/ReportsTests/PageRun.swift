import Engine
import Scenario

/// Hand-built runs for the page tests: one client, one service with two versions, a fault,
/// 10 s intervals over 90 s; the client's p99 is 120 ms at t = 60 s.
enum PageRun {
    static let second: Nanoseconds = 1_000_000_000
    static let here = SourceLocation(file: "t.yaml", line: 3, column: 5)

    static func row(_ t: Int, _ scope: ScopeKind, _ name: String, p99 ms: Double?, requests: Int = 100, errors: Int = 0,
                    ejected: Int? = nil, weight: Double? = nil) -> TimeseriesRow {
        TimeseriesRow(
            end: Nanoseconds(t) * second, scope: scope, name: name, requests: requests, rps: Double(requests) / 10, ok: requests - errors,
            errors: errors, rateLimited: 0, timeouts: 0, p50: ms.map { Nanoseconds($0 / 2 * 1e6) }, p99: ms.map { Nanoseconds($0 * 1e6) },
            ejected: ejected, weight: weight)
    }

    static func result(name: String = "checkout", client: String = "web", fault: String = "db-slow", mesh: Bool = false) -> RunResult {
        let p99: [Double?] = [10, 20, 30, 40, 50, 120, nil, 80, 87]
        var rows: [TimeseriesRow] = []
        for (index, value) in p99.enumerated() {
            let t = (index + 1) * 10
            rows.append(row(t, .total, "all", p99: value, errors: index == 5 ? 30 : 0))
            rows.append(row(t, .client, client, p99: value))
            rows.append(row(t, .version, "pay/v1", p99: value, ejected: mesh ? (t >= 30 && t < 60 ? 1 : 0) : 0, weight: t < 50 ? 90 : 100))
            rows.append(row(t, .version, "pay/v2", p99: value, ejected: 0, weight: t < 50 ? 10 : 0))
        }
        var r = RunResult(
            scenarioName: name, seed: 7, endTime: 90 * second,
            summary: [
                ScopeSummary(scope: .total, name: "all", counts: ScopeCounts(requests: 900, ok: 870, errors: 30), latency: nil),
                ScopeSummary(scope: .client, name: client, counts: ScopeCounts(requests: 900, ok: 870, errors: 30), latency: nil),
                ScopeSummary(scope: .version, name: "pay/v1", counts: ScopeCounts(requests: 800), latency: nil),
                ScopeSummary(scope: .version, name: "pay/v2", counts: ScopeCounts(requests: 100), latency: nil),
            ],
            timeseries: rows,
            events: [
                EventRecord(time: 20 * second, kind: "fault_start", target: fault, detail: "delay 200ms"),
                EventRecord(time: 25 * second, kind: "eject", target: "pay/v1/0", detail: "consecutive_5xx=5 caller=\(client)"),
                EventRecord(time: 40 * second, kind: "fault_end", target: fault, detail: "delay 200ms"),
                EventRecord(time: 55 * second, kind: "uneject", target: "pay/v1/0", detail: "caller=\(client)"),
            ],
            responses: [ResponseCount(scope: .client, name: client, code: 503, flag: "UO", count: 30)],
            mesh: mesh ? MeshUsage(proxies: 4, sidecarPasses: 1800, addedLatency: 900 * second / 1000, clientRequests: 900, duration: 90 * second) : nil,
            assertions: [
                AssertionVerdict(
                    assertion: Assertion(text: "p99{client=\(client)} < 100ms", metric: .p99, op: .less, value: .duration(0), location: here),
                    measured: "120.000 ms", passed: false),
                AssertionVerdict(
                    assertion: Assertion(text: "error_rate < 5%", metric: .p99, op: .less, value: .duration(0), location: here),
                    measured: "3.33%", passed: true),
            ])
        r.duration = 90 * second
        r.interval = 10 * second
        return r
    }
}
