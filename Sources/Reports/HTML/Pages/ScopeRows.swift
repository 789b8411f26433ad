import Engine
import Scenario

/// A run's time-series rows indexed by scope once, so that each line of a chart reads its own
/// rows instead of scanning every row of the run (time in the square of the scopes).
struct ScopeRows {
    private struct Key: Hashable {
        var scope: ScopeKind
        var name: String
    }

    private let rows: [TimeseriesRow]
    private let indices: [Key: [Int]]
    private let total: [Int]

    init(_ rows: [TimeseriesRow]) {
        self.rows = rows
        var indices: [Key: [Int]] = [:]
        var total: [Int] = []
        for (index, row) in rows.enumerated() {
            if row.scope == .total { total.append(index) }
            indices[Key(scope: row.scope, name: row.name), default: []].append(index)
        }
        self.indices = indices
        self.total = total
    }

    /// The rows of one scope, in the run's order (by interval end).
    func of(_ scope: ScopeKind, _ name: String) -> [TimeseriesRow] {
        (indices[Key(scope: scope, name: name)] ?? []).map { rows[$0] }
    }

    /// The total scope's rows, whatever its name.
    var totals: [TimeseriesRow] {
        total.map { rows[$0] }
    }
}
