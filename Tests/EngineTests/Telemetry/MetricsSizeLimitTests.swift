import Engine
import Foundation
import Scenario
import Testing

/// A run whose metrics.om would be absurd stops early with a message, instead of building a
/// text of gigabytes in memory after the run.
@Suite struct MetricsSizeLimitTests {
    typealias S = TelemetryScenario

    /// One request a second through Kong to orders, which calls stock, all in the mesh: by
    /// the fourth interval end (40 ms) the first request has made 4 Istio series (each hop's
    /// source and destination reporter) and 3 Kong ones (the 200 count, the route's two
    /// histograms).
    private func chain(interval: String) -> String {
        TelemetryScenario.chain(duration: "1000s", interval: interval, rate: "1/s")
    }

    /// 100,000 samples × (4 Istio histograms × 22 lines of ~880 bytes + 33 Kong lines of ~110)
    /// = 100,000 × 81,070 bytes ≈ 8.1 GB: refused at the first interval that shows it.
    @Test func aShortIntervalOverALongRunStopsNamingSeriesSamplesAndTheFix() throws {
        let error = #expect(throws: DiagnosticList.self) { try S.run(chain(interval: "10ms")) }
        let message = try #require(error?.diagnostics.first?.description)
        #expect(message.contains("by t = 0.04 s the run has 7 series"), "\(message)")
        #expect(message.contains("7 × 100,000 samples (interval 10ms over duration 1000s)"), "\(message)")
        #expect(message.contains("at least 8,107 MB, more than the 1,074 MB meshsim writes for this run"), "\(message)")
        #expect(message.contains("use a longer interval or a shorter duration"), "\(message)")
    }

    /// The same run at a 10 s interval: 100 samples × 81,070 bytes ≈ 8 MB, well within.
    @Test func aLongerIntervalRunsToTheEnd() throws {
        let result = try S.run(chain(interval: "10s"))
        #expect(result.telemetry?.sampleTimes.count == 100)
    }

    /// The bound is on the estimate, not on the run's length: a 10 s run at 5 s, estimated at
    /// 2 × 81,070 bytes, stops under a bound of 100 KB and runs under one of 200 KB.
    @Test func theBoundIsTheEstimatedBytes() throws {
        var scenario = try #require(MeshScenario.load(chain(interval: "5s").replacingOccurrences(of: "1000s", with: "10s")))
        scenario.metrics = .openmetrics
        var limits = RunLimits()
        limits.metricsBytes = 100_000
        #expect(throws: DiagnosticList.self) { try Simulator.run(scenario, limits: limits) }
        limits.metricsBytes = 200_000
        #expect(try Simulator.run(scenario, limits: limits).telemetry?.sampleTimes.count == 2)
    }
}
