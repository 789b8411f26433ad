import Engine

/// The summary printed on stdout after `meshsim run`: one line per summary row, columns
/// separated by two spaces, names left-aligned and numbers right-aligned, no colour codes.
///
/// `error %` has two decimals; latencies are milliseconds with three decimals and "-" when
/// the scope saw no request. Every line ends with "\n" and has no trailing spaces.
public enum SummaryTable {
    static let header = [
        "scope", "name", "requests", "ok", "errors", "error %", "rate-limited", "unauthorized", "timeouts", "p50 ms", "p99 ms",
        "max ms",
    ]
    /// Columns 0 and 1 (scope, name) are text; the rest are numbers.
    private static let textColumns = 2

    public static func render(_ r: RunResult) -> String {
        AlignedColumns.render([header] + r.summary.map(cells), textColumns: textColumns)
    }

    private static func cells(_ row: ScopeSummary) -> [String] {
        let c = row.counts
        let latency = row.latency
        return [
            row.scope.rawValue, row.name, String(c.requests), String(c.ok), String(c.errors),
            errorPercent(c), String(c.rateLimited), String(c.unauthorized), String(c.timeouts),
            latency.map { NumberFormat.milliseconds($0.p50) } ?? "-",
            latency.map { NumberFormat.milliseconds($0.p99) } ?? "-",
            latency.map { NumberFormat.milliseconds($0.max) } ?? "-",
        ]
    }

    /// errors × 100 / requests in a single division, so a tie such as 1/80 = 1.25 % is
    /// rounded as the exact value, not as a product of two rounded numbers.
    static func errorPercent(_ c: ScopeCounts) -> String {
        guard c.requests > 0 else { return NumberFormat.decimal(0, places: 2) }
        return NumberFormat.decimal(Double(c.errors) * 100 / Double(c.requests), places: 2)
    }
}
