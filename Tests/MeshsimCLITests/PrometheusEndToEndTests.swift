import Foundation
import Testing

/// metrics.om into a real Prometheus (issue 19): `promtool check metrics` finds only what
/// Istio's and Kong's own names cause, `promtool tsdb create-blocks-from openmetrics`
/// backfills it, and a Prometheus over those blocks answers the Istio dashboards' p99 query
/// and the request count with what meshsim's own reports say.
@Suite struct PrometheusEndToEndTests {
    /// Kong in front of one service in the mesh, with sidecars that add no latency: each
    /// request is one attempt, so the caller's (source) and the pod's (destination) reports
    /// see the same latency, the latency of summary.csv's service row. Exponential service
    /// times of mean 8 ms put the p99 (8 · ln 100 ≈ 36.8 ms) well inside Envoy's (25, 50] bucket:
    /// 95.6% of requests take under 25 ms and 99.8% under 50 ms.
    static let scenario = """
        name: e2e-metrics
        seed: 3
        duration: 60s
        interval: 10s
        clients:
          - { name: web, rate: 100/s }
        gateway:
          routes:
            - { name: orders, paths: [/], service: orders }
        mesh: { enabled: true, sidecarLatency: 0ms, mtlsLatency: 0ms }
        services:
          orders:
            replicas: 2
            concurrency: 64
            latency: exp(8ms)
        metrics: openmetrics
        """

    /// 2026-03-01T09:00:00Z: 20,513 days after 1970-01-01.
    static let start: Int64 = 1_772_355_600
    static let service = "orders.default.svc.cluster.local"
    static let envoyBounds: [Double] = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000]

    @Test(.enabled(if: PrometheusTools.available || PrometheusTools.required, "needs promtool and prometheus (Debian's prometheus package)"))
    func aBackfilledPrometheusAnswersWhatTheReportsSay() throws {
        guard let promtool = PrometheusTools.promtool, PrometheusTools.prometheus != nil else {
            Issue.record("CI is set but promtool or prometheus is not on PATH: install Debian's prometheus package")
            return
        }
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let run = meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--start-time", "2026-03-01T09:00:00Z", "--quiet"])
        #expect(run.code == .success, "\(run.err)")
        let metrics = workspace.path("out/metrics.om")

        // The classic-format linter knows no OpenMetrics counter family (`_total` has no HELP of
        // its own) and wants base units: Istio's and Kong's real names cause exactly these.
        let lint = try PrometheusTools.run(promtool, ["check", "metrics"], input: metrics)
        #expect(lint.status == 3, "\(lint.output)")
        #expect(Set(lint.output.split(separator: "\n").map(String.init)) == [
            #"istio_request_duration_milliseconds use base unit "seconds" instead of "milliseconds""#,
            "istio_requests_total no help text",
            "kong_http_requests_total no help text",
            "kong_request_latency_ms metric names should not contain abbreviated units",
            "kong_upstream_latency_ms metric names should not contain abbreviated units",
            "meshsim_rate_limited_total no help text",
        ])

        let blocks = workspace.path("tsdb")
        let backfill = try PrometheusTools.run(promtool, ["tsdb", "create-blocks-from", "openmetrics", metrics, blocks])
        #expect(backfill.status == 0, "\(backfill.output)")

        let server = try PrometheusServer(storage: blocks, workspace: workspace.root.path)
        defer { server.stop() }
        let ready = server.waitUntilReady()
        // Read while Prometheus writes it only when it failed: Foundation's file read leaks its
        // buffer when the file grows under it, which LeakSanitizer reports.
        guard ready else {
            Issue.record("prometheus did not start: \((try? workspace.read("prometheus.log")) ?? "")")
            return
        }

        // At 65 s the 1-minute window holds the samples at 10 s … 60 s.
        let p99Query = "histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{destination_service=\"\(Self.service)\"}[1m])))"
        let p99 = try #require(try server.query(p99Query, at: Self.start + 65))
        // Prometheus interpolates linearly inside the bucket that holds rank 0.99 of the
        // window's increase; every bucket's rate is extrapolated by the same factor (their
        // samples share timestamps), which cancels in the rank. The same arithmetic on the
        // file's own buckets must give its answer.
        let text = try workspace.read("out/metrics.om")
        let expected = try #require(Self.quantile(0.99, buckets: Self.bucketIncrease(text, from: Self.start + 10, to: Self.start + 60)))
        #expect(abs(p99 - expected) <= 1e-9 * expected, "prometheus \(p99), from the file's buckets \(expected)")
        // meshsim's exact p99 of the service lies in the same bucket as Prometheus's
        // estimate: a histogram cannot say more than which bucket holds the quantile.
        let summary = try workspace.read("out/summary.csv").split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = summary[0]
        let row = try #require(summary.first { $0.count > 1 && $0[0] == "service" && $0[1] == "orders" })
        let p99Column = try #require(header.firstIndex(of: "p99_ms"))
        let exact = try #require(Double(row[p99Column]))
        #expect(Self.bucket(of: p99) == Self.bucket(of: exact), "prometheus \(p99) ms, summary.csv \(exact) ms")
        #expect(Self.bucket(of: exact) == 5, "the scenario puts the p99 in (25, 50]")

        // The destination's count at 40 s is every attempt the service finished by then:
        // timeseries.csv's service rows of the intervals ending at 10 … 40 s.
        let series = try workspace.read("out/timeseries.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let finished = series.filter { $0[1] == "service" && $0[2] == "orders" && (Double($0[0]) ?? .infinity) <= 40 }.compactMap { Int($0[3]) }.reduce(0, +)
        let count = try server.query("sum(istio_requests_total{destination_service=\"\(Self.service)\",reporter=\"destination\"})", at: Self.start + 40)
        #expect(count == Double(finished) && finished > 3_000)
        let routed = series.filter { $0[1] == "route" && (Double($0[0]) ?? .infinity) <= 40 }.compactMap { Int($0[3]) }.reduce(0, +)
        let kong = try server.query("sum(kong_http_requests_total)", at: Self.start + 40)
        #expect(kong == Double(routed))
    }

    /// Σ over the service's series of each `le` bucket at `to` minus at `from`, by bound.
    static func bucketIncrease(_ text: String, from: Int64, to: Int64) -> [(bound: Double, count: Double)] {
        var at: [Int64: [String: Double]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("istio_request_duration_milliseconds_bucket{") && line.contains("destination_service=\"\(service)\"") {
            let parts = line.split(separator: " ")
            guard parts.count == 3, let value = Double(parts[1]), let time = Int64(parts[2]), let le = line.range(of: ",le=\"") else { continue }
            let bound = String(line[le.upperBound...].prefix { $0 != "\"" })
            at[time, default: [:]][bound, default: 0] += value
        }
        let first = at[from] ?? [:], last = at[to] ?? [:]
        return last.keys.compactMap { key in
            let bound = key == "+Inf" ? Double.infinity : Double(key)
            return bound.map { ($0, (last[key] ?? 0) - (first[key] ?? 0)) }
        }.sorted { $0.bound < $1.bound }
    }

    /// Prometheus's `histogram_quantile`: rank q · total, then linear interpolation inside the
    /// first bucket whose cumulative count reaches it (from 0 for the lowest bucket).
    static func quantile(_ q: Double, buckets: [(bound: Double, count: Double)]) -> Double? {
        guard let total = buckets.last?.count, total > 0 else { return nil }
        let rank = q * total
        var lower = 0.0, below = 0.0
        for bucket in buckets {
            if bucket.count >= rank {
                return bucket.bound.isFinite ? lower + (bucket.bound - lower) * (rank - below) / (bucket.count - below) : lower
            }
            lower = bucket.bound
            below = bucket.count
        }
        return nil
    }

    /// The index of Envoy's bucket (bounds[i-1], bounds[i]] holding `value`.
    static func bucket(of value: Double) -> Int {
        envoyBounds.firstIndex { value <= $0 } ?? envoyBounds.count
    }
}
