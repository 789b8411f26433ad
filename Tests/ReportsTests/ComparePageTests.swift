import Testing
import Engine
import Scenario
@testable import Reports

/// The compare page, read back through the charts' ticks; built from what an experiment keeps.
@Suite struct ComparePageTests {
    static func setups(_ names: [String] = ["gateway-only", "mesh"]) -> [CompareSetup] {
        names.enumerated().map { index, name in
            var r = PageRun.result(mesh: index == 1)
            r.timeseries = r.timeseries.map { row in
                var row = row
                // The second setup is 10 ms slower everywhere.
                row.p99 = row.p99.map { $0 + Int64(index) * 10_000_000 }
                return row
            }
            return CompareSetup(name: name, result: r, proxyCost: Mesh.ProxyCost())
        }
    }

    static func page(_ setups: [CompareSetup]) -> String {
        ComparePage.html(scenarioName: "checkout", seed: 7, duration: 90 * PageRun.second, setups: setups)
    }

    @Test func setupsAreOverlaidOnTheSameAxes() throws {
        let charts = try ChartReading.charts(in: Self.page(Self.setups()))
        #expect(charts.map(\.title) == ["Latency p99 (solid) and p50 (dashed)", "Requests per second", "Errors per second"])
        let latency = charts[0]
        for (name, expected) in [("gateway-only p99", 120.0), ("mesh p99", 130.0)] {
            let vertex = try #require(latency.polylines(name).first?.last)
            #expect(abs(latency.xValue(at: vertex.x) - 60) < 0.01)
            #expect(abs(latency.yValue(at: vertex.y) - expected) < 0.01)
        }
        // 30 errors in the 10 s interval ending at 60 s: 3 errors/s.
        let errors = try #require(charts[2].polylines("mesh").first?[5])
        #expect(abs(charts[2].yValue(at: errors.y) - 3) < 0.01)
    }

    /// The page reads nothing a merged shard lacks: dropping the rest changes no byte.
    @Test func builtOnlyFromWhatAnExperimentKeeps() {
        let full = Self.setups()
        let kept = full.map { setup in
            var r = RunResult(
                scenarioName: "", seed: 0, endTime: 0, summary: setup.result.summary, timeseries: setup.result.timeseries,
                events: setup.result.events.filter { $0.kind == "fault_start" || $0.kind == "fault_end" }, responses: [],
                mesh: setup.result.mesh, assertions: setup.result.assertions)
            r.duration = setup.result.duration
            r.interval = setup.result.interval
            return CompareSetup(name: setup.name, result: r, proxyCost: setup.proxyCost)
        }
        #expect(Self.page(full) == Self.page(kept))
    }

    @Test func linksMeshCostAndCompareTable() {
        let setups = Self.setups(["gateway only", "<mesh>"])
        let page = Self.page(setups)
        #expect(page.contains("<a href=\"gateway%20only/report.html\">gateway only</a>"))
        #expect(page.contains("<a href=\"%3Cmesh%3E/report.html\">&lt;mesh&gt;</a>"))
        #expect(page.contains("<pre>\(HTMLText.escape(MeshCostLines.render(setups)))</pre>"))
        #expect(page.contains(HTMLTable.html(header: CompareReport.header, rows: CompareReport.rows(setups))))
        #expect(page.components(separatedBy: "<script").count == 2)
        let gatewayOnly = Self.page(Self.setups(["a", "b"]).map { CompareSetup(name: $0.name, result: PageRun.result(), proxyCost: $0.proxyCost) })
        #expect(!gatewayOnly.contains("Mesh cost"))
    }

    @Test func aFaultOnlySomeSetupsHaveIsNamedAfterThem() {
        var setups = Self.setups()
        setups[1].result.events.append(EventRecord(time: 70 * PageRun.second, kind: "fault_start", target: "late", detail: ""))
        let windows = ComparePage.sharedWindows(setups, runEnd: 90)
        #expect(windows.map(\.label) == ["fault db-slow", "mesh: fault late"])
        #expect(windows.map(\.to) == [40, 90])
    }
}
