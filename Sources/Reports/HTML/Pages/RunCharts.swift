import Engine
import Scenario

/// The time charts of a run's page, each from the run's own rows and events; a chart that has
/// nothing to show is left out (nil), one whose rows carry no value says so.
enum RunCharts {
    /// In page order: latency per client, per version, requests, failures, ejections, canary weight.
    static func all(_ r: RunResult) -> [LineChart] {
        [latency(r, scope: .client, title: "Latency per client"), latency(r, scope: .version, title: "Latency per version"),
         requests(r), failures(r), ejections(r), canary(r)].compactMap { $0 }.map { TimeAxis.counted($0, warmup: r.warmup, duration: r.duration) }
    }

    /// An empty time chart of the run: x from 0 to the run's end, the fault windows shaded.
    static func timeChart(_ r: RunResult, title: String, yLabel: String) -> LineChart {
        var chart = LineChart(title: title, xLabel: TimeAxis.label, yLabel: yLabel)
        chart.xRange = TimeAxis.range(r)
        chart.windows = FaultWindows.windows(r.events, runEnd: chart.xRange?.upperBound ?? 0)
        return chart
    }

    /// p99 (solid) and p50 (dashed) per name of the scope, one colour per name; nil without such a scope.
    static func latency(_ r: RunResult, scope: ScopeKind, title: String) -> LineChart? {
        let names = r.summary.filter { $0.scope == scope }.map(\.name)
        guard !names.isEmpty else { return nil }
        var chart = timeChart(r, title: title, yLabel: "latency (ms)")
        for (index, name) in names.enumerated() {
            let rows = r.timeseries.filter { $0.scope == scope && $0.name == name }
            chart.lines.append(ChartLine(label: "\(name) p99", points: rows.map { point($0, $0.p99.map(TimeAxis.milliseconds)) }, colour: index))
            chart.lines.append(
                ChartLine(label: "\(name) p50", points: rows.map { point($0, $0.p50.map(TimeAxis.milliseconds)) }, colour: index, dashed: true))
        }
        return chart
    }

    /// The total scope's requests per second (the rps column).
    static func requests(_ r: RunResult) -> LineChart {
        var chart = timeChart(r, title: "Requests per second (all clients)", yLabel: "requests/s")
        chart.lines = [ChartLine(label: "requests/s", points: r.timeseries.filter { $0.scope == .total }.map { point($0, $0.rps) }, colour: 0)]
        return chart
    }

    /// The total scope's errors, rate-limited answers and timeouts per second, on their own
    /// axis: next to the request rate they would lie flat on zero.
    static func failures(_ r: RunResult) -> LineChart {
        let rows = r.timeseries.filter { $0.scope == .total }
        let seconds = TimeAxis.intervalSeconds(r, rows)
        func perSecond(_ count: (TimeseriesRow) -> Int) -> [ChartPoint] {
            zip(rows, seconds).map { row, length in point(row, length > 0 ? Double(count(row)) / length : nil) }
        }
        var chart = timeChart(r, title: "Errors, rate-limited answers and timeouts per second (all clients)", yLabel: "per second")
        chart.lines = [
            ChartLine(label: "errors/s", points: perSecond(\.errors), colour: 5),
            ChartLine(label: "rate-limited/s", points: perSecond(\.rateLimited), colour: 1, dashed: true),
            ChartLine(label: "timeouts/s", points: perSecond(\.timeouts), colour: 3),
        ]
        return chart
    }

    /// Instances ejected per version at each interval end, with every ejection and un-ejection
    /// marked at the count it left; only with a mesh or Kong health checks that ejected someone.
    static func ejections(_ r: RunResult) -> LineChart? {
        let changes = r.events.filter { EjectionMarkers.kinds.contains($0.kind) }
        let kong = changes.contains { $0.kind.hasPrefix("kong_") }
        let ejectedRows = r.timeseries.contains { $0.scope == .version && ($0.ejected ?? 0) > 0 }
        guard r.mesh != nil || kong, !changes.isEmpty || ejectedRows || r.summary.contains(where: { $0.ejections > 0 }) else { return nil }
        let by = switch (r.mesh != nil, kong) {
        case (true, true): "outlier detection and Kong health checks"
        case (false, true): "Kong health checks"
        default: "outlier detection"
        }
        var chart = timeChart(r, title: "Ejected instances per version (\(by))", yLabel: "instances ejected")
        chart.wholeNumbers = true
        let versions = r.summary.filter { $0.scope == .version }.map(\.name)
        for (index, version) in versions.enumerated() {
            let rows = r.timeseries.filter { $0.scope == .version && $0.name == version }
            chart.lines.append(ChartLine(label: version, points: rows.map { point($0, $0.ejected.map(Double.init)) }, colour: index))
        }
        chart.markers = EjectionMarkers.markers(changes)
        return chart
    }

    /// The canary version's route weight, each analysis check marked on the line, and the
    /// promotion or rollback as a vertical line; only with a rollout.
    static func canary(_ r: RunResult) -> LineChart? {
        guard let rollout = r.rollout else { return nil }
        let name = "\(rollout.service)/\(rollout.canary)"
        let rows = r.timeseries.filter { $0.scope == .version && $0.name == name }
        var chart = timeChart(r, title: "Canary weight (\(name))", yLabel: "weight (%)")
        let line = ChartLine(label: "\(name) weight", points: rows.map { point($0, $0.weight) }, colour: 0)
        chart.lines = [line]
        chart.markers = rollout.checks.map { check in
            let t = TimeAxis.seconds(check.time)
            return ChartMarker(
                x: t, y: line.y(at: t), kind: check.passed ? .passed : .failed,
                label: "\(check.passed ? "check passed" : "check failed") at \(NumberFormat.seconds(check.time)) s: \(check.detail)")
        }
        if let time = rollout.time, rollout.result != .incomplete {
            let words = rollout.result == .promoted ? "promoted" : "rolled back"
            chart.markers.append(ChartMarker(x: TimeAxis.seconds(time), y: nil, kind: .event, label: words))
        }
        return chart
    }

    private static func point(_ row: TimeseriesRow, _ y: Double?) -> ChartPoint {
        ChartPoint(x: TimeAxis.seconds(row.end), y: y)
    }
}
