import Scenario

/// The canary's traffic over one analysis window (since the previous analysis), as the
/// engine counted it at the canary version. It stands for the Prometheus queries Flagger's
/// builtin metrics run over `interval`.
public struct CanaryWindow: Sendable, Equatable {
    public var requests: Int
    /// 5xx answers and requests without an answer (timeouts).
    public var errors: Int
    /// p99 latency; nil when there were no requests.
    public var p99: Nanoseconds?

    public init(requests: Int, errors: Int, p99: Nanoseconds?) {
        self.requests = requests
        self.errors = errors
        self.p99 = p99
    }

    /// Flagger's `request-success-rate`: the percentage of non-5xx answers. Timeouts count
    /// as errors, as a timed-out request is a 504 (or a reset) in the mesh's metrics.
    /// nil without requests: Prometheus returns no value, which is not 100%.
    public var successRate: Double? {
        guard requests > 0 else { return nil }
        return 100 * (Double(requests) - Double(errors)) / Double(requests)
    }

    /// Flagger's `request-duration`: the p99 in milliseconds; nil without requests.
    public var p99Milliseconds: Double? {
        guard requests > 0, let p99 else { return nil }
        return Double(p99) / 1_000_000
    }
}
