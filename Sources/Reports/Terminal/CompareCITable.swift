import Engine
import Experiments

/// The table `meshsim compare --replications N` prints: for the total and each client,
/// one line per setup with its p99 and error % (mean ± 95% half-width), then each one's
/// paired difference to the first setup (same seeds), marked `*` when its interval
/// excludes 0: the difference is then more than the noise of N replications.
public enum CompareCITable {
    /// `cells`: the setups in order, the first the baseline.
    public static func render(_ cells: [ReplicatedCell], replications: Int) -> String {
        guard let first = cells.first else { return "" }
        let baseline = first.variant ?? ""
        var rows = [["scope", "name", "setup", "p99 ms", "error %", "Δ p99 ms vs \(baseline)", "Δ error % vs \(baseline)"]]
        for scope in first.estimates where scope.scope == .total || scope.scope == .client {
            for cell in cells {
                guard let own = cell.estimates(of: scope) else { continue }
                let difference = cell.differences(of: scope)
                rows.append([
                    scope.scope.rawValue, scope.name, cell.variant ?? "",
                    IntervalText.cell(own[.p99], places: IntervalText.millisecondPlaces),
                    IntervalText.cell(own[.errorRate], places: IntervalText.percentPlaces, scale: 100),
                    delta(cell, difference?[.p99], places: IntervalText.millisecondPlaces),
                    delta(cell, difference?[.errorRate], places: IntervalText.percentPlaces, scale: 100),
                ])
            }
        }
        return IntervalText.title(replications: replications) + AlignedColumns.render(rows, textColumns: 3)
    }

    /// Empty for the baseline itself; "-" without a pair of values.
    private static func delta(_ cell: ReplicatedCell, _ e: Estimate?, places: Int, scale: Double = 1) -> String {
        guard cell.differences != nil else { return "" }
        let text = IntervalText.cell(e, places: places, scale: scale)
        return e.flatMap(CompareCIReport.differs) == true ? text + " *" : text
    }
}
