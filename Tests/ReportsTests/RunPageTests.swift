import Testing
import Engine
@testable import Reports

/// report.html of a run, read back as a person would: charts through their tick labels, text
/// as text.
@Suite struct RunPageTests {
    static func chart(_ page: String, titled title: String) throws -> ChartReading? {
        try ChartReading.charts(in: page).first { $0.title == title }
    }

    @Test func theClientsP99Of120msAt60sLandsWhereTheAxesSay() throws {
        let page = RunPage.html(PageRun.result())
        let chart = try #require(try Self.chart(page, titled: "Latency per client"))
        // The interval without a request (t = 70 s) splits the line in two.
        let runs = chart.polylines("web p99")
        #expect(runs.map(\.count) == [6, 2])
        let vertex = try #require(runs.first?.last)
        #expect(abs(chart.xValue(at: vertex.x) - 60) < 0.01)
        #expect(abs(chart.yValue(at: vertex.y) - 120) < 0.01)
        // The time axis runs over the whole run, 0 … 90 s: 90 / 6 = 15 → 1.5 × 10 → 2 × 10, ticks 0 … 80.
        #expect(chart.xTicks.map(\.value) == [0, 20, 40, 60, 80])
        let axis = try #require(chart.elements("path", className: "axis").first.flatMap { ChartReading.attribute("d", of: $0) })
        let right = try #require(axis.split(separator: "L").last?.split(separator: ",").first.flatMap { Double($0) })
        #expect(abs(chart.xValue(at: right) - 90) < 0.01)
    }

    /// An 85 s run at 10 s intervals: the row at 90 s covers 80 … 90 s, five counted seconds
    /// of it, so its p99 of 87 ms is drawn at 90 s; the row at 100 s starts after the run and
    /// holds only the drain, so it is not.
    @Test func theIntervalTheDurationEndsInIsDrawnAndTheDrainIsNot() throws {
        var r = PageRun.result()
        r.duration = 85 * PageRun.second
        r.endTime = 100 * PageRun.second
        r.timeseries.append(PageRun.row(100, .client, "web", p99: 500))
        let chart = try #require(try Self.chart(RunPage.html(r), titled: "Latency per client"))
        let runs = chart.polylines("web p99")
        #expect(runs.map(\.count) == [6, 2])
        let last = try #require(runs.last?.last)
        #expect(abs(chart.xValue(at: last.x) - 90) < 0.01)
        #expect(abs(chart.yValue(at: last.y) - 87) < 0.01)
    }

    @Test func hostileNamesRenderAsText() throws {
        let script = "<script>alert(1)</script>"
        let client = "\"><img src=x onerror=alert(1)>"
        let fault = "</svg><b onmouseover='x'>"
        let page = RunPage.html(PageRun.result(name: script, client: client, fault: fault, mesh: true))
        // The page's own render check is the only script.
        #expect(page.components(separatedBy: "<script").count == 2)
        #expect(!page.contains("<img") && !page.contains("<b "))
        #expect(page.contains("<h1>\(HTMLText.escape(script))</h1>"))
        let charts = try ChartReading.charts(in: page)
        #expect(charts.count == 5)
        #expect(charts.contains { !$0.polylines("\(client) p99").isEmpty })
        #expect(charts.allSatisfy { $0.elements("g", className: "window").allSatisfy { ChartReading.attribute("data-label", of: $0) == "fault \(fault)" } })
    }

    @Test func sameResultSameBytes() {
        #expect(RunPage.html(PageRun.result(mesh: true)) == RunPage.html(PageRun.result(mesh: true)))
    }

    @Test func chartsWithNothingToShowAreLeftOut() throws {
        let titles = try ChartReading.charts(in: RunPage.html(PageRun.result())).map(\.title)
        #expect(titles == [
            "Latency per client", "Latency per version", "Requests per second (all clients)",
            "Errors, rate-limited answers and timeouts per second (all clients)",
        ])
        let meshTitles = try ChartReading.charts(in: RunPage.html(PageRun.result(mesh: true))).map(\.title)
        #expect(meshTitles.last == "Ejected instances per version (outlier detection)")
    }

    @Test func aChartWhoseRowsHaveNoValueSaysSo() throws {
        var r = PageRun.result()
        r.timeseries = r.timeseries.map { row in
            var row = row
            if row.scope == .client { (row.p50, row.p99) = (nil, nil) }
            return row
        }
        let chart = try #require(try Self.chart(RunPage.html(r), titled: "Latency per client"))
        #expect(chart.elements("text", className: "no-data").count == 1)
        #expect(chart.yTicks.isEmpty)
    }

    @Test func theFaultWindowIsShadedFromItsStartToItsEnd() throws {
        var r = PageRun.result()
        // A second fault that never ends lasts to the run's end.
        r.events.append(EventRecord(time: 70 * PageRun.second, kind: "fault_start", target: "late", detail: ""))
        let chart = try #require(try Self.chart(RunPage.html(r), titled: "Requests per second (all clients)"))
        let spans = chart.elements("g", className: "window").compactMap { window -> (Double, Double)? in
            guard let rect = ChartReading.elements(in: window, name: "rect", className: nil).first,
                let x = Double(ChartReading.attribute("x", of: rect) ?? ""), let width = Double(ChartReading.attribute("width", of: rect) ?? "")
            else { return nil }
            return ((chart.xValue(at: x) * 100).rounded() / 100, (chart.xValue(at: x + width) * 100).rounded() / 100)
        }
        #expect(spans.map(\.0) == [20, 70])
        #expect(spans.map(\.1) == [40, 90])
    }

    @Test func ejectionMarkersCountInstancesEjectedByAnyCaller() {
        // Worked by hand: pay/v1/0 ejected by a (1), pay/v1/1 by a (2), pay/v1/0 again by b
        // (still 2 instances), a lets pay/v1/0 back (b still ejects it: 2), b too (1).
        let events = [("eject", "pay/v1/0"), ("eject", "pay/v1/1"), ("eject", "pay/v1/0"), ("uneject", "pay/v1/0"), ("uneject", "pay/v1/0")]
            .enumerated().map { EventRecord(time: Int64($0.offset) * PageRun.second, kind: $0.element.0, target: $0.element.1, detail: "") }
        let markers = EjectionMarkers.markers(events)
        #expect(markers.map(\.y) == [1, 2, 2, 2, 1])
        #expect(markers.map(\.kind) == [.eject, .eject, .eject, .uneject, .uneject])
        #expect(EjectionMarkers.versionName(ofInstance: "orders/v2/3") == "orders/v2")
    }

    @Test func kongHealthChecksEjectOnTheSameChartWithoutAMesh() throws {
        // Two gateway replicas take pay/v1/0 out (1 instance), one brings it back (still 1),
        // the other too (0).
        var r = PageRun.result()
        r.mesh = nil
        r.events = [("kong_unhealthy", "pay/v1/0"), ("kong_unhealthy", "pay/v1/0"), ("kong_healthy", "pay/v1/0"), ("kong_healthy", "pay/v1/0")]
            .enumerated().map { EventRecord(time: Int64($0.offset + 1) * PageRun.second, kind: $0.element.0, target: $0.element.1, detail: "") }
        #expect(EjectionMarkers.markers(r.events).map(\.y) == [1, 1, 1, 0])
        let chart = try #require(try Self.chart(RunPage.html(r), titled: "Ejected instances per version (Kong health checks)"))
        #expect(chart.elements("g", className: "marker eject").count == 2)
    }

    @Test func theCanaryChartMarksChecksOnTheWeightLineAndTheRollback() throws {
        var r = PageRun.result()
        var rollout = RolloutOutcome(
            service: "pay", stable: "v1", canary: "v2", result: .rolledBack, time: 45 * PageRun.second, finalWeight: 0,
            canaryRequests: 100, canaryErrors: 30)
        rollout.checks = [
            AnalysisCheck(time: 20 * PageRun.second, passed: true, detail: "error_rate 0.01 <= 0.05"),
            AnalysisCheck(time: 45 * PageRun.second, passed: false, detail: "error_rate 0.3 > 0.05"),
        ]
        r.rollout = rollout
        let page = RunPage.html(r)
        let chart = try #require(try Self.chart(page, titled: "Canary weight (pay/v2)"))
        #expect(chart.elements("g", className: "marker passed").count == 1)
        #expect(chart.elements("g", className: "marker failed").count == 1)
        let rollback = try #require(chart.elements("g", className: "marker event").first)
        #expect(ChartReading.attribute("data-label", of: rollback) == "rolled back")
        // The passed check at 20 s sits on the line, at the 10% the weight column says.
        let passed = try #require(chart.elements("g", className: "marker passed").first)
        let circle = try #require(ChartReading.elements(in: passed, name: "circle", className: nil).first)
        let cy = try #require(Double(ChartReading.attribute("cy", of: circle) ?? ""))
        #expect(abs(chart.yValue(at: cy) - 10) < 0.01)
        #expect(page.contains("rollout pay v1 → v2: rolled back at 45s"))
    }

    @Test func tablesShowTheCSVCells() {
        let r = PageRun.result()
        let page = RunPage.html(r)
        #expect(page.contains(HTMLTable.html(header: SummaryReport.header, rows: SummaryReport.rows(r))))
        #expect(page.contains(HTMLTable.html(header: ResponsesReport.header, rows: ResponsesReport.rows(r))))
        #expect(page.contains("<details><summary>4 events</summary>"))
        #expect(page.contains("✗ assertions held: 1 of 2"))
        #expect(page.contains("<td>p99{client=web} &lt; 100ms</td><td>120.000 ms</td>"))
    }
}
