import Engine
import Scenario

/// The metrics of a summary row that experiments average over replications, named as the
/// columns of summary.csv (plus p95_ms and rps, which assertions use), in that order, then
/// `cache_hits`.
public enum SummaryMetric: String, Sendable, Hashable, CaseIterable {
    case requests, ok, errors
    case errorRate = "error_rate"
    case rateLimited = "rate_limited"
    case unauthorized, timeouts, overflows, retries
    case p50 = "p50_ms", p90 = "p90_ms", p95 = "p95_ms", p99 = "p99_ms", p999 = "p999_ms", max = "max_ms", mean = "mean_ms"
    case ejections, rps
    /// Last, so that the columns before it keep their places in summary-ci.csv and sweep.csv.
    case cacheHits = "cache_hits"

    /// The metric in the row, latencies in milliseconds; nil when the scope saw no request
    /// (latencies, error_rate) or there is no counted time (rps).
    public func value(_ row: ScopeSummary, countedDuration: Nanoseconds) -> Double? {
        let c = row.counts
        switch self {
        case .requests: return Double(c.requests)
        case .ok: return Double(c.ok)
        case .errors: return Double(c.errors)
        case .errorRate: return c.requests > 0 ? c.errorRate : nil
        case .rateLimited: return Double(c.rateLimited)
        case .unauthorized: return Double(c.unauthorized)
        case .timeouts: return Double(c.timeouts)
        case .overflows: return Double(c.overflows)
        case .retries: return Double(c.retries)
        case .ejections: return Double(row.ejections)
        case .cacheHits: return Double(row.cacheHits)
        case .rps: return countedDuration > 0 ? Double(c.requests) * 1e9 / Double(countedDuration) : nil
        case .p50: return row.latency.map { Double($0.p50) / 1e6 }
        case .p90: return row.latency.map { Double($0.p90) / 1e6 }
        case .p95: return row.latency.map { Double($0.p95) / 1e6 }
        case .p99: return row.latency.map { Double($0.p99) / 1e6 }
        case .p999: return row.latency.map { Double($0.p999) / 1e6 }
        case .max: return row.latency.map { Double($0.max) / 1e6 }
        case .mean: return row.latency.map { $0.mean / 1e6 }
        }
    }

    /// Decimals the reports print the metric's mean and interval with.
    public var places: Int {
        switch self {
        case .errorRate: return 6
        default: return 3
        }
    }
}
