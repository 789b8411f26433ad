import Engine
import Experiments
import Scenario

/// The files, terminal text and verdict an experiment assembles from every unit's outcome.
/// The unsharded run and `meshsim merge` both call these with the same plan and outcomes,
/// which is what makes a merged folder the unsharded one, byte for byte.
public enum ExperimentReports {
    public static let compareFile = "compare.csv"

    /// The assembled files, beside the units' own (`ExperimentPlan.unitFolder`).
    public static func files(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> [(name: String, contents: String)] {
        if plan.replications == 1, plan.axes.isEmpty {
            guard plan.command == .compare else { return [] }
            return [(compareFile, CompareReport.header.joined(separator: ",") + "\n" + outcomes.compactMap { $0.rows[compareFile] }.joined())]
        }
        return []
    }

    public static func terminal(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> String {
        ""
    }

    public static func passes(plan: ExperimentPlan, outcomes: [UnitOutcome], policy: InconclusivePolicy) -> Bool {
        outcomes.allSatisfy { $0.assertions.allSatisfy(\.passed) }
    }
}
