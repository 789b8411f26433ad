/// Something the rollout controller did at an analysis tick or a step, in the order it
/// happened. A `.weight` event is returned exactly when the canary weight changes, so a
/// rollback from weight 0, or a promotion at weight 100, carries none.
public enum RolloutEvent: Sendable, Equatable {
    /// The canary weight (percent) changed to this value.
    case weight(Int)
    /// A check failed. `metric` is "request-success-rate", "request-duration", or "no-traffic";
    /// `measured` is nil for no-traffic; `bound` is the violated threshold (min or max) and
    /// `isMin` says which; `failures` is the failed-check count after this one, `limit` the threshold.
    /// `measured` and `bound` are in the metric's unit: percent, or milliseconds.
    case checkFailed(metric: String, measured: Double?, bound: Double?, isMin: Bool, failures: Int, limit: Int)
    case promoted
    case rolledBack
}
