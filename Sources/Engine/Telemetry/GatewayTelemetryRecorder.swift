import Scenario

/// Kong's Prometheus plugin metrics as the run goes: the request count per route, status
/// code and source, and per route the total and upstream latency histograms.
struct GatewayTelemetryRecorder: Sendable {
    /// Kong's `UPSTREAM_LATENCY_BUCKETS` (kong/plugins/prometheus/exporter.lua), in milliseconds,
    /// used by `kong_request_latency_ms` and `kong_upstream_latency_ms`.
    static let bounds: [Double] = [25, 50, 80, 100, 250, 400, 700, 1000, 2000, 5000, 10000, 30000, 60000]

    struct Key: Hashable, Sendable {
        /// Index into `World.routes`, -1 for a request no route matched.
        var route: Int32
        var status: Int32
        var answeredByGateway: Bool
    }

    private(set) var keys: [Key] = []
    private var index: [Key: Int] = [:]
    private(set) var firstSample: [Int] = []
    private var counts: [UInt64] = []
    private(set) var countPoints: [[UInt64]] = []

    /// Per route + 1 (slot 0: no route), its latency series, -1 until its first request.
    private var routeSeries: [Int]
    private(set) var latencyRoutes: [Int32] = []
    private(set) var latencyFirstSample: [Int] = []
    private var request = HistogramTable(milliseconds: bounds)
    private var upstream = HistogramTable(milliseconds: bounds)
    private(set) var requestPoints: [[HistogramPoint]] = []
    private(set) var upstreamPoints: [[HistogramPoint]] = []

    init(routes: Int) {
        routeSeries = Array(repeating: -1, count: routes + 1)
    }

    /// A client request the gateway answered: `upstream` is the time spent waiting on the
    /// upstream, nil when Kong sent nothing upstream.
    mutating func record(_ key: Key, total: Nanoseconds, upstream upstreamLatency: Nanoseconds?, sample: Int) {
        if let known = index[key] {
            counts[known] &+= 1
        } else {
            index[key] = keys.count
            keys.append(key)
            firstSample.append(sample)
            counts.append(1)
            countPoints.append([])
        }
        let slot = Int(key.route) + 1
        var series = routeSeries[slot]
        if series < 0 {
            series = request.addSeries()
            _ = upstream.addSeries()
            routeSeries[slot] = series
            latencyRoutes.append(key.route)
            latencyFirstSample.append(sample)
            requestPoints.append([])
            upstreamPoints.append([])
        }
        request.observe(series, total)
        if let upstreamLatency { upstream.observe(series, upstreamLatency) }
    }

    mutating func sample() {
        for series in keys.indices { countPoints[series].append(counts[series]) }
        for series in latencyRoutes.indices {
            requestPoints[series].append(request.point(series))
            upstreamPoints[series].append(upstream.point(series))
        }
    }
}
