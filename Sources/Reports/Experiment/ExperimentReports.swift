import Engine
import Experiments
import Scenario

/// The files, terminal text and verdict an experiment assembles from every unit's outcome.
/// The unsharded run and `meshsim merge` both call these with the same plan and outcomes,
/// which is what makes a merged folder the unsharded one, byte for byte.
public enum ExperimentReports {
    /// The name under which a single run keeps its printed summary (`UnitOutcome.texts`).
    public static let terminalText = "terminal"

    /// The assembled files, beside the units' own (`ExperimentPlan.unitFolder`): compare.csv
    /// of a plain compare; summary-ci.csv (per setup for compare), compare-ci.csv and
    /// junit.xml with replications; sweep.csv, compare-ci.csv and junit.xml of a sweep; and
    /// last the top folder's report.html (a plain run's is its own run's, written with it).
    public static func files(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> [(name: String, contents: String)] {
        if plan.replications == 1, plan.axes.isEmpty {
            guard plan.command == .compare else { return [] }
            let setups = compareSetups(plan, outcomes)
            // The first setup is the scenario as written (the base of the variants).
            let page = ComparePage.html(scenarioName: plan.scenarioName, seed: plan.seed, duration: outcomes.first?.duration ?? 0, setups: setups)
            return [("compare.csv", CompareReport.csv(setups)), ("report.html", page)]
        }
        let cells = ExperimentCell.cells(plan, outcomes)
        let axes = plan.axes.map(\.path)
        var files: [(name: String, contents: String)] = []
        if plan.axes.isEmpty {
            for cell in cells {
                let folder = plan.command == .compare ? plan.setups[cell.setup].name + "/" : ""
                files.append((folder + "summary-ci.csv", SummaryCIReport.csv(ReplicationSummary.estimates(cell.outcomes))))
                if !cell.judged.isEmpty {
                    files.append((folder + "junit.xml", junit(plan, [cell], policy)))
                }
            }
            if plan.command == .compare {
                files.insert(("compare-ci.csv", CompareCIReport.csv(axes: axes, cells: replicated(plan, cells))), at: 0)
            }
            files.append(("report.html", ExperimentPage.replications(plan, cells, files: files, policy: policy)))
            return files
        }
        let totals: [ScopeEstimates?]
        if plan.replications == 1 {
            files.append(("sweep.csv", SweepReport.csv(axes: axes, cells: singleRuns(plan, cells))))
            // One value each: the charts' points, without an interval.
            totals = cells.map { cell in ReplicationSummary.estimates(cell.outcomes).first { $0.scope == .total } }
        } else {
            let replicated = replicated(plan, cells)
            files.append(("sweep.csv", SweepReport.csv(axes: axes, cells: replicated)))
            if plan.command == .compare { files.append(("compare-ci.csv", CompareCIReport.csv(axes: axes, cells: replicated))) }
            totals = replicated.map { cell in cell.estimates.first { $0.scope == .total } }
        }
        if cells.contains(where: { !$0.judged.isEmpty }) { files.append(("junit.xml", junit(plan, cells, policy))) }
        files.append(("report.html", ExperimentPage.sweep(plan, cells, totals: totals, files: files, policy: policy)))
        return files
    }

    /// What the command prints on stdout once every simulation has run.
    public static func terminal(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> String {
        if plan.replications == 1, plan.axes.isEmpty {
            guard plan.command == .compare else { return outcomes.first?.texts[terminalText] ?? "" }
            return CompareTable.renderWithFailures(compareSetups(plan, outcomes))
        }
        let cells = ExperimentCell.cells(plan, outcomes)
        let axes = plan.axes.map(\.path)
        if !plan.axes.isEmpty {
            return plan.replications == 1
                ? SweepTable.render(axes: axes, cells: singleRuns(plan, cells))
                : SweepTable.render(axes: axes, cells: replicated(plan, cells), replications: plan.replications)
        }
        var parts: [String]
        if plan.command == .compare {
            parts = [CompareCITable.render(replicated(plan, cells), replications: plan.replications)]
            parts += cells.map { JudgedAssertionList.renderUnsettled($0.judged, prefix: "\(plan.setups[$0.setup].name): ") }
        } else {
            parts = [SummaryCITable.render(ReplicationSummary.estimates(cells[0].outcomes), replications: plan.replications)]
            parts += cells.map { JudgedAssertionList.render($0.judged) }
        }
        return parts.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// Whether the command exits 0: every assertion held in every cell (an inconclusive one
    /// only under `--inconclusive pass`).
    public static func passes(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> Bool {
        ExperimentCell.cells(plan, outcomes).allSatisfy { $0.judged.allSatisfy { $0.passes(under: policy) } }
    }

    private static func junit(_ plan: ExperimentPlan, _ cells: [ExperimentCell], _ policy: InconclusivePolicy) -> String {
        ExperimentJUnitReport.xml(scenarioName: plan.scenarioName, cells: cells.map { ($0.suiteSuffix(plan), $0.judged) }, policy: policy)
    }

    private static func singleRuns(_ plan: ExperimentPlan, _ cells: [ExperimentCell]) -> [SingleRunCell] {
        cells.map { cell in
            SingleRunCell(
                point: plan.values(ofPoint: cell.point), variant: variant(plan, cell), verdict: verdict(cell),
                summary: cell.outcomes.first?.summary ?? [])
        }
    }

    /// Each cell with its estimates, and its paired differences to the first setup's cell
    /// at the same point (the cells of a point are adjacent, the first setup's first).
    private static func replicated(_ plan: ExperimentPlan, _ cells: [ExperimentCell]) -> [ReplicatedCell] {
        var baseline: ExperimentCell?
        return cells.map { cell in
            var differences: [ScopeEstimates]?
            if cell.setup == 0 {
                baseline = cell
            } else if let baseline, baseline.point == cell.point {
                differences = ReplicationSummary.differences(cell.outcomes, baseline: baseline.outcomes)
            }
            return ReplicatedCell(
                point: plan.values(ofPoint: cell.point), variant: variant(plan, cell), verdict: verdict(cell),
                estimates: ReplicationSummary.estimates(cell.outcomes), differences: differences)
        }
    }

    private static func variant(_ plan: ExperimentPlan, _ cell: ExperimentCell) -> String? {
        plan.command == .compare ? plan.setups[cell.setup].name : nil
    }

    private static func verdict(_ cell: ExperimentCell) -> String? {
        cell.verdict.isEmpty ? nil : cell.verdict
    }

    /// The setups of a compare without replications or sweep, one outcome each, as the
    /// compare reports take them: the run's summary, intervals, fault events, mesh usage and
    /// assertions.
    private static func compareSetups(_ plan: ExperimentPlan, _ outcomes: [UnitOutcome]) -> [CompareSetup] {
        outcomes.map { outcome in
            let setup = plan.setups[plan.unit(outcome.unit).setup]
            var result = RunResult(
                scenarioName: plan.scenarioName, seed: plan.seed, endTime: 0, summary: outcome.summary, timeseries: outcome.timeseries,
                events: outcome.events, responses: [], mesh: outcome.mesh)
            result.duration = outcome.duration
            result.warmup = outcome.duration - outcome.countedDuration
            result.interval = outcome.interval
            result.assertions = zip(setup.assertions, outcome.assertions).map { text, measurement in
                AssertionVerdict(assertion: assertion(text), measured: measurement.text, passed: measurement.passed)
            }
            return CompareSetup(name: setup.name, result: result, proxyCost: outcome.proxyCost)
        }
    }

    /// An assertion as the plan keeps it, by its text: it parsed when the scenario loaded.
    static func assertion(_ text: String) -> Assertion {
        let location = SourceLocation(file: "assertions", line: 1, column: 1)
        return (try? AssertionParser.parse(text, at: location))
            ?? Assertion(text: text, metric: .requests, op: .greaterOrEqual, value: .number(0), location: location)
    }
}
