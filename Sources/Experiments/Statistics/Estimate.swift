/// The mean of a metric over replications with its 95% Student-t confidence interval.
/// (Interface fixed by the lead; the statistics helper implements it.)
public struct Estimate: Sendable, Hashable {
    /// Values averaged (replications that had one).
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (divisor n − 1); 0 when n = 1.
    public var standardDeviation: Double
    /// t(0.975, n − 1) · sd / √n; nil when n < 2 (no interval from one value).
    public var halfWidth: Double?

    public var low: Double? { halfWidth.map { mean - $0 } }
    public var high: Double? { halfWidth.map { mean + $0 } }

    /// nil when `values` is empty.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        n = values.count
        mean = values.reduce(0, +) / Double(values.count)
        standardDeviation = 0
        halfWidth = nil
    }
}
