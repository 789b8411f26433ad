import Engine
import Scenario

/// The summary rows of a cell's replications turned into estimates, scope by scope: the
/// mean of each metric with its 95% interval, and the paired difference to another setup
/// run with the same seeds (common random numbers: the difference of two setups under the
/// same random draws varies far less than either setup, so its interval is narrower than
/// one from independent runs).
public enum ReplicationSummary {
    /// `outcomes`: the cell's replications in order. Scopes in summary order, a scope that
    /// only a later replication has after the others (first seen, first listed); a metric's
    /// estimate is over the replications that had a value for it.
    public static func estimates(_ outcomes: [UnitOutcome]) -> [ScopeEstimates] {
        let tables = outcomes.map(RowTable.init)
        return scopes(outcomes).map { key in
            let rows = tables.compactMap { table in table.rows[key].map { (row: $0, duration: table.countedDuration) } }
            return ScopeEstimates(
                scope: key.kind, name: key.name, replications: rows.count,
                estimates: SummaryMetric.allCases.map { metric in
                    Estimate(rows.compactMap { metric.value($0.row, countedDuration: $0.duration) })
                })
        }
    }

    /// Each metric of `outcomes` minus the same metric of `baseline`, replication k paired
    /// with replication k (the same seed), over the replications where both have a value.
    /// Scopes are those of `outcomes`; where the baseline lacks a scope its estimates are nil.
    public static func differences(_ outcomes: [UnitOutcome], baseline: [UnitOutcome]) -> [ScopeEstimates] {
        let pairs = zip(outcomes.map(RowTable.init), baseline.map(RowTable.init))
        return scopes(outcomes).map { key in
            let both = pairs.compactMap { this, base -> (ScopeSummary, Nanoseconds, ScopeSummary, Nanoseconds)? in
                guard let row = this.rows[key], let baseRow = base.rows[key] else { return nil }
                return (row, this.countedDuration, baseRow, base.countedDuration)
            }
            return ScopeEstimates(
                scope: key.kind, name: key.name, replications: both.count,
                estimates: SummaryMetric.allCases.map { metric in
                    Estimate(both.compactMap { row, duration, baseRow, baseDuration in
                        guard let value = metric.value(row, countedDuration: duration),
                            let baseValue = metric.value(baseRow, countedDuration: baseDuration)
                        else { return nil }
                        return value - baseValue
                    })
                })
        }
    }

    /// Every scope of the outcomes, in summary order, first seen first.
    private static func scopes(_ outcomes: [UnitOutcome]) -> [ScopeKey] {
        var seen: Set<ScopeKey> = []
        var keys: [ScopeKey] = []
        for outcome in outcomes {
            for row in outcome.summary {
                let key = ScopeKey(kind: row.scope, name: row.name)
                if seen.insert(key).inserted { keys.append(key) }
            }
        }
        return keys
    }

    private struct ScopeKey: Hashable {
        var kind: ScopeKind
        var name: String
    }

    /// One replication's rows by scope.
    private struct RowTable {
        var rows: [ScopeKey: ScopeSummary]
        var countedDuration: Nanoseconds

        init(_ outcome: UnitOutcome) {
            rows = Dictionary(outcome.summary.map { (ScopeKey(kind: $0.scope, name: $0.name), $0) }) { first, _ in first }
            countedDuration = outcome.countedDuration
        }
    }
}
