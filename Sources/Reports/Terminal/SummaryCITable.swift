import Experiments

/// The summary `meshsim run --replications N` prints: a title line naming N, then per
/// scope the mean ± 95% half-width of requests, errors, error %, p50 and p99 over the
/// replications ("-" for a metric no replication had, the mean alone from one value).
public enum SummaryCITable {
    static let header = ["scope", "name", "requests", "errors", "error %", "p50 ms", "p99 ms"]

    public static func render(_ scopes: [ScopeEstimates], replications: Int) -> String {
        IntervalText.title(replications: replications) + AlignedColumns.render([header] + scopes.map(cells), textColumns: 2)
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
