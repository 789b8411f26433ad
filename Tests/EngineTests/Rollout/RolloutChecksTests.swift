import Engine
import Foundation
import Scenario
import Testing

/// `RolloutOutcome.checks`: every analysis check of a run, passed or failed, at the ticks
/// Flagger's schedule gives (start + n × interval; none at weight 0, none at the rollback).
@Suite struct RolloutChecksTests {
    let minute = 60 * TestScenarios.second

    /// canary-failing (start 1m, interval 1m, threshold 3): 2m takes the first step without a
    /// check, 3m, 4m and 5m fail, 6m rolls back. The details are events.csv's.
    @Test func canaryFailingHasThreeFailedChecksWithTheEventsDetails() throws {
        let result = try Simulator.run(TelemetryScenario.teaching("canary-failing"))
        let checks = try #require(result.rollout).checks
        #expect(checks.map(\.time) == [3, 4, 5].map { $0 * minute })
        #expect(checks.allSatisfy { !$0.passed })
        let failed = result.events.filter { $0.kind == "rollout_check_failed" }
        #expect(checks.map(\.detail) == failed.map(\.detail))
        #expect(checks.first?.detail.hasSuffix("(failed checks 1, threshold 3)") == true)
    }

    /// canary-healthy (stepWeight 10, maxWeight 50): weight 10 at 2m without a check, then a
    /// passed check at 3m, 4m, 5m, 6m (each before its step) and 7m (before the promotion).
    @Test func canaryHealthyHasAPassedCheckAtEveryTickAboveWeightZero() throws {
        let result = try Simulator.run(TelemetryScenario.teaching("canary-healthy"))
        let checks = try #require(result.rollout).checks
        #expect(checks.map(\.time) == [3, 4, 5, 6, 7].map { $0 * minute })
        #expect(checks.allSatisfy { $0.passed })
        for check in checks {
            let parts = check.detail.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(parts.count == 2, "\(check.detail)")
            #expect(parts.first?.hasPrefix("request-success-rate ") == true && parts.first?.hasSuffix(" ≥ min 99") == true, "\(check.detail)")
            #expect(parts.last?.hasPrefix("request-duration ") == true && parts.last?.hasSuffix(" ≤ max 500") == true, "\(check.detail)")
        }
        #expect(!result.events.contains { $0.kind.contains("passed") })
    }
}
