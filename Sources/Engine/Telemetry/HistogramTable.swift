import Scenario

/// The latency histograms of many series over one set of bounds, in flat arrays: an
/// observation is a bucket search and two additions, never an allocation.
struct HistogramTable: Sendable {
    /// Upper bounds in milliseconds as written (Prometheus's `le`), and in nanoseconds, so
    /// that an observation compares integers exactly (0.5 ms is 500,000 ns).
    let milliseconds: [Double]
    private let bounds: [Nanoseconds]
    /// Per series, `bounds.count + 1` counters: bucket i holds the observations ≤ bounds[i]
    /// and above bounds[i − 1]; the last, those above every bound.
    private var buckets: [UInt64] = []
    /// Per series, the sum of its observations in nanoseconds (whole, so the sum is exact).
    private var sums: [Nanoseconds] = []

    init(milliseconds: [Double]) {
        self.milliseconds = milliseconds
        bounds = milliseconds.map { Nanoseconds(($0 * 1e6).rounded()) }
    }

    private var stride: Int { bounds.count + 1 }

    /// A new series with no observations; returns its index.
    mutating func addSeries() -> Int {
        buckets.append(contentsOf: repeatElement(0, count: stride))
        sums.append(0)
        return sums.count - 1
    }

    mutating func observe(_ series: Int, _ latency: Nanoseconds) {
        var bucket = 0
        while bucket < bounds.count, latency > bounds[bucket] { bucket += 1 }
        buckets[series * stride + bucket] &+= 1
        sums[series] = sums[series].plusSaturating(max(latency, 0))
    }

    /// The series as Prometheus exposes it: cumulative `le` buckets, the count, the sum in ms.
    func point(_ series: Int) -> HistogramPoint {
        var cumulative: [UInt64] = []
        cumulative.reserveCapacity(bounds.count)
        var running: UInt64 = 0
        for bucket in 0..<stride {
            running &+= buckets[series * stride + bucket]
            if bucket < bounds.count { cumulative.append(running) }
        }
        return HistogramPoint(buckets: cumulative, count: running, sum: Double(sums[series]) / 1e6)
    }
}
