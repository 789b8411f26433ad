import Engine

/// The summary printed on stdout after `meshsim run`: one line per summary row, columns
/// separated by two spaces, names left-aligned and numbers right-aligned, no colour codes.
///
/// `error %` has two decimals; latencies are milliseconds with three decimals and "-" when
/// the scope saw no request. Every line ends with "\n" and has no trailing spaces.
///
/// A second table, after a blank line, gives the same rows what their errors were and what
/// explains errors that a service saw and its clients did not (or the other way round):
/// timeouts, the answers a circuit breaker refused (503 UO), the answers no healthy host
/// was left for (503 UH) after outlier detection ejected hosts, and the retries that hid
/// failed tries. Two tables keep each within 120 columns for names up to about 15
/// characters (the first) and 23 (the second).
public enum SummaryTable {
    static let header = [
        "scope", "name", "requests", "ok", "errors", "error %", "rate-limited", "unauthorized", "p50 ms", "p99 ms", "max ms",
    ]
    static let causesHeader = [
        "scope", "name", "errors", "timeouts", "overflows (503 UO)", "no healthy upstream (503 UH)", "ejections", "retries",
    ]
    /// Columns 0 and 1 (scope, name) are text; the rest are numbers.
    private static let textColumns = 2

    /// Past `ShownScopes.threshold` rows, each table shows the total and each kind's worst
    /// rows, and a last line counts the rest.
    public static func render(_ r: RunResult) -> String {
        let unhealthy = noHealthyUpstream(r.responses)
        let shown = ShownScopes(r.summary)
        let rows = shown.rows.map { r.summary[$0] }
        let more = shown.moreLine().map { $0 + "\n" } ?? ""
        return AlignedColumns.render([header] + rows.map(cells), textColumns: textColumns) + more
            + "\n"
            + AlignedColumns.render([causesHeader] + rows.map { causes($0, noHealthyUpstream: unhealthy) }, textColumns: textColumns) + more
    }

    private static func cells(_ row: ScopeSummary) -> [String] {
        let c = row.counts
        let latency = row.latency
        return [
            row.scope.rawValue, row.name, String(c.requests), String(c.ok), String(c.errors),
            errorPercent(c), String(c.rateLimited), String(c.unauthorized),
            latency.map { NumberFormat.milliseconds($0.p50) } ?? "-",
            latency.map { NumberFormat.milliseconds($0.p99) } ?? "-",
            latency.map { NumberFormat.milliseconds($0.max) } ?? "-",
        ]
    }

    private struct Scope: Hashable {
        var kind: ScopeKind
        var name: String
    }

    private static func causes(_ row: ScopeSummary, noHealthyUpstream: [Scope: Int]) -> [String] {
        let c = row.counts
        return [
            row.scope.rawValue, row.name, String(c.errors), String(c.timeouts), String(c.overflows),
            String(noHealthyUpstream[Scope(kind: row.scope, name: row.name)] ?? 0), String(row.ejections), String(c.retries),
        ]
    }

    /// 503 answers flagged UH, by scope, from the counts responses.csv lists.
    private static func noHealthyUpstream(_ responses: [ResponseCount]) -> [Scope: Int] {
        var counts: [Scope: Int] = [:]
        for response in responses where response.code == 503 && response.flag == "UH" {
            counts[Scope(kind: response.scope, name: response.name), default: 0] += response.count
        }
        return counts
    }

    /// errors × 100 / requests in a single division, so a tie such as 1/80 = 1.25 % is
    /// rounded as the exact value, not as a product of two rounded numbers.
    static func errorPercent(_ c: ScopeCounts) -> String {
        guard c.requests > 0 else { return NumberFormat.decimal(0, places: 2) }
        return NumberFormat.decimal(Double(c.errors) * 100 / Double(c.requests), places: 2)
    }
}
