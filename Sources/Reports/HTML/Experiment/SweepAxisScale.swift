import Experiments
import Scenario

/// Where a sweep axis's values sit on a chart's x axis. When every value reads as one kind
/// of quantity (durations, in ms; rates, in requests/s; percentages; plain numbers), at that
/// quantity, so that uneven steps look uneven; otherwise (`{a: 1}`, `true`, names, or kinds
/// mixed) at positions 1, 2, 3… in the sweep's order, each value named by a marker.
struct SweepAxisScale: Sendable, Hashable {
    /// One per value of the axis, in its order.
    var positions: [Double]
    /// The x axis label: the path, then the unit in parentheses.
    var label: String
    var numeric: Bool

    init(_ axis: ExperimentPlan.Axis) {
        let readers: [(unit: String, read: (String) -> Double?)] = [
            ("ms", { ValueSyntax.duration($0).map { Double($0) / 1e6 } }),
            ("/s", { ValueSyntax.rate($0) }),
            // The number before the sign, not the fraction times 100, which is not exact (7% → 7.000000000000001).
            ("%", { $0.hasSuffix("%") ? ValueSyntax.decimal($0.dropLast()) : nil }),
            ("", { ValueSyntax.decimal($0) }),
        ]
        for reader in readers {
            let values = axis.values.compactMap(reader.read)
            if !axis.values.isEmpty, values.count == axis.values.count {
                positions = values
                label = reader.unit.isEmpty ? axis.path : "\(axis.path) (\(reader.unit))"
                numeric = true
                return
            }
        }
        positions = axis.values.indices.map { Double($0 + 1) }
        label = "\(axis.path) (value number)"
        numeric = false
    }
}
