import Engine
import Scenario

/// How a judged assertion prints the mean of its values over replications and their 95%
/// interval, in the words of a single run's measured value (`MeasuredText`): latencies in
/// milliseconds with three decimals, rates in percent with two, counts and rps with three.
/// "212.345 ± 4.100 ms (95% CI 208.245 to 216.445 ms, 10 replications)".
enum MeasuredInterval {
    /// `estimate` has an interval (n ≥ 2): `halfWidth` is its half-width.
    static func text(_ estimate: Estimate, halfWidth: Double, metric: Assertion.Metric) -> String {
        let (convert, places, unit) = style(metric)
        let number = { (x: Double) in MeasuredText.fixed(convert(x), places: places) }
        let low = number(estimate.mean - halfWidth), high = number(estimate.mean + halfWidth)
        return "\(number(estimate.mean)) ± \(number(halfWidth))\(unit) (95% CI \(low) to \(high)\(unit), \(estimate.n) replications)"
    }

    /// From the measurement's unit (nanoseconds, fractions) to the printed one.
    private static func style(_ metric: Assertion.Metric) -> (convert: (Double) -> Double, places: Int, unit: String) {
        if metric.isLatency { return ({ $0 / 1e6 }, 3, " ms") }
        switch metric {
        case .errorRate, .successRate: return ({ $0 * 100 }, 2, "%")
        case .rps: return ({ $0 }, 3, " rps")
        default: return ({ $0 }, 3, "")
        }
    }
}
