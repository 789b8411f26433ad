import Engine

/// locality.csv: where each service's attempts went, by caller zone and host zone; written
/// only when a zone is set somewhere (`RunResult.locality`).
public enum LocalityReport {
    public static let header = ["service", "from_zone", "to_zone", "attempts", "share"]

    public static func csv(_ rows: [LocalityRow]) -> String {
        var table = CSVTable(header: header)
        for row in rows {
            table.append([row.service, row.fromZone, row.toZone, String(row.attempts), NumberFormat.decimal(row.share, places: 6)])
        }
        return table.text
    }
}
