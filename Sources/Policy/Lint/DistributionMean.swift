import Foundation
import Scenario

extension Distribution {
    /// The mean in nanoseconds, or a lower bound of it: a normal law redrawn below 0 counts at
    /// its written mean (the redraws only raise it). Nested mixtures are walked with a stack.
    var meanEstimate: Double {
        var total = 0.0
        var pending: [(distribution: Distribution, weight: Double)] = [(self, 1)]
        while let (distribution, weight) = pending.popLast() {
            switch distribution {
            case .constant(let value):
                total += weight * Double(value)
            case .exponential(let mean):
                total += weight * Double(mean)
            case .uniform(let low, let high):
                total += weight * (Double(low) + Double(high)) / 2
            case .normal(let mean, _):
                total += weight * Double(max(mean, 0))
            case .lognormal(let p50, let p99):
                // Median e^mu and 99th percentile e^(mu + z99 sigma): the mean is e^(mu + sigma^2 / 2).
                let sigma = p99 > p50 && p50 > 0 ? log(Double(p99) / Double(p50)) / Self.z99 : 0
                total += weight * Double(max(p50, 0)) * exp(sigma * sigma / 2)
            case .mixture(let components):
                pending += components.map { ($0.distribution, weight * $0.share) }
            }
        }
        return max(total, 0)
    }

    /// The standard normal quantile of 0.99.
    private static let z99 = 2.3263478740408408
}
