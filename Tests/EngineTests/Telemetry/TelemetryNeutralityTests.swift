import Engine
import Scenario
import Testing

/// Recording the series changes nothing else: the same run, field by field, with metrics
/// off and on (no extra draw, no extra event, no other row).
@Suite struct TelemetryNeutralityTests {
    @Test(arguments: ["canary-failing", "circuit-breaker", "rate-limits", "outlier-ejection"])
    func aRunWithMetricsIsTheSameRunWithoutThem(name: String) throws {
        var scenario = try TelemetryScenario.teaching(name)
        scenario.metrics = nil
        let off = try Simulator.run(scenario)
        scenario.metrics = .openmetrics
        let on = try Simulator.run(scenario)
        #expect(off.telemetry == nil)
        let telemetry = try #require(on.telemetry)
        #expect(!telemetry.gatewayRequests.isEmpty || !telemetry.mesh.isEmpty)
        #expect(on.endTime == off.endTime)
        #expect(on.summary == off.summary)
        #expect(on.timeseries == off.timeseries)
        #expect(on.events == off.events)
        #expect(on.responses == off.responses)
        #expect(on.mesh == off.mesh)
        #expect(on.rollout == off.rollout)
        #expect(on.assertions == off.assertions)
        #expect(on.duration == off.duration && on.interval == off.interval)
        #expect((on.scenarioName, on.seed) == (off.scenarioName, off.seed))
    }
}
