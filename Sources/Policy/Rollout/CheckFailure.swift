import Scenario

/// Why one canary check failed. Values and bounds are in the metric's unit (percent, or
/// milliseconds); the bound is the one written in the scenario.
public enum CheckFailure: Sendable, Equatable {
    /// The canary had no requests, so there was no value to compare (Flagger: "no values
    /// found … probably not receiving traffic").
    case noTraffic
    case belowMin(Rollout.Metric.Name, measured: Double, min: Double)
    case aboveMax(Rollout.Metric.Name, measured: Double, max: Double)
}
