import Foundation

/// How a figure grows with size: the slope of the least-squares line through the points
/// (log size, log figure). 1 is linear growth, 2 quadratic, 0 none; on a log-log plot a power
/// law is a straight line, and the fit averages the machine's noise over the whole sweep.
/// Public for MeshsimBenchmarksTests, which imports this executable's module without
/// `@testable` (the release test build does not compile it for testing).
public enum LogLogSlope {
    /// The slope, or nil without two distinct sizes or with a size or figure that is not
    /// positive (a logarithm needs one).
    public static func slope(sizes: [Double], values: [Double]) -> Double? {
        guard sizes.count == values.count, sizes.count >= 2,
              (sizes + values).allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let x = sizes.map { log($0) }
        let y = values.map { log($0) }
        let meanX = x.reduce(0, +) / Double(x.count)
        let meanY = y.reduce(0, +) / Double(y.count)
        let sxx = x.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
        let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        guard sxx > 0 else { return nil }
        return sxy / sxx
    }
}
