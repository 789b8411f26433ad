import Engine
import Reports
import Testing

@Suite struct RolloutLineTests {
    @Test func aRolledBackRolloutSaysWhenAndWhatTheCanaryServed() {
        let outcome = RolloutOutcome(
            service: "orders", stable: "v1", canary: "v2", result: .rolledBack, time: 240_000_000_000, finalWeight: 0,
            canaryRequests: 1800, canaryErrors: 183)
        #expect(RolloutLine.render(outcome) == "rollout orders v1 → v2: rolled back at 4m; the canary served 1800 requests, 183 errors (10.17%)")
    }

    @Test func anIncompleteRolloutGivesItsWeight() {
        let outcome = RolloutOutcome(
            service: "orders", stable: "v1", canary: "v2", result: .incomplete, time: nil, finalWeight: 30,
            canaryRequests: 1, canaryErrors: 1)
        #expect(RolloutLine.render(outcome) == "rollout orders v1 → v2: incomplete when the run ended (canary weight 30%); the canary served 1 request, 1 error (100.00%)")
    }
}
