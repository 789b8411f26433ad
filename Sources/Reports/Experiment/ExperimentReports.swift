import Engine
import Experiments
import Scenario

/// The files, terminal text and verdict an experiment assembles from every unit's outcome.
/// The unsharded run and `meshsim merge` both call these with the same plan and outcomes,
/// which is what makes a merged folder the unsharded one, byte for byte.
public enum ExperimentReports {
    /// The name under which a single run keeps its printed summary (`UnitOutcome.texts`).
    public static let terminalText = "terminal"

    /// The assembled files, beside the units' own (`ExperimentPlan.unitFolder`).
    public static func files(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> [(name: String, contents: String)] {
        if plan.replications == 1, plan.axes.isEmpty {
            guard plan.command == .compare else { return [] }
            return [("compare.csv", CompareReport.csv(compareSetups(plan, outcomes)))]
        }
        return []
    }

    /// What the command prints on stdout once every simulation has run.
    public static func terminal(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> String {
        if plan.replications == 1, plan.axes.isEmpty {
            guard plan.command == .compare else { return outcomes.first?.texts[terminalText] ?? "" }
            return CompareTable.renderWithFailures(compareSetups(plan, outcomes))
        }
        return ""
    }

    /// Whether the command exits 0: every assertion held (and, with replications, none is
    /// inconclusive unless `policy` lets it pass).
    public static func passes(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> Bool {
        ExperimentCell.cells(plan, outcomes).allSatisfy { $0.judged.allSatisfy { $0.passes(under: policy) } }
    }

    /// The setups of a compare without replications or sweep, one outcome each, as the
    /// compare reports take them: the run's summary, mesh usage and assertions.
    private static func compareSetups(_ plan: ExperimentPlan, _ outcomes: [UnitOutcome]) -> [CompareSetup] {
        outcomes.map { outcome in
            let setup = plan.setups[plan.unit(outcome.unit).setup]
            var result = RunResult(
                scenarioName: plan.scenarioName, seed: plan.seed, endTime: 0, summary: outcome.summary, timeseries: [], events: [], responses: [],
                mesh: outcome.mesh)
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
