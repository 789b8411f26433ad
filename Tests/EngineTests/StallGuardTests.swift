@testable import Engine
import Scenario
import Testing

@Suite struct StallGuardTests {
    @Test func aLoopThatNeverAdvancesTimeIsStoppedWithAnError() {
        // Closed-loop users with no think time against a service with no latency send,
        // complete and send again at t = 0 for ever.
        let scenario = Scenario(
            name: "stall", duration: TestScenarios.second,
            clients: [TestScenarios.client(target: .service("s"), arrival: .users(2, thinkTime: .zero))],
            services: [TestScenarios.service("s", latency: .zero)])
        #expect(throws: DiagnosticList.self) {
            try Simulator.run(scenario, limits: RunLimits(eventsPerInstant: 10_000))
        }
    }

    @Test func manyEventsAtOneInstantAreFineWhenTimeMovesOn() throws {
        // 1,000 users all send at t = 0: a burst, not a stall.
        let scenario = Scenario(
            name: "burst", duration: TestScenarios.second,
            clients: [TestScenarios.client(target: .service("s"), arrival: .users(1000, thinkTime: .constant(TestScenarios.second)))],
            services: [TestScenarios.service("s", concurrency: 1000, latency: .constant(TestScenarios.ms))])
        #expect(try Simulator.run(scenario, limits: RunLimits(eventsPerInstant: 10_000)).summary[0].counts.requests == 1000)
    }
}
