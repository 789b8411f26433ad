import Engine
import Experiments
import Scenario
import Testing

@testable import Reports

/// report.html of an experiment's top folder, read back through the charts' tick labels
/// (ChartReading): a band is the t-interval of the replications' own values, a sweep's
/// points sit at their axis values, and the same outcomes give the same bytes.
@Suite struct ExperimentPageTests {
    static func row(_ end: Int64, _ scope: ScopeKind = .total, _ name: String = "all", p99 ms: Int64) -> TimeseriesRow {
        TimeseriesRow(
            end: end * 1_000_000_000, scope: scope, name: name, requests: 600, rps: 60, ok: 600, errors: 0, rateLimited: 0,
            p50: ms * 400_000, p99: ms * 1_000_000, ejected: nil, weight: nil)
    }

    static func total(p99 ms: Int64, requests: Int = 1000) -> ScopeSummary {
        let ns = ms * 1_000_000
        return ScopeSummary(
            scope: .total, name: "all", counts: ScopeCounts(requests: requests, ok: requests),
            latency: LatencySummary(p50: ns / 2, p90: ns, p95: ns, p99: ns, p999: ns, max: ns, mean: Double(ns) / 2))
    }

    /// Four replications of a run over 20 s in 10 s intervals; p99 at t = 20 s is 100, 104,
    /// 110 and 122 ms; a fault from 5 s to 12 s; two clients, one whose name needs escaping.
    static func replicationsOfARun(name: String = "<b>web</b> & co") -> (ExperimentPlan, [UnitOutcome]) {
        let plan = ExperimentPlan(
            command: .run, scenarioName: "shop <script>", seed: 7, setups: [.init(name: "shop", assertions: ["p99 < 200ms"])], replications: 4)
        let outcomes = [100, 104, 110, 122].enumerated().map { k, p99 in
            UnitOutcome(
                unit: k, summary: [total(p99: Int64(p99))], countedDuration: 20_000_000_000,
                assertions: [AssertionMeasurement(value: .number(Double(p99) * 1e6), text: "\(p99).000 ms", passed: true)],
                timeseries: [
                    row(10, p99: 50), row(10, .client, name, p99: 60), row(10, .client, "mobile", p99: 40),
                    row(20, p99: Int64(p99)), row(20, .client, name, p99: 70), row(20, .client, "mobile", p99: 45),
                ],
                events: [
                    EventRecord(time: 5_000_000_000, kind: "fault_start", target: "db", detail: "abort"),
                    EventRecord(time: 12_000_000_000, kind: "fault_end", target: "db", detail: "abort"),
                ],
                duration: 20_000_000_000, interval: 10_000_000_000)
        }
        return (plan, outcomes)
    }

    static func page(_ plan: ExperimentPlan, _ outcomes: [UnitOutcome]) throws -> String {
        try #require(ExperimentReports.files(plan: plan, outcomes: outcomes, policy: .fail).first { $0.name == "report.html" }?.contents)
    }

    /// The vertices of a band polygon in SVG coordinates: the upper edge left to right, then the lower right to left.
    static func band(_ chart: ChartReading, _ label: String) throws -> [(x: Double, y: Double)] {
        let polygon = try #require(chart.elements("polygon", className: "band").first { ChartReading.attribute("data-label", of: $0) == label })
        return (ChartReading.attribute("points", of: polygon) ?? "").split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").compactMap { Double($0) }
            return (xy.first ?? .nan, xy.last ?? .nan)
        }
    }

    @Test func aBandAtOneIntervalIsTheTIntervalOfTheReplicationsThere() throws {
        let (plan, outcomes) = Self.replicationsOfARun()
        let page = try Self.page(plan, outcomes)
        let chart = try #require(try ChartReading.charts(in: page).first { $0.title == "Latency p99" })
        // At 20 s: mean 109; s² = (81 + 25 + 1 + 169) / 3 = 92, s = 9.5916630;
        // half-width t(0.975, 3) · s / √4 = 3.182446305 · 9.5916630 / 2 = 15.2624763.
        let band = try Self.band(chart, "all clients 95% interval")
        #expect(band.count == 4)
        let (upper, lower) = (band[1], band[2])
        #expect(abs(chart.xValue(at: upper.x) - 20) < 0.01 && abs(chart.xValue(at: lower.x) - 20) < 0.01)
        // Coordinates carry two decimals; the y axis spans about 140 ms over some 250 px.
        #expect(abs(chart.yValue(at: upper.y) - (109 + 15.2624763)) < 0.01)
        #expect(abs(chart.yValue(at: lower.y) - (109 - 15.2624763)) < 0.01)
        let mean = try #require(chart.polylines("all clients (mean)").first)
        #expect(mean.count == 2 && abs(chart.yValue(at: mean[1].y) - 109) < 0.01 && abs(chart.yValue(at: mean[0].y) - 50) < 0.01)
        // The client's values are the same in every replication: its interval is the value, 70 at 20 s.
        let client = try Self.band(chart, "<b>web</b> & co 95% interval")
        #expect(abs(chart.yValue(at: client[1].y) - 70) < 0.01 && abs(chart.yValue(at: client[2].y) - 70) < 0.01)
        #expect(chart.polylines("mobile (mean)").count == 1)
        // The fault window is shaded on every time chart; user strings never reach the page raw.
        #expect(page.components(separatedBy: "<g class=\"window\" data-label=\"fault db\">").count - 1 == 3)
        #expect(!page.contains("shop <script>") && page.contains("shop &lt;script&gt;") && !page.contains("<b>web"))
        #expect(page.contains("✓ assertions: 1 pass of 1 assertions"))
        #expect(page.contains("<td>total</td><td>all</td><td>p99_ms</td><td class=\"num\">4</td><td class=\"num\">109.000</td>"))
    }

    /// A merge builds the page from outcomes read back from the shards' outcomes.csv: the
    /// same bytes as from the outcomes the runs gave, so the intervals, the fault windows and
    /// the duration all come back (a page without them differs).
    @Test func outcomesReadBackFromAShardGiveTheSameBytes() throws {
        var (plan, outcomes) = Self.replicationsOfARun()
        for k in outcomes.indices { outcomes[k].timeseries[0].errors = k }
        let read = try OutcomeCodec.outcomes(OutcomeCodec.csv(outcomes)).get()
        let page = try Self.page(plan, outcomes)
        #expect(try Self.page(plan, read) == page)
        var withoutWindows = outcomes
        for k in withoutWindows.indices { withoutWindows[k].events = [] }
        #expect(try Self.page(plan, withoutWindows) != page)
        let sweep = Self.sweep(values: ["200/s", "50/s"], replications: 2)
        #expect(try Self.page(sweep.0, OutcomeCodec.outcomes(OutcomeCodec.csv(sweep.1)).get()) == Self.page(sweep.0, sweep.1))
    }

    /// A compare sweep over a rate and a second axis; each cell's p99 is 1 ms per request/s
    /// of the first axis's value plus 10 ms per setup and 100 ms per value of the second.
    static func sweep(values: [String], replications: Int) -> (ExperimentPlan, [UnitOutcome]) {
        let plan = ExperimentPlan(
            command: .compare, scenarioName: "shop", seed: 1, setups: [.init(name: "a", assertions: []), .init(name: "b", assertions: [])],
            axes: [.init(path: "clients[name=web].rate", values: values), .init(path: "mesh.enabled", values: ["true", "false"])],
            replications: replications)
        let outcomes = (0..<plan.unitCount).map { index in
            let unit = plan.unit(index)
            let at = plan.coordinates(ofPoint: unit.point)
            let rate = SweepAxisScale(plan.axes[0]).positions[at[0]]
            let ms = Int64(rate) + 10 * Int64(unit.setup) + 100 * Int64(at[1]) + Int64(unit.replication - 1)
            return UnitOutcome(unit: index, summary: [total(p99: ms)], countedDuration: 10_000_000_000)
        }
        return (plan, outcomes)
    }

    @Test func sweepPointsSitAtTheirAxisValuesOneLinePerSetupAndOtherValue() throws {
        let (plan, outcomes) = Self.sweep(values: ["200/s", "50/s", "120/s"], replications: 1)
        let chart = try #require(try ChartReading.charts(in: Self.page(plan, outcomes)).first { $0.title == "Latency p99 (all clients)" })
        let labels = chart.elements("polyline", className: "series").compactMap { ChartReading.attribute("data-label", of: $0) }
        #expect(labels == ["a, mesh.enabled=true", "b, mesh.enabled=true", "a, mesh.enabled=false", "b, mesh.enabled=false"])
        // b with mesh.enabled=false: 10 + 100 ms above the rate, points in x order.
        let line = try #require(chart.polylines("b, mesh.enabled=false").first)
        #expect(line.map { (chart.xValue(at: $0.x) * 100).rounded() / 100 } == [50, 120, 200])
        #expect(zip(line, [160.0, 230, 310]).allSatisfy { abs(chart.yValue(at: $0.y) - $1) < 0.05 } && line.count == 3)
        #expect(chart.elements("polygon", className: "band").isEmpty)
    }

    @Test func aSweepWithReplicationsHasABandAndACategoricalAxisNumbersItsValues() throws {
        let (plan, outcomes) = Self.sweep(values: ["{a: 1}", "{a: 2}"], replications: 2)
        let chart = try #require(try ChartReading.charts(in: Self.page(plan, outcomes)).first { $0.title == "Latency p99 (all clients)" })
        let line = try #require(chart.polylines("a, mesh.enabled=true").first)
        #expect(line.map { (chart.xValue(at: $0.x) * 100).rounded() / 100 } == [1, 2])
        // Positions 1 and 2 as p99 "rates" give 1 ms; replications add 0 and 1 ms: mean 1.5,
        // s = √0.5, half-width t(0.975, 1) · √0.5 / √2 = 12.706204736 / 2 = 6.353102368.
        // The low end, −4.853, is drawn at 0 (no latency is negative); sweep.csv keeps it.
        let page = try Self.page(plan, outcomes)
        let band = try Self.band(chart, "a, mesh.enabled=true 95% interval")
        #expect(abs(chart.yValue(at: band[0].y) - (1.5 + 6.353102368)) < 0.01)
        #expect(abs(chart.yValue(at: band[3].y)) < 0.01)
        #expect(page.contains("<td class=\"num\">1.500</td><td class=\"num\">-4.853</td><td class=\"num\">7.853</td>"))
        #expect(chart.elements("g", className: "marker event").count == 2)
    }

    @Test func aQuantityAxisAfterACategoricalOneGoesOnX() throws {
        let plan = ExperimentPlan(
            command: .run, scenarioName: "shop", seed: 1, setups: [.init(name: "shop", assertions: [])],
            axes: [.init(path: "mesh.enabled", values: ["false", "true"]), .init(path: "clients[name=web].rate", values: ["100/s", "300/s"])])
        // p99 = rate / 2 without the mesh, rate / 2 + 40 ms with it.
        let outcomes = (0..<plan.unitCount).map { index in
            let at = plan.coordinates(ofPoint: plan.unit(index).point)
            return UnitOutcome(unit: index, summary: [Self.total(p99: Int64(50 + 100 * at[1] + 40 * at[0]))], countedDuration: 10_000_000_000)
        }
        let page = try Self.page(plan, outcomes)
        #expect(page.contains("<h2>Against clients[name=web].rate</h2>"))
        let chart = try #require(try ChartReading.charts(in: page).first { $0.title == "Latency p99 (all clients)" })
        let line = try #require(chart.polylines("mesh.enabled=true").first)
        #expect(line.count == 2 && abs(chart.xValue(at: line[1].x) - 300) < 0.01 && abs(chart.yValue(at: line[1].y) - 190) < 0.01)
        #expect(chart.polylines("mesh.enabled=false").count == 1)
    }

    @Test func aRunWithOneClientChartsTheClientNotTheSameLineTwice() throws {
        let (plan, outcomes) = Self.replicationsOfARun()
        let one = outcomes.map { outcome in
            var kept = outcome
            kept.timeseries.removeAll { $0.name == "mobile" }
            return kept
        }
        let chart = try #require(try ChartReading.charts(in: Self.page(plan, one)).first { $0.title == "Latency p99" })
        #expect(chart.polylines("all clients (mean)").isEmpty && chart.polylines("<b>web</b> & co (mean)").count == 1)
    }
}
