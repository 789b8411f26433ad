import Engine

/// responses.csv: answer counts per scope by status code and response flag.
public enum ResponsesReport {
    public static let header = ["scope", "name", "code", "flag", "count"]

    public static func csv(_ r: RunResult) -> String {
        var table = CSVTable(header: header)
        for response in r.responses {
            table.append([response.scope.rawValue, response.name, String(response.code), response.flag, String(response.count)])
        }
        return table.text
    }
}
