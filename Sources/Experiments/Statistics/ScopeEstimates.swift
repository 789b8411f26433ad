import Engine

/// One summary scope of a cell over its replications: per `SummaryMetric` the estimate of
/// its mean (or, from `ReplicationSummary.differences`, of the mean paired difference to
/// the baseline setup).
public struct ScopeEstimates: Sendable, Hashable {
    public var scope: ScopeKind
    public var name: String
    /// Replications whose summary had the scope; for differences, replications where both
    /// setups had it.
    public var replications: Int
    /// One per `SummaryMetric.allCases`, in that order; nil when no replication had a value.
    public var estimates: [Estimate?]

    public init(scope: ScopeKind, name: String, replications: Int, estimates: [Estimate?]) {
        self.scope = scope
        self.name = name
        self.replications = replications
        self.estimates = estimates
    }

    public subscript(metric: SummaryMetric) -> Estimate? {
        guard let index = SummaryMetric.allCases.firstIndex(of: metric), index < estimates.count else { return nil }
        return estimates[index]
    }
}
