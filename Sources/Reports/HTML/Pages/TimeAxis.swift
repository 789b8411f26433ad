import Engine
import Scenario

/// The x axis every time chart of a run shares: seconds from the start to the run's end.
enum TimeAxis {
    static let label = "t (s)"

    static func seconds(_ ns: Nanoseconds) -> Double {
        Double(ns) / 1e9
    }

    static func milliseconds(_ ns: Nanoseconds) -> Double {
        Double(ns) / 1e6
    }

    /// 0 to the last of the run's end, its duration and its last interval's end.
    static func range(_ r: RunResult) -> ClosedRange<Double> {
        0...max(seconds(max(r.endTime, r.duration, r.timeseries.last?.end ?? 0)), 1e-9)
    }

    /// The chart as the counted part of the run shows it: x from 0 to the duration, the
    /// warmup shaded, and nothing plotted outside (warmup, duration]. An interval in the warmup
    /// counts nothing, and one that starts after the duration holds only the last answers of
    /// requests sent before it: drawn, they read as traffic falling to zero. The CSV keeps both.
    /// A duration that is not a multiple of the interval ends inside an interval, plotted at
    /// its end, the first at or after the duration: it holds counted traffic, so it stays and
    /// the axis reaches it (a 3 s run at a 10 s interval has its one point at 10 s).
    static func counted(_ chart: LineChart, warmup: Nanoseconds, duration: Nanoseconds) -> LineChart {
        guard duration > 0 else { return chart }
        let from = seconds(max(warmup, 0))
        let ends = chart.lines.flatMap { $0.points.map(\.x) } + chart.bands.flatMap { $0.points.map(\.x) }
        let to = ends.filter { $0 >= seconds(duration) }.min() ?? seconds(duration)
        let kept = { (x: Double) in x > from && x <= to }
        var chart = chart
        chart.xRange = 0...to
        for index in chart.lines.indices { chart.lines[index].points.removeAll { !kept($0.x) } }
        for index in chart.bands.indices { chart.bands[index].points.removeAll { !kept($0.x) } }
        chart.markers.removeAll { $0.x > to }
        chart.windows = chart.windows.filter { $0.from < to }.map { window in
            var clipped = window
            clipped.to = min(window.to, to)
            return clipped
        }
        if warmup > 0 { chart.windows.insert(ChartWindow(label: "warmup (not counted)", from: 0, to: min(from, to)), at: 0) }
        return chart
    }

    /// The length in seconds of each row's interval: the scenario's interval (as the rps
    /// column uses), or for a result without one the distance from the previous end of the
    /// same scope and name (the first interval starts at 0).
    static func intervalSeconds(_ r: RunResult, _ rows: [TimeseriesRow]) -> [Double] {
        guard r.interval <= 0 else { return rows.map { _ in seconds(r.interval) } }
        var previous: [String: Nanoseconds] = [:]
        return rows.map { row in
            let key = row.scope.rawValue + "\u{0}" + row.name
            let start = previous[key] ?? 0
            previous[key] = row.end
            return seconds(row.end - start)
        }
    }
}
