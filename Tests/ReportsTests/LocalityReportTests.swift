import Engine
import Testing
@testable import Reports

/// locality.csv: written only when the run has locality rows; shares with six decimals.
@Suite struct LocalityReportTests {
    @Test func rowsAndHeader() {
        let rows = [
            LocalityRow(service: "api", fromZone: "-", toZone: "r/a", attempts: 3, share: 1),
            LocalityRow(service: "api", fromZone: "r/a", toZone: "r/a", attempts: 2, share: 2.0 / 3),
            LocalityRow(service: "api", fromZone: "r/a", toZone: "r/b", attempts: 1, share: 1.0 / 3),
        ]
        #expect(LocalityReport.csv(rows) == """
            service,from_zone,to_zone,attempts,share
            api,-,r/a,3,1.000000
            api,r/a,r/a,2,0.666667
            api,r/a,r/b,1,0.333333

            """)
    }

    @Test func writtenOnlyWithRows() {
        var result = SampleRun.result
        #expect(!RunReports.files(for: result).map(\.name).contains("locality.csv"))
        result.locality = []
        #expect(RunReports.files(for: result).map(\.name).prefix(5) == [
            "summary.csv", "timeseries.csv", "events.csv", "responses.csv", "locality.csv",
        ])
    }
}
