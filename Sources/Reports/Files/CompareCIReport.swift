import Experiments

/// compare-ci.csv: summary-ci.csv's rows of every setup (at every sweep point), each with
/// the paired difference to the first setup at the same point and whether its 95% interval
/// excludes 0.
public enum CompareCIReport {
    static let columns = [
        "variant", "scope", "name", "metric", "n", "mean", "sd", "ci_low", "ci_high", "diff", "diff_low", "diff_high", "differs",
    ]

    /// `axes`: the sweep's paths (leading columns), empty without a sweep. Cells point-major,
    /// then setup, as the experiment ran them.
    public static func csv(axes: [String], cells: [ReplicatedCell]) -> String {
        var table = CSVTable(header: axes + columns)
        for cell in cells {
            for scope in cell.estimates {
                let differences = cell.differences(of: scope)
                for metric in SummaryMetric.allCases {
                    table.append(
                        cell.point + [cell.variant ?? "", scope.scope.rawValue, scope.name, metric.rawValue]
                            + SummaryCIReport.cells(scope[metric], places: metric.places)
                            + differenceCells(differences?[metric], places: metric.places))
                }
            }
        }
        return table.text
    }

    /// diff, low, high, differs; all empty for the first setup or without a pair of values,
    /// the interval and `differs` empty when one pair gives no interval.
    private static func differenceCells(_ estimate: Estimate?, places: Int) -> [String] {
        guard let e = estimate else { return ["", "", "", ""] }
        return [NumberFormat.decimal(e.mean, places: places)] + SummaryCIReport.bounds(e, places: places) + [differs(e).map { $0 ? "yes" : "no" } ?? ""]
    }

    /// Whether the interval excludes 0; nil without an interval.
    static func differs(_ e: Estimate) -> Bool? {
        guard let low = e.low, let high = e.high else { return nil }
        return low > 0 || high < 0
    }
}
