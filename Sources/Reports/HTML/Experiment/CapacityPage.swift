import Experiments
import Scenario

/// report.html of `meshsim capacity`: the search's answer, then per assertion with a numeric
/// threshold its measured value at each value tried (the mean, with the 95% interval as a
/// band when replications give one) against the varied value, the threshold as a dashed
/// line and each step marked by its verdict, then capacity.csv as a table.
public enum CapacityPage {
    public static func html(
        scenarioName: String, seed: UInt64, path: String, range: VariedValue, steps: [CapacityStep], result: CapacityResult
    ) -> String {
        var page = HTMLPage(title: "meshsim capacity: \(scenarioName)")
        page.heading("\(scenarioName): capacity", level: 1)
        let replications = steps.map(\.replications).max() ?? 1
        page.paragraph(
            "seed \(seed) · \(path) from \(range.text(range.from)) to \(range.text(range.to)) · \(steps.count) values tried"
                + " · \(replications == 1 ? "1 run" : "\(replications) replications") per value · meshsim \(MeshsimVersion.current)",
            className: "meta")
        page.preformatted(CapacityLines.render(path: path, range: range, steps: steps, result: result))
        let charts = self.charts(path: path, range: range, steps: steps)
        if !charts.isEmpty {
            page.heading("Measured against \(path)")
            for chart in charts { page.chart(chart) }
        }
        page.heading("Every value tried (capacity.csv)")
        page.append(markup: HTMLTable.html(header: CapacityReport.header(path: path), rows: CapacityReport.rows(range: range, steps: steps)))
        return page.html
    }

    /// One chart per assertion that has a number to plot, in the scenario's order.
    static func charts(path: String, range: VariedValue, steps: [CapacityStep]) -> [LineChart] {
        let sorted = steps.sorted { $0.value < $1.value }
        let xs = sorted.map { Double(range.text($0.value).dropLast(range.unit.count)) ?? .nan }
        let assertions = steps.first?.judged.map(\.assertion) ?? []
        let xLabel = range.unit.isEmpty ? path : "\(path) (\(range.unit))"
        return assertions.enumerated().compactMap { index, assertion in
            guard let threshold = threshold(assertion) else { return nil }
            let judged = sorted.map { $0.judged.indices.contains(index) ? $0.judged[index] : nil }
            var chart = LineChart(title: assertion.text, xLabel: xLabel, yLabel: "\(assertion.metric.rawValue)\(threshold.unit)")
            let y = { (value: Double?) in value.map { $0 * threshold.scale } }
            chart.lines.append(ChartLine(label: "measured (mean)", points: zip(xs, judged).map { ChartPoint(x: $0, y: y($1?.estimate?.mean)) }, colour: 0))
            let band = zip(xs, judged).compactMap { x, one -> (x: Double, low: Double, high: Double)? in
                guard let low = one?.estimate?.low, let high = one?.estimate?.high else { return nil }
                return (x, max(low, 0) * threshold.scale, high * threshold.scale)
            }
            if !band.isEmpty { chart.bands.append(ChartBand(label: "95% interval", points: band, colour: 0)) }
            if let first = xs.first, let last = xs.last {
                chart.lines.append(ChartLine(
                    label: "threshold \(assertion.op.rawValue) \(NumberFormat.compact(threshold.value, places: 3))",
                    points: [ChartPoint(x: first, y: threshold.value), ChartPoint(x: last, y: threshold.value)], colour: 5, dashed: true))
            }
            chart.markers = zip(xs, judged).compactMap { x, one in
                guard let one, let mean = one.estimate?.mean else { return nil }
                let kind: ChartMarker.Kind = one.outcome == .pass ? .passed : one.outcome == .fail ? .failed : .event
                return ChartMarker(x: x, y: mean * threshold.scale, kind: kind, label: "\(one.outcome.rawValue): \(one.measured)")
            }
            return chart
        }
    }

    /// The threshold in the chart's unit, with the factor from the measurement's unit
    /// (nanoseconds, fractions, counts) to it; nil for a rollout word.
    private static func threshold(_ assertion: Assertion) -> (value: Double, scale: Double, unit: String)? {
        switch assertion.value {
        case .duration(let ns): return (Double(ns) / 1e6, 1e-6, " (ms)")
        case .fraction(let fraction): return (fraction * 100, 100, " (%)")
        case .number(let number): return (number, 1, "")
        case .rolloutResult: return nil
        }
    }
}
