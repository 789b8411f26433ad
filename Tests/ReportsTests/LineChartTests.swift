import Testing
@testable import Reports

/// Charts read back through their tick labels (ChartReading), never through the chart's scale.
@Suite struct LineChartTests {
    static func latencyChart() -> LineChart {
        var chart = LineChart(title: "Latency", xLabel: "t (s)", yLabel: "p99 (ms)")
        chart.xRange = 0...90
        chart.lines = [
            ChartLine(label: "web p99", points: [
                ChartPoint(x: 0, y: 10), ChartPoint(x: 30, y: 50), ChartPoint(x: 60, y: 120), ChartPoint(x: 90, y: 87),
            ], colour: 0),
            ChartLine(label: "web p50", points: [ChartPoint(x: 30, y: 5), ChartPoint(x: 60, y: nil), ChartPoint(x: 90, y: 7)], colour: 0, dashed: true),
        ]
        return chart
    }

    @Test func aP99Of120msAt60sLandsWhereTheAxesSay() throws {
        let chart = try ChartReading(Self.latencyChart().svg())
        // 120 ms → covering ticks 0, 20, …, 120 (120 / 5 = 24 → 2 × 10); 0…90 s → 0, 20, …, 80.
        #expect(chart.yTicks.map(\.value) == [0, 20, 40, 60, 80, 100, 120])
        #expect(chart.xTicks.map(\.value) == [0, 20, 40, 60, 80])
        let line = try #require(chart.polylines("web p99").first)
        #expect(line.count == 4)
        let vertex = line[2]
        // Coordinates carry two decimals: within 0.01 px, a tiny fraction of a unit here.
        #expect(abs(chart.xValue(at: vertex.x) - 60) < 0.01)
        #expect(abs(chart.yValue(at: vertex.y) - 120) < 0.01)
        #expect(abs(chart.yValue(at: line[3].y) - 87) < 0.01)
    }

    @Test func aGapSplitsTheLineAndALonePointGetsADot() throws {
        let svg = Self.latencyChart().svg()
        let chart = try ChartReading(svg)
        let runs = chart.polylines("web p50")
        #expect(runs.map(\.count) == [1, 1])
        #expect(chart.elements("circle", className: "dot").count == 2)
        #expect(svg.contains("stroke-dasharray=\"6 4\""))
    }

    @Test func aStepLineHoldsEachValueUntilTheNextPoint() throws {
        var chart = LineChart(title: "Weight", xLabel: "t (s)", yLabel: "weight (%)")
        chart.lines = [ChartLine(label: "v2", points: [ChartPoint(x: 0, y: 10), ChartPoint(x: 10, y: 30)], colour: 1, step: true)]
        let reading = try ChartReading(chart.svg())
        let line = try #require(reading.polylines("v2").first)
        let values = line.map { (x: (reading.xValue(at: $0.x) * 100).rounded() / 100, y: (reading.yValue(at: $0.y) * 100).rounded() / 100) }
        #expect(values.map(\.x) == [0, 10, 10])
        #expect(values.map(\.y) == [10, 10, 30])
    }

    @Test func hostileLabelsRenderAsText() throws {
        let hostile = "<script>alert(1)</script> & \"'"
        var chart = LineChart(title: hostile, xLabel: hostile, yLabel: hostile)
        chart.lines = [ChartLine(label: hostile, points: [ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)], colour: 3)]
        chart.windows = [ChartWindow(label: hostile, from: 0.2, to: 0.4)]
        chart.markers = [ChartMarker(x: 0.5, y: nil, kind: .event, label: hostile), ChartMarker(x: 0.5, y: 1, kind: .eject, label: hostile)]
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        let reading = try ChartReading(svg)
        #expect(reading.title == hostile)
        #expect(reading.polylines(hostile).count == 1)
    }

    @Test func windowsMarkersAndBandsAreDrawnAndInTheLegend() throws {
        var chart = Self.latencyChart()
        chart.windows = [ChartWindow(label: "fault db-slow", from: 20, to: 40)]
        chart.markers = [ChartMarker(x: 45, y: 3, kind: .eject, label: "pay-v2-1"), ChartMarker(x: 70, y: 3, kind: .failed, label: "check")]
        chart.bands = [ChartBand(label: "95% interval", points: [(0, 5, 15), (90, 80, 95)], colour: 0)]
        let reading = try ChartReading(chart.svg())
        let window = try #require(ChartReading.elements(in: reading.elements("g", className: "window").first, name: "rect", className: nil).first)
        let left = try #require(Double(ChartReading.attribute("x", of: window) ?? ""))
        let width = try #require(Double(ChartReading.attribute("width", of: window) ?? ""))
        #expect(abs(reading.xValue(at: left) - 20) < 0.01)
        #expect(abs(reading.xValue(at: left + width) - 40) < 0.01)
        #expect(reading.elements("g", className: "marker eject").count == 1)
        #expect(reading.elements("polygon", className: "band").count == 1)
        let legend = reading.elements("g", className: "legend-entry").map {
            ChartReading.elements(in: $0, name: "text", className: nil).first?.stringValue ?? ""
        }
        #expect(legend == ["web p99", "web p50", "95% interval", "fault db-slow", "ejection", "check failed"])
    }

    @Test func aChartWithoutDataSaysSo() throws {
        var chart = LineChart(title: "Ejected instances", xLabel: "t (s)", yLabel: "instances")
        chart.lines = [ChartLine(label: "v1", points: [ChartPoint(x: 10, y: nil)], colour: 0)]
        let reading = try ChartReading(chart.svg())
        #expect(reading.xTicks.isEmpty && reading.yTicks.isEmpty)
        #expect(reading.elements("text", className: "no-data").count == 1)
    }

    @Test func sameChartSameBytes() {
        #expect(Self.latencyChart().svg() == Self.latencyChart().svg())
    }
}
