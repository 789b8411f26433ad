import Engine

/// events.csv: the run's events in the order of `RunResult.events` (by time, then as produced).
public enum EventsReport {
    public static let header = ["t_s", "kind", "target", "detail"]

    public static func csv(_ r: RunResult) -> String {
        var table = CSVTable(header: header)
        for row in rows(r) { table.append(row) }
        return table.text
    }

    /// The cells of each row under `header`, as written to the file (report.html shows them too).
    public static func rows(_ r: RunResult) -> [[String]] {
        r.events.map { [NumberFormat.seconds($0.time), $0.kind, $0.target, $0.detail] }
    }
}
