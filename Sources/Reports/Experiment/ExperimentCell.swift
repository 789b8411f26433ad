import Engine
import Experiments
import Scenario

/// One cell of an experiment — a sweep point of one setup — with its replications'
/// outcomes in order and its assertions judged over them.
struct ExperimentCell {
    var point: Int
    var setup: Int
    var outcomes: [UnitOutcome]
    var judged: [JudgedAssertion]

    /// The cells in unit order (point-major, then setup). `outcomes` are every unit's, in
    /// unit order, as an unsharded run or a merge has them.
    static func cells(_ plan: ExperimentPlan, _ outcomes: [UnitOutcome]) -> [ExperimentCell] {
        var cells: [ExperimentCell] = []
        var start = 0
        while start < outcomes.count {
            let unit = plan.unit(outcomes[start].unit)
            let end = min(start + plan.replications, outcomes.count)
            let replications = Array(outcomes[start..<end])
            let assertions = plan.setups[unit.setup].assertions.map(ExperimentReports.assertion)
            let judged = AssertionJudge.judge(assertions, replications: replications.map(\.assertions))
            cells.append(ExperimentCell(point: unit.point, setup: unit.setup, outcomes: replications, judged: judged))
            start = end
        }
        return cells
    }

    /// The cell's name in a junit suite: ` [canary]` for a compare setup, then
    /// ` [rate=200/s, replicas=2]` for a sweep point; empty for a run without a sweep.
    func suiteSuffix(_ plan: ExperimentPlan) -> String {
        var suffix = ""
        if plan.command == .compare { suffix += " [\(plan.setups[setup].name)]" }
        if !plan.axes.isEmpty {
            suffix += " [" + zip(plan.axes, plan.values(ofPoint: point)).map { "\($0.path)=\($1)" }.joined(separator: ", ") + "]"
        }
        return suffix
    }

    /// `pass`, `fail` or `inconclusive` for the cell's assertions together; empty without.
    var verdict: String {
        AssertionJudge.verdict(judged)?.rawValue ?? ""
    }
}
