import Engine
import Experiments

/// sweep.csv: one row per sweep point × setup × scope, the point's values in the leading
/// columns, then the cell's verdict and its metrics: summary.csv's columns for a single
/// run, the mean and 95% interval of every `SummaryMetric` with replications.
public enum SweepReport {
    /// Without replications: summary.csv's columns after scope and name, formatted as there.
    public static func csv(axes: [String], cells: [SingleRunCell]) -> String {
        var table = CSVTable(header: leading(axes, variants: cells.contains { $0.variant != nil }) + SummaryReport.header.dropFirst(2))
        for cell in cells {
            for row in cell.summary {
                table.append(
                    cell.point + (cell.variant.map { [$0] } ?? []) + [row.scope.rawValue, row.name, cell.verdict ?? ""]
                        + SummaryReport.metricCells(row))
            }
        }
        return table.text
    }

    /// With replications: n (replications that had the scope), then per metric its mean,
    /// low and high (the interval empty when one value gives none, all three empty when no
    /// replication had a value).
    public static func csv(axes: [String], cells: [ReplicatedCell]) -> String {
        let metrics = SummaryMetric.allCases.flatMap { [$0.rawValue, $0.rawValue + "_low", $0.rawValue + "_high"] }
        var table = CSVTable(header: leading(axes, variants: cells.contains { $0.variant != nil }) + ["n"] + metrics)
        for cell in cells {
            for scope in cell.estimates {
                table.append(
                    cell.point + (cell.variant.map { [$0] } ?? []) + [scope.scope.rawValue, scope.name, cell.verdict ?? "", String(scope.replications)]
                        + SummaryMetric.allCases.flatMap { metricCells(scope[$0], places: $0.places) })
            }
        }
        return table.text
    }

    /// The axis paths, `variant` for a compare, scope, name and verdict.
    private static func leading(_ axes: [String], variants: Bool) -> [String] {
        axes + (variants ? ["variant"] : []) + ["scope", "name", "verdict"]
    }

    private static func metricCells(_ estimate: Estimate?, places: Int) -> [String] {
        guard let e = estimate else { return ["", "", ""] }
        return [NumberFormat.decimal(e.mean, places: places)] + SummaryCIReport.bounds(e, places: places)
    }
}
