import Engine
import Scenario

/// One timeseries scope across a cell's replications, interval by interval: the mean of a
/// metric with its 95% interval, as `ReplicationSummary` does for the whole run. Replication
/// k's interval ending at t is an independent draw of the metric at t, so the interval of
/// those draws is the band report.html shades around the mean line.
public enum ReplicationSeries {
    /// Each interval end the replications have for the scope, in time order, with the
    /// estimate over the replications that had a value there (nil when none had).
    public static func estimates(
        _ outcomes: [UnitOutcome], scope: ScopeKind, name: String, metric: IntervalMetric
    ) -> [(end: Nanoseconds, estimate: Estimate?)] {
        var values: [Nanoseconds: [Double]] = [:]
        for outcome in outcomes {
            for row in outcome.timeseries where row.scope == scope && row.name == name {
                let value = metric.value(row, interval: outcome.interval)
                values[row.end, default: []] += value.map { [$0] } ?? []
            }
        }
        return values.keys.sorted().map { end in (end, values[end].flatMap { Estimate($0) }) }
    }

    /// The names of the scope's series in the replications' timeseries, first seen first.
    public static func names(_ outcomes: [UnitOutcome], scope: ScopeKind) -> [String] {
        var seen: Set<String> = []
        var names: [String] = []
        for outcome in outcomes {
            for row in outcome.timeseries where row.scope == scope && seen.insert(row.name).inserted {
                names.append(row.name)
            }
        }
        return names
    }
}
