import Experiments
import Scenario
import Testing

@testable import Reports

/// report.html of a capacity search, read back through its tick labels: each value tried
/// at its place on the varied axis, the measured mean and interval in the chart's unit, the
/// threshold as a line.
@Suite struct CapacityPageTests {
    static let assertion = Assertion(
        text: "p99 < 300ms", metric: .p99, op: .less, value: .duration(300_000_000), location: SourceLocation(file: "s.yaml", line: 1, column: 1))

    /// p99 measured in three replications, in nanoseconds as an assertion measures it.
    static func step(_ step: Int, _ value: Int64, _ outcome: JudgedAssertion.Outcome, p99 ms: [Double]) -> CapacityStep {
        let judged = JudgedAssertion(
            assertion: assertion, outcome: outcome, estimate: Estimate(ms.map { $0 * 1e6 }), measured: "m\(step)", advice: nil)
        return CapacityStep(step: step, value: value, replications: 3, judged: [judged])
    }

    @Test func eachValueSitsAtItsRateWithTheMeanTheIntervalAndTheThreshold() throws {
        let range = try VariedValue(from: "400/s", to: "700/s", resolution: "25/s")
        // Evaluated in bisection order; the chart reads left to right.
        let steps = [
            Self.step(1, 400, .pass, p99: [100, 110, 120]), Self.step(2, 700, .fail, p99: [3700, 3700, 3700]),
            Self.step(3, 550, .inconclusive, p99: [280, 300, 320]),
        ]
        let page = CapacityPage.html(
            scenarioName: "cap & <co>", seed: 3, path: "clients[name=web].rate", range: range, steps: steps,
            result: CapacityResult(kind: .bracketed, lastPass: 400, firstFail: 700))
        let chart = try #require(try ChartReading.charts(in: page).first { $0.title == "p99 < 300ms" })
        let mean = try #require(chart.polylines("measured (mean)").first)
        // The y axis spans some 4000 ms over about 250 px: 0.01 px is 0.16 ms.
        #expect(zip(mean, [(400.0, 110.0), (550, 300), (700, 3700)]).allSatisfy { vertex, expected in
            abs(chart.xValue(at: vertex.x) - expected.0) < 0.05 && abs(chart.yValue(at: vertex.y) - expected.1) < 0.5
        })
        let threshold = try #require(chart.polylines("threshold < 300").first)
        #expect(threshold.count == 2 && abs(chart.yValue(at: threshold[0].y) - 300) < 0.5)
        // At 550/s: 300 ± t(0.975, 2) · 20 / √3 = 300 ± 4.302652730 · 11.547005 = 300 ± 49.683.
        let band = try #require(chart.elements("polygon", className: "band").first)
        let vertices = (ChartReading.attribute("points", of: band) ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(vertices.count == 6 && abs(chart.yValue(at: vertices[1][1]) - 349.683) < 0.5 && abs(chart.yValue(at: vertices[4][1]) - 250.317) < 0.5)
        #expect(chart.elements("g", className: "marker passed").count == 1 && chart.elements("g", className: "marker failed").count == 1)
        #expect(page.contains("cap &amp; &lt;co&gt;") && !page.contains("<co>"))
        #expect(page.contains("<td class=\"num\">3</td><td>550/s</td>"))
    }
}
