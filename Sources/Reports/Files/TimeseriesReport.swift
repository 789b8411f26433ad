import Engine
import Scenario

/// timeseries.csv: one row per interval per scope; `t_s` is the end of the interval.
/// Missing values (no request in the interval, `ejected` and `weight` outside their
/// scopes) are empty cells. `weight` is a percentage with up to three decimals ("25", "33.333").
public enum TimeseriesReport {
    public static let header = [
        "t_s", "scope", "name", "requests", "rps", "ok", "errors", "rate_limited", "p50_ms", "p99_ms", "ejected", "weight",
    ]

    public static func csv(_ r: RunResult) -> String {
        var table = CSVTable(header: header)
        // Rows come interval by interval: each scope's row of one interval shares its `t_s`.
        var end: Nanoseconds?
        var endText = ""
        for row in r.timeseries {
            if row.end != end {
                end = row.end
                endText = NumberFormat.seconds(row.end)
            }
            table.append([
                endText, row.scope.rawValue, row.name, String(row.requests),
                NumberFormat.decimal(row.rps, places: 3), String(row.ok), String(row.errors), String(row.rateLimited),
                row.p50.map(NumberFormat.milliseconds) ?? "", row.p99.map(NumberFormat.milliseconds) ?? "",
                row.ejected.map { String($0) } ?? "", row.weight.map { NumberFormat.compact($0, places: 3) } ?? "",
            ])
        }
        return table.text
    }
}
