import Scenario

/// The run as the Prometheus series a real cluster would export, sampled at every interval
/// end (`sampleTimes`, as in timeseries.csv). Kept only with `metrics: openmetrics`: the
/// engine records into it on every hop, which a run without it does not pay for.
///
/// Names are the model's (services, versions, clients, routes); the OpenMetrics writer
/// turns them into Istio's and Kong's label values.
public struct RunTelemetry: Sendable, Hashable {
    /// Interval ends, increasing; every series has one point per sample time from its
    /// `firstSample` on.
    public var sampleTimes: [Nanoseconds]
    /// Upper bounds in milliseconds of Istio's `istio_request_duration_milliseconds`
    /// (Envoy's default buckets) and of Kong's latency histograms.
    public var meshBounds: [Double]
    public var gatewayBounds: [Double]
    /// One series per reporter × source × destination version × code × flag, in the order
    /// the run first saw them.
    public var mesh: [MeshTelemetrySeries]
    /// One series per route × code × source (Kong answered, or the service did).
    public var gatewayRequests: [GatewayRequestSeries]
    /// Per route: Kong's total request latency and, for proxied requests, the upstream part.
    public var gatewayLatency: [GatewayLatencySeries]

    public init(
        sampleTimes: [Nanoseconds], meshBounds: [Double], gatewayBounds: [Double], mesh: [MeshTelemetrySeries],
        gatewayRequests: [GatewayRequestSeries], gatewayLatency: [GatewayLatencySeries]
    ) {
        self.sampleTimes = sampleTimes
        self.meshBounds = meshBounds
        self.gatewayBounds = gatewayBounds
        self.mesh = mesh
        self.gatewayRequests = gatewayRequests
        self.gatewayLatency = gatewayLatency
    }
}

/// A histogram's cumulative state at one sample time: `buckets[i]` counts observations
/// ≤ bounds[i] (cumulative, as Prometheus's `le` buckets), `count` every observation
/// (the `+Inf` bucket), `sum` their total in milliseconds.
public struct HistogramPoint: Sendable, Hashable {
    public var buckets: [UInt64]
    public var count: UInt64
    public var sum: Double

    public init(buckets: [UInt64], count: UInt64, sum: Double) {
        self.buckets = buckets
        self.count = count
        self.sum = sum
    }
}

/// Istio's standard metrics for one label set: `istio_requests_total` is `points[i].count`,
/// `istio_request_duration_milliseconds` the whole point.
public struct MeshTelemetrySeries: Sendable, Hashable {
    public enum Reporter: String, Sendable, Hashable {
        /// The caller's sidecar: once per request its application sent, after retries.
        case source
        /// The destination's sidecar: once per attempt that reached it.
        case destination
    }

    public var reporter: Reporter
    /// The calling workload: a service's version (`service`, `version`), the gateway, or a
    /// client that calls a service directly (`version` nil).
    public var sourceWorkload: String
    public var sourceVersion: String?
    public var destinationService: String
    public var destinationVersion: String
    public var responseCode: Int
    /// Envoy's response flag, `-` for none.
    public var responseFlags: String
    /// Whether the hop was mutual TLS (the mesh's mTLS mode), for `connection_security_policy`.
    public var mutualTLS: Bool
    public var firstSample: Int
    public var points: [HistogramPoint]

    public init(
        reporter: Reporter, sourceWorkload: String, sourceVersion: String?, destinationService: String, destinationVersion: String,
        responseCode: Int, responseFlags: String, mutualTLS: Bool, firstSample: Int, points: [HistogramPoint]
    ) {
        self.reporter = reporter
        self.sourceWorkload = sourceWorkload
        self.sourceVersion = sourceVersion
        self.destinationService = destinationService
        self.destinationVersion = destinationVersion
        self.responseCode = responseCode
        self.responseFlags = responseFlags
        self.mutualTLS = mutualTLS
        self.firstSample = firstSample
        self.points = points
    }
}

/// `kong_http_requests_total` for one route, status code and source: `kong` when the
/// gateway answered itself (rate limited, unauthorized, no route), `service` when the
/// answer came from upstream.
public struct GatewayRequestSeries: Sendable, Hashable {
    public var service: String
    public var route: String
    public var code: Int
    public var answeredByGateway: Bool
    public var consumer: String?
    public var firstSample: Int
    /// Cumulative count at each sample time from `firstSample` on.
    public var counts: [UInt64]

    public init(service: String, route: String, code: Int, answeredByGateway: Bool, consumer: String?, firstSample: Int, counts: [UInt64]) {
        self.service = service
        self.route = route
        self.code = code
        self.answeredByGateway = answeredByGateway
        self.consumer = consumer
        self.firstSample = firstSample
        self.counts = counts
    }
}

/// `kong_request_latency_ms` (`request`) and `kong_upstream_latency_ms` (`upstream`) of one route.
public struct GatewayLatencySeries: Sendable, Hashable {
    public var service: String
    public var route: String
    public var firstSample: Int
    public var request: [HistogramPoint]
    public var upstream: [HistogramPoint]

    public init(service: String, route: String, firstSample: Int, request: [HistogramPoint], upstream: [HistogramPoint]) {
        self.service = service
        self.route = route
        self.firstSample = firstSample
        self.request = request
        self.upstream = upstream
    }
}
