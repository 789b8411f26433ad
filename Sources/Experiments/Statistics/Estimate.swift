/// The mean of a metric over replications with its 95% Student-t confidence interval:
/// mean ± t(0.975, n − 1) · s / √n, with s the sample standard deviation. Replications are
/// independent runs, so their values are independent draws of the metric, as the interval
/// assumes (Law, Simulation Modeling and Analysis, 5th ed., chapter 9).
public struct Estimate: Sendable, Hashable {
    /// Values averaged (replications that had one).
    public var n: Int
    public var mean: Double
    /// Sample standard deviation (divisor n − 1); 0 when n = 1.
    public var standardDeviation: Double
    /// t(0.975, n − 1) · s / √n; nil when n < 2 (no interval from one value).
    public var halfWidth: Double?

    public var low: Double? { halfWidth.map { mean - $0 } }
    public var high: Double? { halfWidth.map { mean + $0 } }

    /// nil when `values` is empty or holds a value that is not finite.
    public init?(_ values: [Double]) {
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else { return nil }
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        n = values.count
        // Two passes (deviations from the mean), not the sum of squares, so that a metric
        // of large values with little spread (request counts) keeps its digits.
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        // The mean of identical values can round away from them in binary (3 × 0.1 / 3);
        // identical values have no spread, and their interval is the value itself.
        if values.allSatisfy({ $0 == values[0] }) {
            self.mean = values[0]
            standardDeviation = 0
        } else {
            self.mean = mean
            standardDeviation = values.count > 1 ? (squares / (count - 1)).squareRoot() : 0
        }
        halfWidth = StudentT.quantile975(degreesOfFreedom: values.count - 1).map { $0 * standardDeviation / count.squareRoot() }
    }
}
