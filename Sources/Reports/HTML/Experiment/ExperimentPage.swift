import Experiments

/// report.html of an experiment's top folder: replications of a run or of a compare (time
/// charts with 95% bands), or a sweep (each metric against the first axis's values). Built
/// from the plan, the cells' outcomes and the files assembled beside it, so the unsharded
/// run and `meshsim merge` write the same page.
enum ExperimentPage {
    /// Replications without a sweep: the header, the time charts, the judged assertions, and
    /// summary-ci.csv (a run) or compare-ci.csv (a compare) as a table.
    static func replications(
        _ plan: ExperimentPlan, _ cells: [ExperimentCell], files: [(name: String, contents: String)], policy: InconclusivePolicy
    ) -> String {
        var page = HTMLPage(title: "meshsim: \(plan.scenarioName) (\(plan.replications) replications)")
        header(plan, cells, policy: policy, into: &page)
        page.heading("Over time: mean and 95% interval across replications")
        let charts = plan.command == .compare
            ? ReplicationCharts.compare(cells.map { (plan.setups[$0.setup].name, $0.outcomes) })
            : ReplicationCharts.run(cells.first?.outcomes ?? [])
        for chart in charts { page.chart(chart) }
        if cells.contains(where: { !$0.judged.isEmpty }) {
            page.heading("Assertions over \(plan.replications) replications")
            page.append(markup: JudgedAssertionTable.html(plan, cells))
        }
        let name = plan.command == .compare ? "compare-ci.csv" : "summary-ci.csv"
        page.heading("Estimates (\(name))")
        let rows = CSVReader.rows(files.first { $0.name == name }?.contents ?? "") ?? []
        page.details(summary: "\(max(rows.count - 1, 0)) rows: every scope and metric, mean and 95% interval", markup: table(rows))
        return page.html
    }

    /// A sweep, with or without replications: the header, each metric against the first
    /// axis, and sweep.csv as a table.
    static func sweep(
        _ plan: ExperimentPlan, _ cells: [ExperimentCell], totals: [ScopeEstimates?], files: [(name: String, contents: String)],
        policy: InconclusivePolicy
    ) -> String {
        var page = HTMLPage(title: "meshsim: \(plan.scenarioName) (sweep)")
        header(plan, cells, policy: policy, into: &page)
        let against = plan.axes.isEmpty ? "" : plan.axes[SweepCharts.xAxis(plan)].path
        page.heading(plan.replications > 1 ? "Against \(against): mean and 95% interval" : "Against \(against)")
        let chartCells = zip(cells, totals).map { SweepCharts.Cell(point: $0.point, setup: $0.setup, total: $1) }
        for chart in SweepCharts.charts(plan, chartCells) { page.chart(chart) }
        let rows = CSVReader.rows(files.first { $0.name == "sweep.csv" }?.contents ?? "") ?? []
        page.heading("Every point (sweep.csv)")
        page.details(summary: "\(max(rows.count - 1, 0)) rows", markup: table(rows))
        return page.html
    }

    /// Name; seed, replications, setups, sweep and version; then the verdict.
    private static func header(_ plan: ExperimentPlan, _ cells: [ExperimentCell], policy: InconclusivePolicy, into page: inout HTMLPage) {
        page.heading(plan.scenarioName, level: 1)
        var meta = ["seed \(plan.seed)", plan.replications == 1 ? "1 run per point" : "\(plan.replications) replications"]
        if plan.command == .compare { meta.append("setups " + plan.setups.map(\.name).joined(separator: ", ")) }
        for axis in plan.axes {
            // A long axis by its ends: sweep.csv below lists every value.
            let values = axis.values.count <= 8 ? axis.values : Array(axis.values.prefix(3)) + ["…"] + axis.values.suffix(2)
            meta.append("sweep \(axis.path) = " + values.joined(separator: ", ") + (axis.values.count > 8 ? " (\(axis.values.count) values)" : ""))
        }
        if plan.axes.isEmpty, let first = cells.first?.outcomes.first {
            meta.append("duration \(NumberFormat.seconds(first.duration)) s · interval \(NumberFormat.seconds(first.interval)) s")
        }
        meta.append("meshsim \(MeshsimVersion.current)")
        page.paragraph(meta.joined(separator: " · "), className: "meta")
        for line in verdicts(plan, cells, policy: policy) { page.append(markup: line) }
    }

    /// Without a sweep, one line per setup counting its assertions by outcome; in a sweep,
    /// one line counting the cells by verdict. None without assertions.
    private static func verdicts(_ plan: ExperimentPlan, _ cells: [ExperimentCell], policy: InconclusivePolicy) -> [String] {
        let judged = cells.filter { !$0.judged.isEmpty }
        guard !judged.isEmpty else { return [] }
        let note = policy == .pass ? " (inconclusive counts as passing: --inconclusive pass)" : ""
        if !plan.axes.isEmpty {
            let outcomes = judged.compactMap { AssertionJudge.verdict($0.judged) }
            let ok = judged.allSatisfy { cell in cell.judged.allSatisfy { $0.passes(under: policy) } }
            return [verdictLine(ok: ok, mark: mark(outcomes), text: "sweep cells: " + counts(outcomes, of: "cells") + note)]
        }
        return judged.map { cell in
            let outcomes = cell.judged.map(\.outcome)
            let prefix = plan.command == .compare ? "\(plan.setups[cell.setup].name): " : ""
            let ok = cell.judged.allSatisfy { $0.passes(under: policy) }
            return verdictLine(ok: ok, mark: mark(outcomes), text: prefix + "assertions: " + counts(outcomes, of: "assertions") + note)
        }
    }

    /// "2 pass, 1 inconclusive of 3 assertions": each outcome that occurs, fail first.
    private static func counts(_ outcomes: [JudgedAssertion.Outcome], of noun: String) -> String {
        let parts = [JudgedAssertion.Outcome.pass, .fail, .inconclusive].compactMap { outcome -> String? in
            let n = outcomes.filter { $0 == outcome }.count
            return n > 0 ? "\(n) \(outcome.rawValue)" : nil
        }
        return parts.joined(separator: ", ") + " of \(outcomes.count) \(noun)"
    }

    /// ✗ when any failed, ? when any is inconclusive, else ✓.
    static func mark(_ outcomes: [JudgedAssertion.Outcome]) -> String {
        outcomes.contains(.fail) ? "✗" : outcomes.contains(.inconclusive) ? "?" : "✓"
    }

    private static func verdictLine(ok: Bool, mark: String, text: String) -> String {
        "<p class=\"verdict \(ok ? "ok" : "fail")\">\(mark) \(HTMLText.escape(text))</p>"
    }

    /// A CSV file's rows as a table with the same cells; the first row is the header.
    private static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        return HTMLTable.html(header: header, rows: Array(rows.dropFirst()))
    }
}
