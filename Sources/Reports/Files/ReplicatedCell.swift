import Experiments

/// One cell of an experiment with replications (a sweep point × a setup) as the files and
/// tables that gather cells show it. Plain values, so that the run and the merge of shards
/// build the same cells from their outcomes.
public struct ReplicatedCell: Sendable, Hashable {
    /// The sweep point's value texts, one per axis in axis order; empty without a sweep.
    public var point: [String]
    /// The setup's name in a compare; nil in a run.
    public var variant: String?
    /// `pass`, `fail` or `inconclusive` for the cell's assertions together; nil without assertions.
    public var verdict: String?
    /// `ReplicationSummary.estimates` of the cell's replications.
    public var estimates: [ScopeEstimates]
    /// `ReplicationSummary.differences` to the first setup at the same point; nil for the
    /// first setup and in a run.
    public var differences: [ScopeEstimates]?

    public init(
        point: [String] = [], variant: String? = nil, verdict: String? = nil, estimates: [ScopeEstimates],
        differences: [ScopeEstimates]? = nil
    ) {
        self.point = point
        self.variant = variant
        self.verdict = verdict
        self.estimates = estimates
        self.differences = differences
    }

    /// The cell's estimates of one scope.
    func estimates(of scope: ScopeEstimates) -> ScopeEstimates? {
        estimates.first { $0.scope == scope.scope && $0.name == scope.name }
    }

    /// The cell's differences of one scope; nil for the first setup or a scope the first lacks.
    func differences(of scope: ScopeEstimates) -> ScopeEstimates? {
        differences?.first { $0.scope == scope.scope && $0.name == scope.name }
    }
}
