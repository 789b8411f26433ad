/// Something the rollout controller did at an analysis tick or a step, in the order it
/// happened. A `.weight` event is returned exactly when the canary weight changes, so a
/// rollback from weight 0, or a promotion at weight 100, carries none.
public enum RolloutEvent: Sendable, Equatable {
    /// The canary weight (percent) changed to this value.
    case weight(Int)
    /// A check failed; `failures` is the failed-check count after this one, `limit` the threshold.
    case checkFailed(CheckFailure, failures: Int, limit: Int)
    /// A check ran and every metric was within its bounds (each as measured, in the order
    /// written; empty when the analysis has no metrics and the canary had traffic).
    case checkPassed([CheckMeasurement])
    case promoted
    case rolledBack
}
