import Engine
import Experiments
import Scenario
import Testing
@testable import Reports

/// Past 50 summary rows the terminal and report.html show the total and each kind's 20 worst
/// rows; below, every row as summary.csv lists them.
@Suite struct ShownScopesTests {
    /// 60 rows: the total, 2 clients, 30 services and 27 versions. Service sK has a p99 of K ms
    /// and no errors, except s7 (5 errors) and s3 (2); version sK/v1 saw K requests and none
    /// measured a latency.
    static func summary(services: Int = 30, versions: Int = 27) -> [ScopeSummary] {
        var rows = [
            ScopeSummary(scope: .total, name: "all", counts: ScopeCounts(requests: 1000), latency: nil),
            ScopeSummary(scope: .client, name: "web", counts: ScopeCounts(requests: 600), latency: nil),
            ScopeSummary(scope: .client, name: "app", counts: ScopeCounts(requests: 400), latency: nil),
        ]
        for k in 0..<services {
            let errors = k == 7 ? 5 : k == 3 ? 2 : 0
            let ms = Nanoseconds(k) * 1_000_000
            rows.append(ScopeSummary(
                scope: .service, name: "s\(k)", counts: ScopeCounts(requests: 100, ok: 100 - errors, errors: errors),
                latency: LatencySummary(p50: ms, p90: ms, p95: ms, p99: ms, p999: ms, max: ms, mean: 0)))
        }
        for k in 0..<versions {
            rows.append(ScopeSummary(scope: .version, name: "s\(k)/v1", counts: ScopeCounts(requests: k), latency: nil))
        }
        return rows
    }

    /// By hand: the errors first (s7, then s3), then p99 from s29 down to s12 (18 more); the
    /// versions by requests, s26/v1 down to s7/v1. 60 − (1 + 2 + 20 + 20) = 17 left out.
    @Test func pastTheThresholdEachKindKeepsItsWorst() {
        let summary = Self.summary()
        let shown = ShownScopes(summary)
        let names = shown.rows.map { summary[$0].name }
        #expect(names == ["all", "web", "app", "s7", "s3"] + (12...29).reversed().map { "s\($0)" } + (7...26).reversed().map { "s\($0)/v1" })
        #expect(shown.omitted == 17)
        #expect(shown.moreLine() == "… 17 more scopes in summary.csv")
    }

    /// 50 rows (the total, 2 clients, 30 services, 17 versions): every row, in order.
    @Test func atTheThresholdEveryRowShows() {
        let summary = Self.summary(versions: 17)
        #expect(summary.count == 50)
        let shown = ShownScopes(summary)
        #expect(shown.rows == Array(0..<50))
        #expect(shown.omitted == 0)
        #expect(shown.moreLine() == nil)
    }

    /// Both terminal tables: a header, the 43 rows shown, then the line counting the rest.
    @Test func theTerminalTablesEndWithTheCount() {
        let run = RunResult(scenarioName: "big", seed: 1, endTime: 0, summary: Self.summary(), timeseries: [], events: [], responses: [])
        let tables = SummaryTable.render(run).components(separatedBy: "\n\n")
        #expect(tables.count == 2)
        for table in tables {
            let lines = table.split(separator: "\n")
            #expect(lines.count == 1 + 43 + 1)
            #expect(lines.last == "… 17 more scopes in summary.csv")
            #expect(lines[4].hasPrefix("service  s7 "))
        }
    }

    /// report.html of the same run, each scope with one interval: the version chart draws the
    /// 8 worst versions and says so in its title; the summary table has the 43 rows shown.
    @Test func thePageChartsTheWorstAndCountsTheRest() throws {
        let summary = Self.summary()
        var r = RunResult(
            scenarioName: "big", seed: 1, endTime: 10 * PageRun.second, summary: summary,
            timeseries: summary.map { PageRun.row(10, $0.scope, $0.name, p99: 5) }, events: [], responses: [])
        r.duration = 10 * PageRun.second
        r.interval = 10 * PageRun.second
        let page = RunPage.html(r)
        let chart = try #require(try RunPageTests.chart(page, titled: "Latency per version: the 8 worst of 27 versions"))
        let labels = chart.elements("polyline", className: "series").compactMap { ChartReading.attribute("data-label", of: $0) }
        #expect(labels == (19...26).reversed().flatMap { ["s\($0)/v1 p99", "s\($0)/v1 p50"] })
        // Two clients: their chart keeps them both and its title.
        #expect(try RunPageTests.chart(page, titled: "Latency per client") != nil)
        #expect(page.contains("<p>… 17 more scopes in summary.csv</p>"))
        let start = try #require(page.range(of: "Summary (summary.csv)"))
        let end = try #require(page.range(of: "Responses (responses.csv)"))
        #expect(page[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 1 == 1 + 43)
    }

    /// The ejection chart past the threshold: the versions that ejected most (s3/v1 twice,
    /// s5/v1 once), then the worst of the others (most requests: s26/v1 down).
    @Test func theEjectionChartDrawsTheVersionsThatEjectedMost() {
        var summary = Self.summary()
        for index in summary.indices where summary[index].name == "s3/v1" || summary[index].name == "s5/v1" {
            summary[index].ejections = summary[index].name == "s3/v1" ? 2 : 1
        }
        let r = RunResult(scenarioName: "big", seed: 1, endTime: 0, summary: summary, timeseries: [], events: [], responses: [])
        let (names, all) = RunCharts.mostEjected(r)
        #expect(names == ["s3/v1", "s5/v1", "s26/v1", "s25/v1", "s24/v1", "s23/v1", "s22/v1", "s21/v1"])
        #expect(all == 27)
    }

    /// `run --replications` past the threshold: the same rows by their means (one value each,
    /// so the means are the run's counts), and the count names summary-ci.csv.
    @Test func theReplicationsTableKeepsTheWorstByMean() {
        let scopes = Self.summary().map { row in
            ScopeEstimates(scope: row.scope, name: row.name, replications: 1, estimates: SummaryMetric.allCases.map { metric in
                metric.value(row, countedDuration: 1_000_000_000).flatMap { Estimate([$0]) }
            })
        }
        let lines = SummaryCITable.render(scopes, replications: 1).split(separator: "\n")
        #expect(lines.last == "… 17 more scopes in summary-ci.csv")
        #expect(lines.filter { $0.hasPrefix("service ") }.map { $0.split(separator: " ")[1] }.prefix(3) == ["s7", "s3", "s29"])
        #expect(lines.filter { $0.hasPrefix("version ") }.count == 20)
    }
}
