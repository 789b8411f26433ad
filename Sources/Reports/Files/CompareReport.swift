import Engine

/// compare.csv: every setup's summary rows side by side, in the spec's column order.
public enum CompareReport {
    public static let header = [
        "variant", "scope", "name", "requests", "ok", "errors", "error_rate", "rate_limited", "p50_ms", "p99_ms", "retries",
        "ejections",
    ]

    public static func csv(_ setups: [(name: String, result: RunResult)]) -> String {
        var table = CSVTable(header: header)
        for setup in setups {
            for row in setup.result.summary {
                let c = row.counts
                table.append([
                    setup.name, row.scope.rawValue, row.name, String(c.requests), String(c.ok), String(c.errors),
                    NumberFormat.decimal(c.errorRate, places: 6), String(c.rateLimited),
                    row.latency.map { NumberFormat.milliseconds($0.p50) } ?? "",
                    row.latency.map { NumberFormat.milliseconds($0.p99) } ?? "",
                    String(c.retries), String(row.ejections),
                ])
            }
        }
        return table.text
    }
}
