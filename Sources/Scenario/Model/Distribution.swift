/// A distribution of durations (latencies, think times), as written in a scenario.
public indirect enum Distribution: Sendable, Hashable {
    case constant(Nanoseconds)
    case exponential(mean: Nanoseconds)
    case uniform(low: Nanoseconds, high: Nanoseconds)
    /// Redrawn until the value is ≥ 0.
    case normal(mean: Nanoseconds, standardDeviation: Nanoseconds)
    /// Fitted so that the median is `p50` and the 99th percentile is `p99` (`p99 > p50`).
    case lognormal(p50: Nanoseconds, p99: Nanoseconds)
    /// Shares are fractions that add up to 1.
    case mixture([MixtureComponent])

    public static let zero = Distribution.constant(0)
}

public struct MixtureComponent: Sendable, Hashable {
    public var share: Double
    public var distribution: Distribution

    public init(share: Double, distribution: Distribution) {
        self.share = share
        self.distribution = distribution
    }
}
