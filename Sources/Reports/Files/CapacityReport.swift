import Experiments

/// capacity.csv: one row per value the search evaluated, in the order evaluated, with the
/// varied path as the value column's header.
public enum CapacityReport {
    public static func csv(path: String, range: VariedValue, steps: [CapacityStep]) -> String {
        var table = CSVTable(header: header(path: path))
        for row in rows(range: range, steps: steps) { table.append(row) }
        return table.text
    }

    static func header(path: String) -> [String] {
        ["step", path, "n", "verdict", "failing"]
    }

    /// The cells of each row, as written to the file (report.html shows them too).
    static func rows(range: VariedValue, steps: [CapacityStep]) -> [[String]] {
        steps.map { step in
            [String(step.step), range.text(step.value), String(step.replications), step.verdict.rawValue, step.failing.joined(separator: "; ")]
        }
    }
}
