import Engine

/// summary.csv: one row per scope, in the spec's column order, then `ejections` (instances
/// ejected over the run by outlier detection in that scope) and `cache_hits` (answers served
/// by the gateway's proxy-cache; more columns may follow by spec).
public enum SummaryReport {
    public static let header = [
        "scope", "name", "requests", "ok", "errors", "error_rate", "rate_limited", "unauthorized", "timeouts",
        "overflows", "retries", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms", "ejections", "cache_hits",
    ]

    public static func csv(_ r: RunResult) -> String {
        var table = CSVTable(header: header)
        for row in rows(r) { table.append(row) }
        return table.text
    }

    /// The cells of each row under `header`, as written to the file (report.html shows them too).
    public static func rows(_ r: RunResult) -> [[String]] {
        r.summary.map(row)
    }

    /// One scope's cells under `header`.
    static func row(_ summary: ScopeSummary) -> [String] {
        [summary.scope.rawValue, summary.name] + metricCells(summary)
    }

    /// The row's cells after scope and name (sweep.csv of a sweep without replications
    /// repeats them).
    static func metricCells(_ row: ScopeSummary) -> [String] {
        let c = row.counts
        return [
            String(c.requests), String(c.ok), String(c.errors), NumberFormat.decimal(c.errorRate, places: 6), String(c.rateLimited),
            String(c.unauthorized), String(c.timeouts), String(c.overflows), String(c.retries),
        ] + latencyCells(row.latency) + [String(row.ejections), String(row.cacheHits)]
    }

    /// p50, p90, p99, p999, max and mean in milliseconds; empty cells when the scope saw no request.
    private static func latencyCells(_ latency: LatencySummary?) -> [String] {
        guard let l = latency else { return Array(repeating: "", count: 6) }
        return [l.p50, l.p90, l.p99, l.p999, l.max].map(NumberFormat.milliseconds) + [NumberFormat.milliseconds(l.mean)]
    }
}
