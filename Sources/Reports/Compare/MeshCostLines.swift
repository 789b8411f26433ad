/// The block under `meshsim compare`'s table that puts a price on each setup's mesh: one line
/// per setup, labels padded and numbers right-aligned so that setups read down a column.
enum MeshCostLines {
    /// Empty when no setup ran with the mesh, so gateway-only comparisons print nothing extra.
    static func render(_ setups: [CompareSetup]) -> String {
        let costs = setups.map(\.meshCost)
        guard costs.contains(where: { $0 != nil }) else { return "" }
        let labels = setups.map { "mesh cost (\($0.name)):" }
        let cells = costs.map { $0.map(numbers) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let widths = (0..<5).map { column in cells.compactMap { $0?[column].count }.max() ?? 0 }
        let nouns = costs.map { $0.map { $0.proxies == 1 ? "proxy," : "proxies," } }
        let nounWidth = nouns.compactMap { $0?.count }.max() ?? 0
        var text = ""
        for ((label, row), noun) in zip(zip(labels, cells), nouns) {
            let head = padRight(label, labelWidth)
            guard let row, let noun else {
                text += "\(head) none (mesh disabled)\n"
                continue
            }
            let n = zip(row, widths).map { padLeft($0, $1) }
            text += "\(head) \(n[0]) \(padRight(noun, nounWidth)) \(n[1]) req/s through proxies ≈ \(n[2]) vCPU, \(n[3]) MB;"
                + " sidecars add \(n[4]) ms per request\n"
        }
        return text
    }

    /// Proxies, request rate, vCPU, MB and added milliseconds; compare.csv has them at full precision.
    private static func numbers(_ cost: MeshCostEstimate) -> [String] {
        [
            String(cost.proxies), NumberFormat.compact(cost.proxyRequestRate, places: 1), NumberFormat.compact(cost.vCPU, places: 3),
            NumberFormat.compact(cost.memoryMB, places: 1), NumberFormat.decimal(cost.addedMillisecondsPerRequest, places: 3),
        ]
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
