import Foundation
import Scenario

/// Draws the key (1...count) of a request whose path holds `{1..N}`. Uniform keys cost one
/// integer draw; Zipf keys a binary search of the cumulative probabilities, tabulated once
/// per run, so a draw allocates nothing.
struct KeySampler: Sendable {
    let count: Int
    /// Empty for uniform; for Zipf, P(key ≤ i + 1) at index i, the last exactly 1.
    let cumulative: [Double]

    init(_ keys: RequestKeys) {
        count = keys.count
        switch keys.popularity {
        case .uniform:
            cumulative = []
        case .zipf(let exponent):
            var sums = [Double](repeating: 0, count: keys.count)
            var total = 0.0
            for key in 0..<keys.count {
                total += Self.weight(key + 1, exponent)
                sums[key] = total
            }
            for key in sums.indices { sums[key] /= total }
            if !sums.isEmpty { sums[sums.count - 1] = 1 }
            cumulative = sums
        }
    }

    /// Zipf's unnormalised weight of key `key`: key^-s.
    static func weight(_ key: Int, _ exponent: Double) -> Double {
        pow(Double(key), -exponent)
    }

    /// A key in 1...count.
    func draw(_ rng: inout RandomStream) -> Int {
        guard !cumulative.isEmpty else { return rng.nextInt(below: count) + 1 }
        let unit = rng.nextUnit()
        var low = 0
        var high = cumulative.count - 1
        // The first index whose cumulative probability exceeds the draw.
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > unit { high = middle } else { low = middle + 1 }
        }
        return low + 1
    }
}
