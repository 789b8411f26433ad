import Experiments

/// summary-ci.csv: per scope and metric, the mean over the replications with its sample
/// standard deviation and 95% Student-t interval.
public enum SummaryCIReport {
    public static let header = ["scope", "name", "metric", "n", "mean", "sd", "ci_low", "ci_high"]

    /// Scopes in the order given, metrics in `SummaryMetric.allCases` order.
    public static func csv(_ scopes: [ScopeEstimates]) -> String {
        var table = CSVTable(header: header)
        for scope in scopes {
            for metric in SummaryMetric.allCases {
                table.append([scope.scope.rawValue, scope.name, metric.rawValue] + cells(scope[metric], places: metric.places))
            }
        }
        return table.text
    }

    /// n, mean, sd, low, high: n = 0 and the rest empty without an estimate, the interval
    /// empty when one value gives none.
    static func cells(_ estimate: Estimate?, places: Int) -> [String] {
        guard let e = estimate else { return ["0", "", "", "", ""] }
        return [String(e.n), NumberFormat.decimal(e.mean, places: places), NumberFormat.decimal(e.standardDeviation, places: places)]
            + bounds(e, places: places)
    }

    /// low, high; empty when there is no interval.
    static func bounds(_ e: Estimate, places: Int) -> [String] {
        [e.low.map { NumberFormat.decimal($0, places: places) } ?? "", e.high.map { NumberFormat.decimal($0, places: places) } ?? ""]
    }
}
