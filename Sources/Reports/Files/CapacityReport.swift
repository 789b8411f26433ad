import Experiments

/// capacity.csv: one row per value the search evaluated, in the order evaluated, with the
/// varied path as the value column's header.
public enum CapacityReport {
    public static func csv(path: String, range: VariedValue, steps: [CapacityStep]) -> String {
        var table = CSVTable(header: ["step", path, "n", "verdict", "failing"])
        for step in steps {
            table.append([String(step.step), range.text(step.value), String(step.replications), step.verdict.rawValue,
                          step.failing.joined(separator: "; ")])
        }
        return table.text
    }
}
