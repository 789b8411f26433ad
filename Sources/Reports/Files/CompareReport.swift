import Engine

/// compare.csv: every setup's summary rows side by side, in the spec's column order, followed
/// by the mesh cost estimate on each setup's total row.
public enum CompareReport {
    public static let header = [
        "variant", "scope", "name", "requests", "ok", "errors", "error_rate", "rate_limited", "p50_ms", "p99_ms", "retries",
        "ejections", "proxies", "proxy_rps", "proxy_vcpu", "proxy_memory_mb", "sidecar_ms",
    ]

    /// The file's text: each setup's summary rows in order, setups in the order given.
    public static func csv(_ setups: [CompareSetup]) -> String {
        var table = CSVTable(header: header)
        for row in rows(setups) { table.append(row) }
        return table.text
    }

    /// The cells of each row under `header`, as written to the file (report.html shows them too).
    public static func rows(_ setups: [CompareSetup]) -> [[String]] {
        setups.flatMap { setup in
            let cost = setup.meshCost
            return setup.result.summary.map { row -> [String] in
                let c = row.counts
                let cells: [String] = [
                    setup.name, row.scope.rawValue, row.name, String(c.requests), String(c.ok), String(c.errors),
                    NumberFormat.decimal(c.errorRate, places: 6), String(c.rateLimited),
                    row.latency.map { NumberFormat.milliseconds($0.p50) } ?? "",
                    row.latency.map { NumberFormat.milliseconds($0.p99) } ?? "",
                    String(c.retries), String(row.ejections),
                ]
                return cells + costCells(row.scope == .total ? cost : nil)
            }
        }
    }

    /// The estimate is for the whole setup, so only its total row carries it; empty without a mesh.
    private static func costCells(_ cost: MeshCostEstimate?) -> [String] {
        guard let cost else { return Array(repeating: "", count: 5) }
        return [
            String(cost.proxies), NumberFormat.decimal(cost.proxyRequestRate, places: 3), NumberFormat.decimal(cost.vCPU, places: 3),
            NumberFormat.decimal(cost.memoryMB, places: 3), NumberFormat.decimal(cost.addedMillisecondsPerRequest, places: 3),
        ]
    }
}
