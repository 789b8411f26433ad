import Engine

/// A small hand-built run whose report text is worked out by hand in the tests.
enum SampleRun {
    static let empty = RunResult(
        scenarioName: "idle", seed: 1, endTime: 0, summary: [], timeseries: [], events: [], responses: [])

    static let result = RunResult(
        scenarioName: "checkout", seed: 7, endTime: 20_000_000_000,
        summary: [
            ScopeSummary(
                scope: .total, name: "all",
                counts: ScopeCounts(
                    requests: 200, ok: 190, errors: 8, rateLimited: 2, unauthorized: 1, timeouts: 3, overflows: 1,
                    retries: 5),
                latency: LatencySummary(
                    p50: 1_234_567, p90: 5_000_000, p95: 7_000_000, p99: 12_345_500, p999: 20_000_499,
                    max: 31_000_000, mean: 2_500_500)),
            ScopeSummary(scope: .client, name: "web, mobile", counts: ScopeCounts(requests: 3, ok: 2, errors: 1), latency: nil),
            ScopeSummary(scope: .service, name: "pay", counts: ScopeCounts(requests: 0, ok: 0, errors: 0), latency: nil, ejections: 2),
            ScopeSummary(
                scope: .version, name: "pay/v2", counts: ScopeCounts(requests: 16000, ok: 15999, errors: 1),
                latency: LatencySummary(
                    p50: 999_999, p90: 1_000_499, p95: 1_000_499, p99: 1_000_500, p999: 2_000_000,
                    max: 123_456_789_012, mean: 1_000_000.5)),
        ],
        timeseries: [
            TimeseriesRow(
                end: 10_000_000_000, scope: .total, name: "all", requests: 25, rps: 2.5, ok: 24, errors: 1,
                rateLimited: 0, p50: 1_500_000, p99: 9_999_999, ejected: nil, weight: nil),
            TimeseriesRow(
                end: 10_000_000_000, scope: .version, name: "pay/v2", requests: 0, rps: 0, ok: 0, errors: 0,
                rateLimited: 0, p50: nil, p99: nil, ejected: 1, weight: 100.0 / 3),
            TimeseriesRow(
                end: 12_500_000_000, scope: .service, name: "pay", requests: 7, rps: 7 / 2.5, ok: 7, errors: 0,
                rateLimited: 0, p50: 2_000_000, p99: 3_000_000, ejected: 0, weight: nil),
            TimeseriesRow(
                end: 12_500_000_000, scope: .version, name: "pay/v2", requests: 3, rps: 1.2, ok: 2, errors: 0,
                rateLimited: 1, p50: 1_000_000, p99: 4_000_000, ejected: 0, weight: 25),
        ],
        events: [
            EventRecord(time: 1_250_000_000, kind: "fault_start", target: "db-slow", detail: "delay 200ms"),
            EventRecord(time: 3_000_000_000, kind: "eject", target: "pay-v2-1", detail: "consecutive_5xx=5"),
            EventRecord(
                time: 3_000_400_000, kind: "rollout_check_failed", target: "pay/v2",
                detail: "error_rate 0.2 > 0.05, \"canary\" stopped"),
        ],
        responses: [
            ResponseCount(scope: .total, name: "all", code: 200, flag: "-", count: 190),
            ResponseCount(scope: .total, name: "all", code: 503, flag: "UO", count: 1),
            ResponseCount(scope: .client, name: "web, mobile", code: 504, flag: "UT", count: 1),
        ])
}
