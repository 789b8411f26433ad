import Experiments
import Scenario

/// The summary `meshsim run --replications N` prints: a title line naming N, then per
/// scope the mean ± 95% half-width of requests, errors, error %, p50 and p99 over the
/// replications ("-" for a metric no replication had, the mean alone from one value).
public enum SummaryCITable {
    static let header = ["scope", "name", "requests", "errors", "error %", "p50 ms", "p99 ms"]

    /// Past `ShownScopes.threshold` scopes, the total and each kind's worst by mean, and a
    /// last line counting the rest.
    public static func render(_ scopes: [ScopeEstimates], replications: Int) -> String {
        let ranks = scopes.count > ShownScopes.threshold
            ? scopes.map { ShownScopes.Rank(scope: $0.scope, errors: $0[.errors]?.mean ?? 0, p99: $0[.p99]?.mean, requests: $0[.requests]?.mean ?? 0) }
            : []
        let shown = ShownScopes(ranks: ranks, count: scopes.count)
        return IntervalText.title(replications: replications) + AlignedColumns.render([header] + shown.rows.map { cells(scopes[$0]) }, textColumns: 2)
            + (shown.moreLine(in: "summary-ci.csv").map { $0 + "\n" } ?? "")
    }

    private static func cells(_ s: ScopeEstimates) -> [String] {
        [
            s.scope.rawValue, s.name,
            IntervalText.cell(s[.requests], places: IntervalText.countPlaces),
            IntervalText.cell(s[.errors], places: IntervalText.countPlaces),
            IntervalText.cell(s[.errorRate], places: IntervalText.percentPlaces, scale: 100),
            IntervalText.cell(s[.p50], places: IntervalText.millisecondPlaces),
            IntervalText.cell(s[.p99], places: IntervalText.millisecondPlaces),
        ]
    }
}
