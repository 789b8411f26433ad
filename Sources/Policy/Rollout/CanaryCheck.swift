import Scenario

/// Flagger's builtin metric checks (`runBuiltinMetricChecks` in `scheduler_metrics.go`)
/// over one canary window.
///
/// - A metric fails when its value is below `min` or above `max`; a value equal to a bound
///   passes (Flagger tests `val < min` and `val > max`), and `min` is tested first.
/// - Flagger builds the duration bound as `time.Duration(max) * time.Millisecond`, which
///   truncates the bound to whole milliseconds (a `max` of 500.9 acts as 500); meshsim does
///   the same, and reports the bound as written.
/// - No canary traffic is a failure whatever the metrics: Prometheus has no value to compare
///   (Flagger: "no values found … probably not receiving traffic"). The spec makes it a failed
///   check even without metrics.
enum CanaryCheck {
    /// Every failing metric in the order written, or just `noTraffic` when the canary had
    /// no requests; empty when the window passes.
    static func failures(of metrics: [Rollout.Metric], over window: CanaryWindow) -> [CheckFailure] {
        guard window.requests > 0 else { return [.noTraffic] }
        return metrics.compactMap { failure(of: $0, over: window) }
    }

    /// What each metric measured over a window that passed (every metric has a value).
    static func measurements(of metrics: [Rollout.Metric], over window: CanaryWindow) -> [CheckMeasurement] {
        metrics.compactMap { metric in
            let value = switch metric.name {
            case .requestSuccessRate: window.successRate
            case .requestDuration: window.p99Milliseconds
            }
            return value.map { CheckMeasurement(metric: metric.name, measured: $0, min: metric.min, max: metric.max) }
        }
    }

    /// A metric without a value fails as no traffic, as in Flagger.
    private static func failure(of metric: Rollout.Metric, over window: CanaryWindow) -> CheckFailure? {
        switch metric.name {
        case .requestSuccessRate:
            guard let rate = window.successRate else { return .noTraffic }
            return outOfRange(metric, measured: rate)
        case .requestDuration:
            guard let milliseconds = window.p99Milliseconds else { return .noTraffic }
            return outOfRange(metric, measured: milliseconds) { $0.rounded(.towardZero) }
        }
    }

    /// Compares with each bound as `effective` makes it; the failure reports the bound as written.
    private static func outOfRange(
        _ metric: Rollout.Metric, measured: Double, effective: (Double) -> Double = { $0 }
    ) -> CheckFailure? {
        if let min = metric.min, measured < effective(min) {
            return .belowMin(metric.name, measured: measured, min: min)
        }
        if let max = metric.max, measured > effective(max) {
            return .aboveMax(metric.name, measured: measured, max: max)
        }
        return nil
    }
}
