import Engine
import Experiments

/// The charts of a sweep: p99, error rate and requests/s of all clients against one axis's
/// values, one line per setup × value of the other axes; with replications the line is the
/// mean and the band its 95% interval. The x axis is the first axis whose values are
/// quantities (a rate, a duration, a number), else the first: a sweep of `mesh.enabled`
/// × rate reads best as two lines over the rate.
enum SweepCharts {
    /// One cell's place in the grid and the estimates of its total scope (one value each
    /// without replications, which gives no interval).
    struct Cell {
        var point: Int
        var setup: Int
        var total: ScopeEstimates?
    }

    static let metrics: [(metric: SummaryMetric, scale: Double, title: String, yLabel: String)] = [
        (.p99, 1, "Latency p99 (all clients)", "p99 (ms)"),
        (.errorRate, 100, "Error rate (all clients)", "error rate (%)"),
        (.rps, 1, "Requests per second (all clients)", "requests/s"),
    ]

    /// The index of the axis on x; 0 without a sweep.
    static func xAxis(_ plan: ExperimentPlan) -> Int {
        plan.axes.firstIndex { SweepAxisScale($0).numeric } ?? 0
    }

    static func charts(_ plan: ExperimentPlan, _ cells: [Cell]) -> [LineChart] {
        let x = xAxis(plan)
        guard x < plan.axes.count else { return [] }
        let axis = plan.axes[x]
        let scale = SweepAxisScale(axis)
        let lines = lineKeys(plan, cells, xAxis: x)
        return metrics.map { metric in
            var chart = LineChart(title: metric.title, xLabel: scale.label, yLabel: metric.yLabel)
            for (index, line) in lines.enumerated() {
                let points = line.cells.map { cell in
                    (x: scale.positions[plan.coordinates(ofPoint: cell.point)[x]], estimate: cell.total?[metric.metric])
                }.sorted { $0.x < $1.x }
                chart.lines.append(ChartLine(
                    label: line.label, points: points.map { ChartPoint(x: $0.x, y: $0.estimate.map { $0.mean * metric.scale }) },
                    colour: index, dashed: index / ChartPalette.colours.count % 2 == 1))
                let band = points.compactMap { point -> (x: Double, low: Double, high: Double)? in
                    guard let low = point.estimate?.low, let high = point.estimate?.high else { return nil }
                    return (point.x, max(low, 0) * metric.scale, high * metric.scale)
                }
                if !band.isEmpty { chart.bands.append(ChartBand(label: "\(line.label) 95% interval", points: band, colour: index)) }
            }
            if !scale.numeric {
                chart.xRange = 0.5...(Double(axis.values.count) + 0.5)
                chart.markers = zip(scale.positions, axis.values).map { ChartMarker(x: $0, y: nil, kind: .event, label: $1) }
            }
            return chart
        }
    }

    /// The cells of each line, lines in the order their first cell comes: the setup's name
    /// in a compare, then `path=value` of every axis but the one on x.
    private static func lineKeys(_ plan: ExperimentPlan, _ cells: [Cell], xAxis: Int) -> [(label: String, cells: [Cell])] {
        var lines: [(label: String, cells: [Cell])] = []
        var index: [[Int]: Int] = [:]
        for cell in cells {
            // By setup and coordinates, not by label: two names may print alike.
            var key = plan.coordinates(ofPoint: cell.point)
            key[xAxis] = cell.setup
            if let at = index[key] {
                lines[at].cells.append(cell)
                continue
            }
            var parts = plan.command == .compare ? [plan.setups[cell.setup].name] : []
            parts += zip(plan.axes, plan.values(ofPoint: cell.point)).enumerated().filter { $0.offset != xAxis }.map { "\($1.0.path)=\($1.1)" }
            index[key] = lines.count
            lines.append((parts.isEmpty ? plan.scenarioName : parts.joined(separator: ", "), [cell]))
        }
        return lines
    }
}
