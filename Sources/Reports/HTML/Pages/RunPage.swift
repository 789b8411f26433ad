import Engine

/// report.html of one run: the header with the verdict, the run's time charts, and its tables
/// with the same cells as the CSV files beside it.
public enum RunPage {
    public static func html(_ r: RunResult) -> String {
        var page = HTMLPage(title: "meshsim: \(r.scenarioName)")
        header(r, into: &page)
        page.heading("Over time")
        for chart in RunCharts.all(r) { page.chart(chart) }
        if !r.assertions.isEmpty {
            page.heading("Assertions")
            page.append(markup: assertionTable(r.assertions))
        }
        page.heading("Summary (summary.csv)")
        page.append(markup: HTMLTable.html(header: SummaryReport.header, rows: SummaryReport.rows(r)))
        page.heading("Responses (responses.csv)")
        page.append(markup: HTMLTable.html(header: ResponsesReport.header, rows: ResponsesReport.rows(r)))
        page.heading("Events (events.csv)")
        page.details(
            summary: "\(r.events.count) event\(r.events.count == 1 ? "" : "s")",
            markup: HTMLTable.html(header: EventsReport.header, rows: EventsReport.rows(r)))
        return page.html
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
