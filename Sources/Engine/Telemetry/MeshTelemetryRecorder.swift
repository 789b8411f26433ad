import Policy
import Scenario

/// Istio's standard metrics as the run goes: one series per reporter, source workload,
/// destination version, response code and flag, created on first use and found by a key of
/// small integers (no string is built or hashed per request).
struct MeshTelemetryRecorder: Sendable {
    /// Envoy's default histogram buckets (`HistogramOptionsImpl::defaultBuckets`), which
    /// Istio's `istio_request_duration_milliseconds` uses, in milliseconds.
    static let bounds: [Double] = [
        0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000,
    ]

    struct Key: Hashable, Sendable {
        var destinationReporter: Bool
        /// See `TelemetryRecorder.sourceWorkload`.
        var source: Int32
        var service: Int32
        /// Index into `World.versions`, -1 when no host answered (Istio's `unknown`).
        var version: Int32
        var status: Int32
        var flag: ResponseFlag
    }

    private(set) var keys: [Key] = []
    private var index: [Key: Int] = [:]
    private(set) var firstSample: [Int] = []
    private(set) var points: [[HistogramPoint]] = []
    private var latency = HistogramTable(milliseconds: bounds)

    mutating func record(_ key: Key, latency: Nanoseconds, sample: Int) {
        let series: Int
        if let known = index[key] {
            series = known
        } else {
            series = self.latency.addSeries()
            index[key] = series
            keys.append(key)
            firstSample.append(sample)
            points.append([])
        }
        self.latency.observe(series, latency)
    }

    mutating func sample() {
        for series in keys.indices { points[series].append(latency.point(series)) }
    }
}
