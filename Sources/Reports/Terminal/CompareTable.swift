import Engine

/// The side-by-side table `meshsim compare` prints: for the total and each client, one line
/// per setup, so a difference reads down a column; then, when a setup ran with the mesh,
/// what each setup's mesh costs.
public enum CompareTable {
    static let header = ["scope", "name", "setup", "requests", "ok", "errors", "error %", "rate-limited", "p50 ms", "p99 ms", "retries"]

    /// The table, then a blank line and the mesh cost lines when any setup ran with the mesh.
    public static func render(_ setups: [CompareSetup]) -> String {
        guard let first = setups.first else { return "" }
        // Each setup's total and client rows by name, looked up once each: a scan of the
        // summary per client took time in the square of the clients.
        let indexed = setups.map { setup in
            Dictionary(
                setup.result.summary.filter { $0.scope == .total || $0.scope == .client }.map { ("\($0.scope.rawValue) \($0.name)", $0) },
                uniquingKeysWith: { first, _ in first })
        }
        var rows = [header]
        for scope in first.result.summary where scope.scope == .total || scope.scope == .client {
            for (setup, index) in zip(setups, indexed) {
                guard let row = index["\(scope.scope.rawValue) \(scope.name)"] else { continue }
                let c = row.counts
                rows.append([
                    row.scope.rawValue, row.name, setup.name, String(c.requests), String(c.ok), String(c.errors),
                    SummaryTable.errorPercent(c), String(c.rateLimited),
                    row.latency.map { NumberFormat.milliseconds($0.p50) } ?? "-",
                    row.latency.map { NumberFormat.milliseconds($0.p99) } ?? "-", String(c.retries),
                ])
            }
        }
        let table = AlignedColumns.render(rows, textColumns: 3)
        let cost = MeshCostLines.render(setups)
        return cost.isEmpty ? table : table + "\n" + cost
    }

    /// The table, then the assertions each setup failed, as `meshsim compare` prints them.
    public static func renderWithFailures(_ setups: [CompareSetup]) -> String {
        let failures = setups.map { AssertionList.renderFailures($0.result.assertions, prefix: "\($0.name): ") }.filter { !$0.isEmpty }
        return failures.isEmpty ? render(setups) : render(setups) + "\n" + failures.joined(separator: "\n")
    }
}
