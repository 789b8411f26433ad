import Engine

/// responses.csv: answer counts per scope by status code and response flag.
public enum ResponsesReport {
    public static let header = ["scope", "name", "code", "flag", "count"]

    public static func csv(_ r: RunResult) -> String {
        var table = CSVTable(header: header)
        for row in rows(r) { table.append(row) }
        return table.text
    }

    /// The cells of each row under `header`, as written to the file (report.html shows them too).
    public static func rows(_ r: RunResult) -> [[String]] {
        r.responses.map { [$0.scope.rawValue, $0.name, String($0.code), $0.flag, String($0.count)] }
    }
}
