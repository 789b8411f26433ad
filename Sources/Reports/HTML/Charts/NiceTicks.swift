import Foundation

/// Axis ticks at round numbers, 1, 2 or 5 × 10^k apart (Heckbert, "Nice numbers for graph
/// labels", Graphics Gems, 1990), with labels carrying as many decimals as the step needs.
struct NiceTicks: Sendable, Equatable {
    var values: [Double]
    var step: Double
    /// Decimals of the labels: 0 for a step of 20, 1 for 0.5.
    var places: Int

    /// Ticks covering lo…hi: the first at or below lo, the last at or above hi (a value axis
    /// ends on a tick: 0…87 → 0, 20, …, 100).
    static func covering(_ lo: Double, _ hi: Double, target: Int = 5) -> NiceTicks {
        make(lo, hi, target: target) { q in ((q.lo + nudge).rounded(.down), (q.hi - nudge).rounded(.up)) }
    }

    /// Ticks inside lo…hi (a time axis runs exactly from 0 to the run's end).
    static func within(_ lo: Double, _ hi: Double, target: Int = 6) -> NiceTicks {
        make(lo, hi, target: target) { q in ((q.lo - nudge).rounded(.up), (q.hi + nudge).rounded(.down)) }
    }

    /// The label of a tick value, fixed decimals.
    func label(_ value: Double) -> String {
        NumberFormat.decimal(value, places: places)
    }

    private static func make(
        _ lo: Double, _ hi: Double, target: Int, bounds: ((lo: Double, hi: Double)) -> (Double, Double)
    ) -> NiceTicks {
        let step = niceStep((hi - lo) / Double(max(target, 1)))
        let (first, last) = bounds((lo / step, hi / step))
        guard first.isFinite, last.isFinite, last >= first, last - first <= 1000 else {
            return NiceTicks(values: [lo, hi], step: max(hi - lo, 1), places: 0)
        }
        let values = stride(from: first, through: last, by: 1).map { $0 * step }
        let places = max(0, -Int(log10(step).rounded(.down)))
        return NiceTicks(values: values, step: step, places: places)
    }

    /// Within a hair of a multiple of the step counts as on it: 0.3 / 0.1 is 2.9999999999999996.
    private static let nudge = 1e-9

    /// 1, 2, 5 or 10 × 10^k nearest to `raw` (Heckbert's rounding thresholds 1.5, 3 and 7).
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, log10(raw).rounded(.down))
        let fraction = raw / magnitude
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        return nice * magnitude
    }
}
