import Engine
import Experiments

/// Scope estimates built from values given by metric, for the experiment report tests.
enum ExperimentEstimates {
    static func scope(_ kind: ScopeKind, _ name: String, replications: Int, _ values: [SummaryMetric: [Double]]) -> ScopeEstimates {
        ScopeEstimates(
            scope: kind, name: name, replications: replications,
            estimates: SummaryMetric.allCases.map { values[$0].flatMap(Estimate.init) })
    }

    /// Three replications of the total: requests 100 each, errors 1, 2, 3 (error rate 1%,
    /// 2%, 3%), p99 210, 212, 214 ms; no other metric. Then a client seen in one replication.
    static let run = [
        scope(.total, "all", replications: 3, [.requests: [100, 100, 100], .errors: [1, 2, 3], .errorRate: [0.01, 0.02, 0.03], .p99: [210, 212, 214]]),
        scope(.client, "web", replications: 1, [.requests: [40]]),
    ]
}
