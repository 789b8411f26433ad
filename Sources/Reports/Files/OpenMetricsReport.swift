import Engine

/// metrics.om: the run as the Prometheus series a cluster running it would have exported, in
/// the OpenMetrics text format, with Istio's, Kong's, Envoy's and Flagger's metric and label
/// names, so that a backfilled Prometheus answers the queries of their dashboards.
///
/// One sample per series per interval end, stamped `start` + simulated time; families in a
/// fixed order, each series' points together and in time order; `# EOF` last.
public enum OpenMetricsReport {
    public static func text(_ r: RunResult, start: EpochTime = .defaultStart) -> String {
        let telemetry = r.telemetry ?? RunTelemetry(sampleTimes: [], meshBounds: [], gatewayBounds: [], mesh: [], gatewayRequests: [], gatewayLatency: [])
        var out = OpenMetricsWriter(timestamps: telemetry.sampleTimes.map(start.timestampText(after:)), capacity: capacity(telemetry))
        mesh(telemetry, namespace: r.namespace, &out)
        gateway(telemetry, &out)
        TimeseriesGauges.write(r, start: start, &out)
        out.end()
        return out.text
    }

    private static func mesh(_ telemetry: RunTelemetry, namespace: String, _ out: inout OpenMetricsWriter) {
        guard !telemetry.mesh.isEmpty else { return }
        let labels = telemetry.mesh.map { IstioLabels.text($0, namespace: namespace) }
        out.family("istio_requests", type: "counter", help: "Requests handled by an Istio proxy (Istio standard metric), simulated by meshsim.")
        for (series, labels) in zip(telemetry.mesh, labels) {
            out.counter("istio_requests_total", labels: labels, firstSample: series.firstSample, values: series.points.map(\.count))
        }
        out.family("istio_request_duration_milliseconds", type: "histogram", unit: "milliseconds",
                   help: "Duration of requests seen by an Istio proxy (Istio standard metric), simulated by meshsim.")
        let bounds = telemetry.meshBounds.map(OpenMetricsText.bound)
        for (series, labels) in zip(telemetry.mesh, labels) {
            out.histogram("istio_request_duration_milliseconds", labels: labels, bounds: bounds, firstSample: series.firstSample, points: series.points)
        }
    }

    /// Kong's exporter records nothing for a request no route matched (exporter.lua's `log`
    /// returns without a route), so neither does metrics.om.
    private static func gateway(_ telemetry: RunTelemetry, _ out: inout OpenMetricsWriter) {
        let requests = telemetry.gatewayRequests.filter { !$0.route.isEmpty }
        let latencies = telemetry.gatewayLatency.filter { !$0.route.isEmpty }
        if !requests.isEmpty {
            out.family("kong_http_requests", type: "counter", help: "HTTP status codes per consumer/service/route in Kong, simulated by meshsim.")
            for series in requests {
                let labels = kongLabels([
                    ("service", series.service), ("route", series.route), ("code", String(series.code)),
                    ("source", series.answeredByGateway ? "kong" : "service"), ("workspace", workspace), ("consumer", series.consumer ?? ""),
                ])
                out.counter("kong_http_requests_total", labels: labels, firstSample: series.firstSample, values: series.counts)
            }
        }
        guard !latencies.isEmpty else { return }
        let bounds = telemetry.gatewayBounds.map(OpenMetricsText.bound)
        let labels = latencies.map { kongLabels([("service", $0.service), ("route", $0.route), ("workspace", workspace)]) }
        out.family("kong_request_latency_ms", type: "histogram", unit: "ms",
                   help: "Total latency incurred during requests for each service/route in Kong, simulated by meshsim.")
        for (series, labels) in zip(latencies, labels) {
            out.histogram("kong_request_latency_ms", labels: labels, bounds: bounds, firstSample: series.firstSample, points: series.request)
        }
        out.family("kong_upstream_latency_ms", type: "histogram", unit: "ms",
                   help: "Latency added by upstream response for each service/route in Kong, simulated by meshsim.")
        for (series, labels) in zip(latencies, labels) {
            // Kong observes upstream latency only for proxied requests: like any Prometheus
            // series, a route's starts with its first observation.
            guard let first = series.upstream.firstIndex(where: { $0.count > 0 }) else { continue }
            out.histogram("kong_upstream_latency_ms", labels: labels, bounds: bounds, firstSample: series.firstSample, points: series.upstream, skipping: first)
        }
    }

    /// Kong's single workspace of an open-source gateway.
    static let workspace = "default"

    private static func kongLabels(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\"\(OpenMetricsText.escaped($0.1))\"" }.joined(separator: ",")
    }

    /// About the size of the text, so that it grows at most once or twice: Istio's label set
    /// is near 900 bytes, Kong's near 100, and a histogram point has a line per bucket. At
    /// most 256 MB up front: a larger file grows as it is written instead.
    private static func capacity(_ telemetry: RunTelemetry) -> Int {
        let mesh = Double(telemetry.mesh.reduce(0) { $0 + $1.points.count }) * Double(telemetry.meshBounds.count + 5) * 1_000
        let gateway = Double(telemetry.gatewayLatency.reduce(0) { $0 + $1.request.count }) * 2 * Double(telemetry.gatewayBounds.count + 4) * 150
        let counts = Double(telemetry.gatewayRequests.reduce(0) { $0 + $1.counts.count }) * 150
        return Int(min(mesh + gateway + counts + 65_536, 256e6))
    }
}
