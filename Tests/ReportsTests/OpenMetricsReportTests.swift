import Engine
import Testing
@testable import Reports

/// metrics.om from hand-built telemetry: every line worked out by hand from the OpenMetrics
/// format (families, `_total`, cumulative `le` buckets ending in `+Inf` = count, `# EOF`) and
/// the label names of Istio's standard metrics, Kong's Prometheus plugin and Flagger.
@Suite struct OpenMetricsReportTests {
    /// Kong calling orders v1 under mutual TLS, as the destination's sidecar reports it.
    static let kongToOrders = #"reporter="destination",source_workload="kong",source_workload_namespace="default",source_principal="spiffe://cluster.local/ns/default/sa/kong",source_app="kong",source_version="unknown",source_canonical_service="kong",source_canonical_revision="latest",source_cluster="Kubernetes",destination_workload="orders-v1",destination_workload_namespace="default",destination_principal="spiffe://cluster.local/ns/default/sa/orders",destination_app="orders",destination_version="v1",destination_service="orders.default.svc.cluster.local",destination_service_name="orders",destination_service_namespace="default",destination_canonical_service="orders",destination_canonical_revision="v1",destination_cluster="Kubernetes",request_protocol="http",response_code="200",response_flags="-",connection_security_policy="mutual_tls""#
    /// orders v1 calling pay v2 without mutual TLS, as the caller's sidecar reports it.
    static let ordersToPay = #"reporter="source",source_workload="orders-v1",source_workload_namespace="default",source_principal="unknown",source_app="orders",source_version="v1",source_canonical_service="orders",source_canonical_revision="v1",source_cluster="Kubernetes",destination_workload="pay-v2",destination_workload_namespace="default",destination_principal="unknown",destination_app="pay",destination_version="v2",destination_service="pay.default.svc.cluster.local",destination_service_name="pay",destination_service_namespace="default",destination_canonical_service="pay",destination_canonical_revision="v2",destination_cluster="Kubernetes",request_protocol="http",response_code="503",response_flags="UO",connection_security_policy="unknown""#

    static let telemetry = RunTelemetry(
        sampleTimes: [10_000_000_000, 20_000_000_000], meshBounds: [0.5, 1, 5], gatewayBounds: [25, 50],
        mesh: [
            MeshTelemetrySeries(
                reporter: .destination, sourceWorkload: "kong", sourceVersion: nil, destinationService: "orders", destinationVersion: "v1",
                responseCode: 200, responseFlags: "-", mutualTLS: true, firstSample: 0,
                points: [HistogramPoint(buckets: [0, 2, 3], count: 4, sum: 12.5), HistogramPoint(buckets: [1, 3, 5], count: 6, sum: 20)]),
            MeshTelemetrySeries(
                reporter: .source, sourceWorkload: "orders", sourceVersion: "v1", destinationService: "pay", destinationVersion: "v2",
                responseCode: 503, responseFlags: "UO", mutualTLS: false, firstSample: 1,
                points: [HistogramPoint(buckets: [0, 0, 1], count: 1, sum: 3.25)]),
        ],
        gatewayRequests: [
            GatewayRequestSeries(service: "orders", route: "orders-route", code: 200, answeredByGateway: false, consumer: nil, firstSample: 0, counts: [4, 6]),
            GatewayRequestSeries(service: "orders", route: "orders-route", code: 429, answeredByGateway: true, consumer: "partner", firstSample: 1, counts: [2]),
        ],
        gatewayLatency: [
            GatewayLatencySeries(
                service: "orders", route: "orders-route", firstSample: 0,
                request: [HistogramPoint(buckets: [3, 4], count: 5, sum: 140), HistogramPoint(buckets: [5, 6], count: 8, sum: 220.5)],
                upstream: [HistogramPoint(buckets: [0, 0], count: 0, sum: 0), HistogramPoint(buckets: [2, 2], count: 2, sum: 30)]),
        ])

    static func row(_ end: Int64, _ scope: ScopeKind, _ name: String, rateLimited: Int = 0, ejected: Int? = nil, weight: Double? = nil) -> TimeseriesRow {
        TimeseriesRow(end: end, scope: scope, name: name, requests: 0, rps: 0, ok: 0, errors: 0, rateLimited: rateLimited,
                      p50: nil, p99: nil, ejected: ejected, weight: weight)
    }

    static var run: RunResult {
        var run = RunResult(
            scenarioName: "shop", seed: 1, endTime: 20_000_000_000, summary: [],
            timeseries: [
                row(10_000_000_000, .client, "web", rateLimited: 1),
                row(10_000_000_000, .route, "orders-route", rateLimited: 1),
                row(10_000_000_000, .service, "orders", ejected: 0),
                row(10_000_000_000, .version, "orders/v1", ejected: 0, weight: 200.0 / 3),
                row(10_000_000_000, .version, "orders/v2", ejected: 0, weight: 100.0 / 3),
                row(20_000_000_000, .client, "web", rateLimited: 2),
                row(20_000_000_000, .route, "orders-route", rateLimited: 2),
                row(20_000_000_000, .service, "orders", ejected: 1),
                row(20_000_000_000, .version, "orders/v1", ejected: 1, weight: 80),
                row(20_000_000_000, .version, "orders/v2", ejected: 0, weight: 20),
            ],
            events: [], responses: [],
            mesh: MeshUsage(proxies: 3, sidecarPasses: 0, addedLatency: 0, clientRequests: 0, duration: 20_000_000_000),
            rollout: RolloutOutcome(service: "orders", stable: "v1", canary: "v2", result: .incomplete, time: nil, finalWeight: 20,
                                    canaryRequests: 0, canaryErrors: 0))
        run.telemetry = telemetry
        return run
    }

    @Test func everyLineOfASmallRun() {
        let a = Self.kongToOrders, b = Self.ordersToPay
        let kong = #"service="orders",route="orders-route",workspace="default""#
        let expected = """
            # TYPE istio_requests counter
            # HELP istio_requests Requests handled by an Istio proxy (Istio standard metric), simulated by meshsim.
            istio_requests_total{\(a)} 4 946684810
            istio_requests_total{\(a)} 6 946684820
            istio_requests_total{\(b)} 1 946684820
            # TYPE istio_request_duration_milliseconds histogram
            # UNIT istio_request_duration_milliseconds milliseconds
            # HELP istio_request_duration_milliseconds Duration of requests seen by an Istio proxy (Istio standard metric), simulated by meshsim.
            istio_request_duration_milliseconds_bucket{\(a),le="0.5"} 0 946684810
            istio_request_duration_milliseconds_bucket{\(a),le="1.0"} 2 946684810
            istio_request_duration_milliseconds_bucket{\(a),le="5.0"} 3 946684810
            istio_request_duration_milliseconds_bucket{\(a),le="+Inf"} 4 946684810
            istio_request_duration_milliseconds_count{\(a)} 4 946684810
            istio_request_duration_milliseconds_sum{\(a)} 12.5 946684810
            istio_request_duration_milliseconds_bucket{\(a),le="0.5"} 1 946684820
            istio_request_duration_milliseconds_bucket{\(a),le="1.0"} 3 946684820
            istio_request_duration_milliseconds_bucket{\(a),le="5.0"} 5 946684820
            istio_request_duration_milliseconds_bucket{\(a),le="+Inf"} 6 946684820
            istio_request_duration_milliseconds_count{\(a)} 6 946684820
            istio_request_duration_milliseconds_sum{\(a)} 20 946684820
            istio_request_duration_milliseconds_bucket{\(b),le="0.5"} 0 946684820
            istio_request_duration_milliseconds_bucket{\(b),le="1.0"} 0 946684820
            istio_request_duration_milliseconds_bucket{\(b),le="5.0"} 1 946684820
            istio_request_duration_milliseconds_bucket{\(b),le="+Inf"} 1 946684820
            istio_request_duration_milliseconds_count{\(b)} 1 946684820
            istio_request_duration_milliseconds_sum{\(b)} 3.25 946684820
            # TYPE kong_http_requests counter
            # HELP kong_http_requests HTTP status codes per consumer/service/route in Kong, simulated by meshsim.
            kong_http_requests_total{service="orders",route="orders-route",code="200",source="service",workspace="default",consumer=""} 4 946684810
            kong_http_requests_total{service="orders",route="orders-route",code="200",source="service",workspace="default",consumer=""} 6 946684820
            kong_http_requests_total{service="orders",route="orders-route",code="429",source="kong",workspace="default",consumer="partner"} 2 946684820
            # TYPE kong_request_latency_ms histogram
            # UNIT kong_request_latency_ms ms
            # HELP kong_request_latency_ms Total latency incurred during requests for each service/route in Kong, simulated by meshsim.
            kong_request_latency_ms_bucket{\(kong),le="25.0"} 3 946684810
            kong_request_latency_ms_bucket{\(kong),le="50.0"} 4 946684810
            kong_request_latency_ms_bucket{\(kong),le="+Inf"} 5 946684810
            kong_request_latency_ms_count{\(kong)} 5 946684810
            kong_request_latency_ms_sum{\(kong)} 140 946684810
            kong_request_latency_ms_bucket{\(kong),le="25.0"} 5 946684820
            kong_request_latency_ms_bucket{\(kong),le="50.0"} 6 946684820
            kong_request_latency_ms_bucket{\(kong),le="+Inf"} 8 946684820
            kong_request_latency_ms_count{\(kong)} 8 946684820
            kong_request_latency_ms_sum{\(kong)} 220.5 946684820
            # TYPE kong_upstream_latency_ms histogram
            # UNIT kong_upstream_latency_ms ms
            # HELP kong_upstream_latency_ms Latency added by upstream response for each service/route in Kong, simulated by meshsim.
            kong_upstream_latency_ms_bucket{\(kong),le="25.0"} 2 946684820
            kong_upstream_latency_ms_bucket{\(kong),le="50.0"} 2 946684820
            kong_upstream_latency_ms_bucket{\(kong),le="+Inf"} 2 946684820
            kong_upstream_latency_ms_count{\(kong)} 2 946684820
            kong_upstream_latency_ms_sum{\(kong)} 30 946684820
            # TYPE envoy_cluster_outlier_detection_ejections_active gauge
            # HELP envoy_cluster_outlier_detection_ejections_active Instances of the cluster ejected now by outlier detection (Envoy), simulated by meshsim.
            envoy_cluster_outlier_detection_ejections_active{cluster_name="outbound|80|v1|orders.default.svc.cluster.local"} 0 946684810
            envoy_cluster_outlier_detection_ejections_active{cluster_name="outbound|80|v1|orders.default.svc.cluster.local"} 1 946684820
            envoy_cluster_outlier_detection_ejections_active{cluster_name="outbound|80|v2|orders.default.svc.cluster.local"} 0 946684810
            envoy_cluster_outlier_detection_ejections_active{cluster_name="outbound|80|v2|orders.default.svc.cluster.local"} 0 946684820
            # TYPE flagger_canary_weight gauge
            # HELP flagger_canary_weight The virtual service destination weight current value (Flagger), simulated by meshsim.
            flagger_canary_weight{workload="orders-v1",namespace="default"} 66.667 946684810
            flagger_canary_weight{workload="orders-v1",namespace="default"} 80 946684820
            flagger_canary_weight{workload="orders-v2",namespace="default"} 33.333 946684810
            flagger_canary_weight{workload="orders-v2",namespace="default"} 20 946684820
            # TYPE meshsim_rate_limited counter
            # HELP meshsim_rate_limited Requests answered 429 by a rate limit, per client and per route.
            meshsim_rate_limited_total{client="web"} 1 946684810
            meshsim_rate_limited_total{client="web"} 3 946684820
            meshsim_rate_limited_total{route="orders-route"} 1 946684810
            meshsim_rate_limited_total{route="orders-route"} 3 946684820
            # EOF

            """
        let text = OpenMetricsReport.text(Self.run)
        #expect(text == expected)
        if text != expected {
            // The first differing line, which the whole-text comparison buries.
            for (got, want) in zip(text.split(separator: "\n"), expected.split(separator: "\n")) where got != want {
                Issue.record("first difference:\n got: \(got)\nwant: \(want)")
                break
            }
        }
    }

    /// OpenMetrics has three escapes in a label value; a route named `r"1\x` + newline + `y`
    /// must not end the value early or break the line.
    @Test func labelValuesAreEscaped() {
        #expect(OpenMetricsText.escaped(#"plain-name_1.2/ü"#) == #"plain-name_1.2/ü"#)
        #expect(OpenMetricsText.escaped("r\"1\\x\ny") == #"r\"1\\x\ny"#)
        var run = Self.run
        run.telemetry?.gatewayRequests = [
            GatewayRequestSeries(service: "a\"b", route: "r\"1\\x\ny", code: 200, answeredByGateway: false, consumer: "c\\", firstSample: 0, counts: [1]),
        ]
        let lines = OpenMetricsReport.text(run).split(separator: "\n")
        #expect(lines.contains(#"kong_http_requests_total{service="a\"b",route="r\"1\\x\ny",code="200",source="service",workspace="default",consumer="c\\"} 1 946684810"#))
    }

    /// Envoy's default buckets as Istio uses them: each `le` spelt once, whole bounds with
    /// `.0`, and the last `+Inf` line equal to `_count`.
    @Test func envoyDefaultBucketsAreCumulativeAndEndInInfEqualToCount() {
        let bounds: [Double] = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000]
        let buckets: [UInt64] = [0, 0, 1, 3, 7, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9]
        var run = Self.run
        run.telemetry?.meshBounds = bounds
        run.telemetry?.mesh = [MeshTelemetrySeries(
            reporter: .destination, sourceWorkload: "kong", sourceVersion: nil, destinationService: "orders", destinationVersion: "v1",
            responseCode: 200, responseFlags: "-", mutualTLS: true, firstSample: 1,
            points: [HistogramPoint(buckets: buckets, count: 10, sum: 99.125)])]
        let lines = OpenMetricsReport.text(run).split(separator: "\n").filter { $0.hasPrefix("istio_request_duration_milliseconds_") }
        let les = lines.compactMap { line -> String? in
            guard let start = line.range(of: ",le=\"") else { return nil }
            return String(line[start.upperBound...].prefix { $0 != "\"" })
        }
        #expect(les == ["0.5", "1.0", "5.0", "10.0", "25.0", "50.0", "100.0", "250.0", "500.0", "1000.0", "2500.0", "5000.0", "10000.0",
                        "30000.0", "60000.0", "300000.0", "600000.0", "1800000.0", "3600000.0", "+Inf"])
        let values = lines.map { $0.split(separator: " ")[1] }
        #expect(values == ["0", "0", "1", "3", "7", "9", "9", "9", "9", "9", "9", "9", "9", "9", "9", "9", "9", "9", "9", "10", "10", "99.125"])
        #expect(lines.last?.hasPrefix("istio_request_duration_milliseconds_sum{") == true)
    }

    /// Start 2026-12-07T15:10:04.25+01:00 is 14:10:04.25Z, Unix 1,796,652,604.25 (20,794 days
    /// from 1970 × 86,400 + 51,004.25 s); samples every 2.5 s after it.
    @Test func timestampsCountFromTheStartTimeWithItsOffset() throws {
        let start = try #require(EpochTime(rfc3339: "2026-12-07T15:10:04.25+01:00"))
        var run = Self.run
        run.timeseries = []
        run.rollout = nil
        run.telemetry?.sampleTimes = [2_500_000_000, 5_000_000_000, 7_750_000_000]
        run.telemetry?.mesh = []
        run.telemetry?.gatewayLatency = []
        run.telemetry?.gatewayRequests = [
            GatewayRequestSeries(service: "s", route: "r", code: 200, answeredByGateway: false, consumer: nil, firstSample: 0, counts: [1, 2, 3]),
        ]
        let stamps = OpenMetricsReport.text(run, start: start).split(separator: "\n")
            .filter { $0.hasPrefix("kong_http_requests_total") }.map { $0.split(separator: " ").last.map(String.init) ?? "" }
        #expect(stamps == ["1796652606.75", "1796652609.25", "1796652612"])
    }

    /// A service written without versions runs as the version `default`: in the cluster, the
    /// Deployment `orders` whose pods have no `version` label, and no DestinationRule subset.
    @Test func aServiceWithoutVersionsIsOneWorkloadWithoutASubset() {
        var run = Self.run
        run.rollout = nil
        run.timeseries = [Self.row(10_000_000_000, .version, "orders/default", ejected: 2)]
        run.telemetry?.gatewayRequests = []
        run.telemetry?.gatewayLatency = []
        run.telemetry?.mesh = [MeshTelemetrySeries(
            reporter: .destination, sourceWorkload: "orders", sourceVersion: "default", destinationService: "pay", destinationVersion: "default",
            responseCode: 200, responseFlags: "-", mutualTLS: true, firstSample: 0, points: [HistogramPoint(buckets: [1, 1, 1], count: 1, sum: 0.25)])]
        let text = OpenMetricsReport.text(run)
        #expect(text.contains(#"istio_requests_total{reporter="destination",source_workload="orders",source_workload_namespace="default",source_principal="spiffe://cluster.local/ns/default/sa/orders",source_app="orders",source_version="unknown",source_canonical_service="orders",source_canonical_revision="latest",source_cluster="Kubernetes",destination_workload="pay",destination_workload_namespace="default",destination_principal="spiffe://cluster.local/ns/default/sa/pay",destination_app="pay",destination_version="unknown",destination_service="pay.default.svc.cluster.local",destination_service_name="pay",destination_service_namespace="default",destination_canonical_service="pay",destination_canonical_revision="latest",destination_cluster="Kubernetes",request_protocol="http",response_code="200",response_flags="-",connection_security_policy="mutual_tls"} 1 946684810"#))
        #expect(text.contains(#"envoy_cluster_outlier_detection_ejections_active{cluster_name="outbound|80||orders.default.svc.cluster.local"} 2 946684810"#))
    }

    /// Kong 3.x's exporter returns before counting a request without a route (a 404 "no
    /// Route matched"): the series the engine keeps for them are not Kong's.
    @Test func requestsNoRouteMatchedAreNotKongMetrics() {
        var run = Self.run
        run.telemetry?.gatewayRequests.append(
            GatewayRequestSeries(service: "", route: "", code: 404, answeredByGateway: true, consumer: nil, firstSample: 0, counts: [3, 5]))
        run.telemetry?.gatewayLatency.append(GatewayLatencySeries(
            service: "", route: "", firstSample: 0, request: [HistogramPoint(buckets: [3, 3], count: 3, sum: 1)],
            upstream: [HistogramPoint(buckets: [0, 0], count: 0, sum: 0)]))
        #expect(OpenMetricsReport.text(run) == OpenMetricsReport.text(Self.run))
    }

    @Test func metricsOmIsWrittenOnlyWhenTheRunKeptTelemetry() {
        #expect(!RunReports.files(for: SampleRun.result).map(\.name).contains("metrics.om"))
        let metrics = RunReports.files(for: Self.run).first { $0.name == "metrics.om" }
        #expect(metrics?.contents == OpenMetricsReport.text(Self.run))
    }
}
