import Scenario

/// What one metric of a passed canary check measured, against the bounds written in the
/// scenario (percent, or milliseconds).
public struct CheckMeasurement: Sendable, Equatable {
    public var metric: Rollout.Metric.Name
    public var measured: Double
    public var min: Double?
    public var max: Double?

    public init(metric: Rollout.Metric.Name, measured: Double, min: Double?, max: Double?) {
        self.metric = metric
        self.measured = measured
        self.min = min
        self.max = max
    }
}
