import Engine

/// The report files of one run that come from its `RunResult`. junit.xml (assertions) and
/// compare.csv are written elsewhere and can be appended to this list before writing.
public enum RunReports {
    /// summary.csv, timeseries.csv, events.csv, responses.csv, in that order.
    public static func files(for r: RunResult) -> [(name: String, contents: String)] {
        [
            ("summary.csv", SummaryReport.csv(r)),
            ("timeseries.csv", TimeseriesReport.csv(r)),
            ("events.csv", EventsReport.csv(r)),
            ("responses.csv", ResponsesReport.csv(r)),
        ]
    }
}
