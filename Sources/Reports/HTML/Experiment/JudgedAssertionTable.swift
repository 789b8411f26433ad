import Experiments

/// The judged assertions of an experiment's cells as a table: the mark and outcome, the
/// measured mean with its 95% interval, and for an inconclusive one how many replications
/// would likely decide it. A compare names each row's setup.
enum JudgedAssertionTable {
    static func html(_ plan: ExperimentPlan, _ cells: [ExperimentCell]) -> String {
        let compare = plan.command == .compare
        var rows: [[String]] = []
        for cell in cells {
            for judged in cell.judged {
                let row = [
                    ExperimentPage.mark([judged.outcome]), judged.assertion.text, judged.outcome.rawValue, judged.measured, judged.advice ?? "",
                ]
                rows.append(compare ? [plan.setups[cell.setup].name] + row : row)
            }
        }
        let header = ["", "assertion", "outcome", "measured (95% interval)", "advice"]
        return HTMLTable.html(header: compare ? ["setup"] + header : header, rows: rows)
    }
}
