import Engine
import Scenario

/// report.html of one run: the header with the verdict, the run's time charts, and its tables
/// with the same cells as the CSV files beside it.
public enum RunPage {
    public static func html(_ r: RunResult) -> String {
        var page = HTMLPage(title: "meshsim: \(r.scenarioName)")
        header(r, into: &page)
        let shown = ShownScopes(r.summary)
        page.heading("Over time")
        if let note = shownNote(r, shown) { page.paragraph(note) }
        for chart in RunCharts.all(r, shown: shown) { page.chart(chart) }
        if !r.assertions.isEmpty {
            page.heading("Assertions")
            page.append(markup: assertionTable(r.assertions))
        }
        page.heading("Summary (summary.csv)")
        page.append(markup: HTMLTable.html(header: SummaryReport.header, rows: shown.rows.map { SummaryReport.row(r.summary[$0]) }))
        if let more = shown.moreLine() { page.paragraph(more) }
        page.heading("Responses (responses.csv)")
        page.append(markup: HTMLTable.html(header: ResponsesReport.header, rows: shownResponses(r, shown)))
        page.heading("Events (events.csv)")
        let events = EventsReport.rows(r)
        let listed = events.count > maximumEvents ? ", the first \(CountText.grouped(maximumEvents)) listed (events.csv has all)" : ""
        page.details(
            summary: "\(r.events.count) event\(r.events.count == 1 ? "" : "s")" + listed,
            markup: HTMLTable.html(header: EventsReport.header, rows: Array(events.prefix(maximumEvents))))
        return page.html
    }

    /// Past `ShownScopes.threshold` scopes, what the charts and tables leave out.
    /// Events the page lists: events.csv has them all, and a table of thousands helps no reader.
    static let maximumEvents = 1_000

    static func shownNote(_ r: RunResult, _ shown: ShownScopes) -> String? {
        guard shown.omitted > 0 else { return nil }
        return "\(CountText.grouped(r.summary.count)) scopes: the charts and tables show the total and, of each kind of scope, "
            + "the worst (the most errors, then the highest p99, then the most requests): up to \(ShownScopes.perKind) in a table "
            + "and \(RunCharts.maximumLines) in a chart. summary.csv, timeseries.csv and responses.csv have every scope."
    }

    /// responses.csv's rows of the scopes the summary table shows.
    static func shownResponses(_ r: RunResult, _ shown: ShownScopes) -> [[String]] {
        guard shown.omitted > 0 else { return ResponsesReport.rows(r) }
        let kept = Set(shown.rows.map { "\(r.summary[$0].scope.rawValue)\u{0}\(r.summary[$0].name)" })
        return ResponsesReport.rows(r).filter { kept.contains("\($0[0])\u{0}\($0[1])") }
    }

    /// Name, seed, times and version, then the verdict: assertions held, and the rollout's line.
    static func header(_ r: RunResult, into page: inout HTMLPage) {
        page.heading(r.scenarioName, level: 1)
        page.paragraph(
            "seed \(r.seed) · duration \(NumberFormat.seconds(r.duration)) s · run ended at \(NumberFormat.seconds(r.endTime)) s"
                + " · interval \(NumberFormat.seconds(r.interval)) s · meshsim \(MeshsimVersion.current)",
            className: "meta")
        if let verdict = verdict(r.assertions) { page.append(markup: "<p class=\"verdict\">\(verdict)</p>") }
        if let rollout = r.rollout {
            let good = rollout.result == .promoted
            page.append(markup: "<p class=\"verdict \(good ? "ok" : "fail")\">\(HTMLText.escape(RolloutLine.render(rollout)))</p>")
        }
    }

    /// "✓ assertions held: 3 of 3" or "✗ assertions held: 2 of 3", coloured; nil without assertions.
    static func verdict(_ assertions: [AssertionVerdict]) -> String? {
        guard !assertions.isEmpty else { return nil }
        let held = assertions.filter(\.passed).count
        let ok = held == assertions.count
        return "<span class=\"\(ok ? "ok" : "fail")\">\(ok ? "✓" : "✗") assertions held: \(held) of \(assertions.count)</span>"
    }

    static func assertionTable(_ assertions: [AssertionVerdict]) -> String {
        HTMLTable.html(
            header: ["", "assertion", "measured"],
            rows: assertions.map { [$0.passed ? "✓" : "✗", $0.assertion.text, $0.measured] })
    }
}
