import Engine
import Scenario

/// The per-interval values of a timeseries row that report.html charts across replications.
public enum IntervalMetric: String, Sendable, Hashable, CaseIterable {
    case p50 = "p50_ms", p99 = "p99_ms", rps
    case errorsPerSecond = "errors_per_s"

    /// The metric in the row, latencies in milliseconds; nil when the interval saw no request
    /// (latencies) or the run has no interval length (errors/s).
    public func value(_ row: TimeseriesRow, interval: Nanoseconds) -> Double? {
        switch self {
        case .p50: return row.p50.map { Double($0) / 1e6 }
        case .p99: return row.p99.map { Double($0) / 1e6 }
        case .rps: return row.rps
        // As the engine computes rps: the count over the scenario's interval length.
        case .errorsPerSecond: return interval > 0 ? Double(row.errors) * 1e9 / Double(interval) : nil
        }
    }
}
