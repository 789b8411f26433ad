import Testing
import Engine
import Scenario

private typealias T = TestScenarios

/// `Simulator.run` evaluates the scenario's assertions on what it measured.
struct SimulatorAssertionTests {
    /// 50 requests/s evenly spaced for 20 s with a 5 s warmup: 750 counted requests in 15 counted
    /// seconds, each answered in exactly 5 ms by a server that is never busy (one every 20 ms).
    private func scenario(_ texts: [String]) throws -> Scenario {
        Scenario(
            name: "gate", duration: 20 * T.second, warmup: 5 * T.second,
            clients: [T.client("web", target: .service("api"), arrival: .rate(50, .uniform))],
            services: [T.service("api", latency: .constant(5 * T.ms))],
            assertions: try texts.map { try AssertionParser.parse($0, at: T.here) })
    }

    @Test func verdictsFollowTheRun() throws {
        let result = try Simulator.run(scenario([
            "requests == 750", "rps == 50", "p99 == 5ms", "max > 5ms", "error_rate == 0", "requests{service=api} == 750",
        ]))
        #expect(result.assertions.map(\.passed) == [true, true, true, false, true, true])
        #expect(result.assertions.map(\.measured) == ["750", "50.000 rps", "5.000 ms", "5.000 ms", "0.00%", "750"])
    }

    @Test func aScenarioWithoutAssertionsHasNoVerdicts() throws {
        #expect(try Simulator.run(scenario([])).assertions.isEmpty)
    }
}
