import Testing
@testable import Reports

/// Expected text worked out by hand from `SampleRun`; header lines copied from outputs-and-cli.md.
@Suite struct RunReportsTests {
    @Test func summaryCSV() {
        let expected = """
            scope,name,requests,ok,errors,error_rate,rate_limited,unauthorized,timeouts,overflows,retries,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,mean_ms,ejections,cache_hits
            total,all,200,190,8,0.040000,2,1,3,1,5,1.235,5.000,12.346,20.000,31.000,2.501,0,0
            client,"web, mobile",3,2,1,0.333333,0,0,0,0,0,,,,,,,0,0
            service,pay,0,0,0,0.000000,0,0,0,0,0,,,,,,,2,0
            version,pay/v2,16000,15999,1,0.000063,0,0,0,0,0,1.000,1.000,1.001,2.000,123456.789,1.000,0,0

            """
        #expect(SummaryReport.csv(SampleRun.result) == expected)
    }

    @Test func timeseriesCSV() {
        let expected = """
            t_s,scope,name,requests,rps,ok,errors,rate_limited,p50_ms,p99_ms,ejected,weight
            10,total,all,25,2.500,24,1,0,1.500,10.000,,
            10,version,pay/v2,0,0.000,0,0,0,,,1,33.333
            12.5,service,pay,7,2.800,7,0,0,2.000,3.000,0,
            12.5,version,pay/v2,3,1.200,2,0,1,1.000,4.000,0,25

            """
        #expect(TimeseriesReport.csv(SampleRun.result) == expected)
    }

    @Test func eventsCSV() {
        let expected = """
            t_s,kind,target,detail
            1.25,fault_start,db-slow,delay 200ms
            3,eject,pay-v2-1,consecutive_5xx=5
            3,rollout_check_failed,pay/v2,"error_rate 0.2 > 0.05, ""canary"" stopped"

            """
        #expect(EventsReport.csv(SampleRun.result) == expected)
    }

    @Test func responsesCSV() {
        let expected = """
            scope,name,code,flag,count
            total,all,200,-,190
            total,all,503,UO,1
            client,"web, mobile",504,UT,1

            """
        #expect(ResponsesReport.csv(SampleRun.result) == expected)
    }

    @Test func emptyRunHasHeadersOnly() {
        let empty = SampleRun.empty
        #expect(EventsReport.csv(empty) == "t_s,kind,target,detail\n")
        #expect(ResponsesReport.csv(empty) == "scope,name,code,flag,count\n")
    }

    @Test func runFilesAreTheFourCSVsInOrderThenThePage() {
        let files = RunReports.files(for: SampleRun.result)
        #expect(files.map(\.name) == ["summary.csv", "timeseries.csv", "events.csv", "responses.csv", "report.html"])
        #expect(files[0].contents == SummaryReport.csv(SampleRun.result))
        #expect(files[3].contents == ResponsesReport.csv(SampleRun.result))
    }
}
