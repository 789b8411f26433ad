import Engine
import Scenario

/// The time charts of a run's page, each from the run's own rows and events; a chart that has
/// nothing to show is left out (nil), one whose rows carry no value says so.
enum RunCharts {
    /// In page order: latency per client, per version, requests, failures, ejections, canary
    /// weight. The rows are indexed by scope once: a scan of every row per client or version
    /// took time in the square of the scopes.
    static func all(_ r: RunResult, shown: ShownScopes) -> [LineChart] {
        let rows = ScopeRows(r.timeseries)
        return [latency(r, rows, shown, scope: .client, title: "Latency per client"), latency(r, rows, shown, scope: .version, title: "Latency per version"),
                requests(r, rows), failures(r, rows), ejections(r, rows, shown), canary(r, rows)]
            .compactMap { $0 }.map { TimeAxis.counted($0, warmup: r.warmup, duration: r.duration) }
    }

    /// An empty time chart of the run: x from 0 to the run's end, the fault windows shaded.
    static func timeChart(_ r: RunResult, title: String, yLabel: String) -> LineChart {
        var chart = LineChart(title: title, xLabel: TimeAxis.label, yLabel: yLabel)
        chart.xRange = TimeAxis.range(r)
        chart.windows = FaultWindows.windows(r.events, runEnd: chart.xRange?.upperBound ?? 0)
        return chart
    }

    /// p99 (solid) and p50 (dashed) per name of the scope, one colour per name; nil without such a scope.
    static func latency(_ r: RunResult, _ rows: ScopeRows, _ shown: ShownScopes, scope: ScopeKind, title: String) -> LineChart? {
        let (names, all) = charted(r, shown, scope: scope)
        guard !names.isEmpty else { return nil }
        var chart = timeChart(r, title: title + leftOut(names.count, of: all, scope), yLabel: "latency (ms)")
        for (index, name) in names.enumerated() {
            let rows = rows.of(scope, name)
            chart.lines.append(ChartLine(label: "\(name) p99", points: rows.map { point($0, $0.p99.map(TimeAxis.milliseconds)) }, colour: index))
            chart.lines.append(
                ChartLine(label: "\(name) p50", points: rows.map { point($0, $0.p50.map(TimeAxis.milliseconds)) }, colour: index, dashed: true))
        }
        return chart
    }

    /// The names of `scope` a chart draws, in summary order; past `ShownScopes.threshold`
    /// scopes, the first `maximumLines` that the tables show (the worst). `all` counts the scope's rows.
    static func charted(_ r: RunResult, _ shown: ShownScopes, scope: ScopeKind) -> (names: [String], all: Int) {
        let all = r.summary.reduce(0) { $0 + ($1.scope == scope ? 1 : 0) }
        guard shown.omitted > 0 else { return (r.summary.filter { $0.scope == scope }.map(\.name), all) }
        let names = shown.rows.lazy.map { r.summary[$0] }.filter { $0.scope == scope }.map(\.name)
        return (Array(names.prefix(maximumLines)), all)
    }

    /// Names one chart draws past the threshold: as many as the palette has colours.
    static let maximumLines = ChartPalette.colours.count
    /// Ejection markers one chart draws: past a few hundred they cover each other, and each
    /// costs the page some hundred bytes (an outage of a big cluster ejects thousands).
    static let maximumMarkers = 500

    /// ": the 8 worst of 10,000 versions" when the chart leaves names out; "" otherwise.
    private static func leftOut(_ drawn: Int, of all: Int, _ scope: ScopeKind) -> String {
        drawn < all ? ": the \(drawn) worst of \(CountText.grouped(all)) \(scope.rawValue)s" : ""
    }

    /// The total scope's requests per second (the rps column).
    static func requests(_ r: RunResult, _ rows: ScopeRows) -> LineChart {
        var chart = timeChart(r, title: "Requests per second (all clients)", yLabel: "requests/s")
        chart.lines = [ChartLine(label: "requests/s", points: rows.totals.map { point($0, $0.rps) }, colour: 0)]
        return chart
    }

    /// The total scope's errors, rate-limited answers and timeouts per second, on their own
    /// axis: next to the request rate they would lie flat on zero.
    static func failures(_ r: RunResult, _ rows: ScopeRows) -> LineChart {
        let rows = rows.totals
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
    static func ejections(_ r: RunResult, _ rows: ScopeRows, _ shown: ShownScopes) -> LineChart? {
        let changes = r.events.filter { EjectionMarkers.kinds.contains($0.kind) }
        let kong = changes.contains { $0.kind.hasPrefix("kong_") }
        let ejectedRows = r.timeseries.contains { $0.scope == .version && ($0.ejected ?? 0) > 0 }
        guard r.mesh != nil || kong, !changes.isEmpty || ejectedRows || r.summary.contains(where: { $0.ejections > 0 }) else { return nil }
        let by = switch (r.mesh != nil, kong) {
        case (true, true): "outlier detection and Kong health checks"
        case (false, true): "Kong health checks"
        default: "outlier detection"
        }
        let (versions, all) = shown.omitted == 0 ? charted(r, shown, scope: .version) : mostEjected(r)
        let drawn = Set(versions)
        let markers = EjectionMarkers.markers(changes) { versions.count == all || drawn.contains($0) }
        let marked = markers.count > maximumMarkers
            ? "; the first \(CountText.grouped(maximumMarkers)) of \(CountText.grouped(markers.count)) changes marked (events.csv has all)" : ""
        var chart = timeChart(r, title: "Ejected instances per version (\(by))" + leftOut(versions.count, of: all, .version) + marked,
                              yLabel: "instances ejected")
        chart.wholeNumbers = true
        for (index, version) in versions.enumerated() {
            chart.lines.append(ChartLine(label: version, points: rows.of(.version, version).map { point($0, $0.ejected.map(Double.init)) }, colour: index))
        }
        chart.markers = Array(markers.prefix(maximumMarkers))
        return chart
    }

    /// Past the threshold, the `maximumLines` versions with the most ejections, the worst
    /// first among equals; `all` counts the versions.
    static func mostEjected(_ r: RunResult) -> (names: [String], all: Int) {
        let ranked = ShownScopes.worstFirst(r.summary.indices.filter { r.summary[$0].scope == .version }, r.summary.map(ShownScopes.Rank.init))
        let position = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
        let names = ranked.sorted { a, b in
            r.summary[a].ejections != r.summary[b].ejections ? r.summary[a].ejections > r.summary[b].ejections : position[a, default: 0] < position[b, default: 0]
        }.prefix(maximumLines).map { r.summary[$0].name }
        return (names, ranked.count)
    }

    /// The canary version's route weight, each analysis check marked on the line, and the
    /// promotion or rollback as a vertical line; only with a rollout.
    static func canary(_ r: RunResult, _ rows: ScopeRows) -> LineChart? {
        guard let rollout = r.rollout else { return nil }
        let name = "\(rollout.service)/\(rollout.canary)"
        let rows = rows.of(.version, name)
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
