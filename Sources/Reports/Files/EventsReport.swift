import Engine

/// events.csv: the run's events in the order of `RunResult.events` (by time, then as produced).
public enum EventsReport {
    public static let header = ["t_s", "kind", "target", "detail"]

    public static func csv(_ r: RunResult) -> String {
        var table = CSVTable(header: header)
        for event in r.events {
            table.append([NumberFormat.seconds(event.time), event.kind, event.target, event.detail])
        }
        return table.text
    }
}
