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
