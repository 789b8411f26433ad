import Engine

/// The report files of one run that come from its `RunResult`. compare.csv is written
/// elsewhere and can be appended to this list before writing.
public enum RunReports {
    /// summary.csv, timeseries.csv, events.csv, responses.csv, in that order, then locality.csv
    /// when a zone is set somewhere, then junit.xml
    /// when the scenario has assertions, then report.html, then metrics.om when the run kept
    /// its telemetry (`metrics: openmetrics`), its timestamps counted from `metricsStart`.
    public static func files(for r: RunResult, metricsStart: EpochTime = .defaultStart) -> [(name: String, contents: String)] {
        var files = [
            ("summary.csv", SummaryReport.csv(r)),
            ("timeseries.csv", TimeseriesReport.csv(r)),
            ("events.csv", EventsReport.csv(r)),
            ("responses.csv", ResponsesReport.csv(r)),
        ]
        if let locality = r.locality { files.append(("locality.csv", LocalityReport.csv(locality))) }
        if !r.assertions.isEmpty { files.append(("junit.xml", JUnitReport.xml(r))) }
        files.append(("report.html", RunPage.html(r)))
        if r.telemetry != nil { files.append(("metrics.om", OpenMetricsReport.text(r, start: metricsStart))) }
        return files
    }
}
