import Engine
import Experiments
import Scenario

/// The time charts of an experiment with replications and no sweep: at each interval end the
/// mean across replications as the line and its 95% interval as the band around it, the
/// fault windows shaded. A run's charts show the total and each client; a compare's overlay
/// the setups' totals.
enum ReplicationCharts {
    /// One series of the charts: the replications of one cell, one scope of their timeseries.
    struct Series {
        var label: String
        var outcomes: [UnitOutcome]
        var scope: ScopeKind
        var name: String
    }

    /// p99 and p50 of the total and of each client (the client alone when there is one: its
    /// line is the total's; the total alone past `ShownScopes.threshold` clients, whose lines
    /// no one could tell apart, each a scan of every run's rows), then requests/s and errors/s
    /// of the total.
    static func run(_ outcomes: [UnitOutcome]) -> [LineChart] {
        let total = Series(label: "all clients", outcomes: outcomes, scope: .total, name: "all")
        let clients = ReplicationSeries.names(outcomes, scope: .client).map {
            Series(label: $0, outcomes: outcomes, scope: .client, name: $0)
        }
        let latency = clients.count == 1 ? clients : clients.count > ShownScopes.threshold ? [total] : [total] + clients
        var traffic = chart(outcomes, title: "Traffic (all clients)", yLabel: "per second")
        add(total, .rps, label: "requests/s", colour: 0, to: &traffic)
        add(total, .errorsPerSecond, label: "errors/s", colour: 5, to: &traffic)
        return counted([
            chart(latency, .p99, outcomes, title: "Latency p99", yLabel: "p99 (ms)"),
            chart(latency, .p50, outcomes, title: "Latency p50", yLabel: "p50 (ms)"),
            traffic,
        ], outcomes)
    }

    /// Each setup's total, overlaid: p99, p50, requests/s, errors/s. `setups` are the setups'
    /// names and replications, in the compare's order.
    static func compare(_ setups: [(name: String, outcomes: [UnitOutcome])]) -> [LineChart] {
        let series = setups.map { Series(label: $0.name, outcomes: $0.outcomes, scope: .total, name: "all") }
        let outcomes = setups.flatMap(\.outcomes)
        return counted([
            chart(series, .p99, outcomes, title: "Latency p99 (all clients)", yLabel: "p99 (ms)"),
            chart(series, .p50, outcomes, title: "Latency p50 (all clients)", yLabel: "p50 (ms)"),
            chart(series, .rps, outcomes, title: "Requests per second (all clients)", yLabel: "requests/s"),
            chart(series, .errorsPerSecond, outcomes, title: "Errors per second (all clients)", yLabel: "errors/s"),
        ], outcomes)
    }

    /// The charts over the counted span of the runs: setups may differ in warmup and duration,
    /// so the widest.
    private static func counted(_ charts: [LineChart], _ outcomes: [UnitOutcome]) -> [LineChart] {
        let warmup = outcomes.map { $0.duration - $0.countedDuration }.min() ?? 0
        let duration = outcomes.map(\.duration).max() ?? 0
        return charts.map { TimeAxis.counted($0, warmup: warmup, duration: duration) }
    }

    /// One metric of every series, a colour each.
    private static func chart(_ series: [Series], _ metric: IntervalMetric, _ outcomes: [UnitOutcome], title: String, yLabel: String) -> LineChart {
        var chart = chart(outcomes, title: title, yLabel: yLabel)
        for (index, one) in series.enumerated() { add(one, metric, label: one.label, colour: index, to: &chart) }
        return chart
    }

    /// A time chart from 0 to the runs' end with every distinct fault window of the runs.
    private static func chart(_ outcomes: [UnitOutcome], title: String, yLabel: String) -> LineChart {
        var chart = LineChart(title: title, xLabel: TimeAxis.label, yLabel: yLabel)
        let end = outcomes.map { max($0.duration, $0.timeseries.last?.end ?? 0) }.max() ?? 0
        chart.xRange = 0...max(TimeAxis.seconds(end), 1e-9)
        // Replications of a setup share its faults; setups may differ, so each setup's are shown.
        var windows: [ChartWindow] = []
        for outcome in outcomes {
            for window in FaultWindows.windows(outcome.events, runEnd: TimeAxis.seconds(outcome.duration)) where !windows.contains(window) {
                windows.append(window)
            }
        }
        chart.windows = windows.sorted { ($0.from, $0.to, $0.label) < ($1.from, $1.to, $1.label) }
        return chart
    }

    /// The series' mean as a line and its interval as a band; an interval end with one value
    /// has no band, one without any value leaves a gap in the line. Every metric charted is
    /// at least 0, so the band is drawn from 0 where the interval reaches below
    /// (summary-ci.csv keeps the interval as computed).
    private static func add(_ series: Series, _ metric: IntervalMetric, label: String, colour: Int, to chart: inout LineChart) {
        let estimates = ReplicationSeries.estimates(series.outcomes, scope: series.scope, name: series.name, metric: metric)
        chart.lines.append(ChartLine(
            label: "\(label) (mean)", points: estimates.map { ChartPoint(x: TimeAxis.seconds($0.end), y: $0.estimate?.mean) }, colour: colour))
        let band = estimates.compactMap { end, estimate -> (x: Double, low: Double, high: Double)? in
            guard let low = estimate?.low, let high = estimate?.high else { return nil }
            return (TimeAxis.seconds(end), max(low, 0), high)
        }
        if !band.isEmpty { chart.bands.append(ChartBand(label: "\(label) 95% interval", points: band, colour: colour)) }
    }
}
