import Engine
import Scenario
import Testing

/// Canary rollouts in whole runs: the weights the controller sets reach the traffic, and its
/// decisions follow Flagger's and Argo's documented schedules.
@Suite struct RolloutSimulationTests {
    typealias T = TestScenarios

    /// orders v1 (stable) and v2 (canary) behind the gateway; `canary` overrides v2's fields.
    private func shop(mesh: Bool, canary: String = "{}", analysis: String, duration: String = "10m", steps: String = "") -> String {
        """
        name: rollout
        duration: \(duration)
        interval: 30s
        clients:
          - { name: web, rate: 100/s, arrival: uniform }
        gateway:
          routes: [{ name: orders, paths: [/], service: orders }]
        mesh: { enabled: \(mesh) }
        services:
          orders:
            replicas: 2
            concurrency: 100
            latency: 5ms
            versions: { v1: {}, v2: \(canary) }
        rollout:
          service: orders
          stable: v1
          canary: v2
          analysis:
        \(analysis)
        \(steps)
        """
    }

    private let flagger = """
            interval: 1m
            threshold: 2
            stepWeight: 10
            maxWeight: 50
            metrics:
              - { name: request-success-rate, thresholdRange: { min: 99 } }
              - { name: request-duration, thresholdRange: { max: 100 } }
        """

    private func events(_ result: RunResult, _ kind: String) -> [(Nanoseconds, String)] {
        result.events.filter { $0.kind == kind }.map { ($0.time, $0.detail) }
    }

    @Test(arguments: [false, true])
    func aHealthyCanaryStepsEveryIntervalAndIsPromotedOneIntervalAfterMaxWeight(mesh: Bool) throws {
        let result = try MeshScenario.run(shop(mesh: mesh, analysis: flagger))
        let minute = 60 * T.second
        // Weight 10 at the first tick (1m), +10 each minute to 50 at 5m, promoted at 6m:
        // interval × (maxWeight / stepWeight) + the first interval.
        let weights = events(result, "rollout_weight")
        #expect(weights.map(\.0) == [1, 2, 3, 4, 5, 6].map { $0 * minute })
        #expect(weights.map(\.1) == [10, 20, 30, 40, 50, 100].map { "v2=\($0)% v1=\(100 - $0)%" })
        #expect(events(result, "rollout_promoted").map(\.0) == [6 * minute])
        #expect(events(result, "rollout_check_failed").isEmpty)
        #expect(result.rollout?.result == .promoted)
        #expect(result.rollout?.time == 6 * minute)
        #expect(result.rollout?.finalWeight == 100)
        // The canary's share follows the weight: 10% of 6000 requests in minute 1–2, and so on
        // (uniform arrivals; ±4σ of a binomial), then everything after 6m.
        let v2 = try #require(T.row(result, .version, "orders/v2")).counts.requests
        let expected = 6000.0 * (0.1 + 0.2 + 0.3 + 0.4 + 0.5) + 6000.0 * 4
        #expect(abs(Double(v2) - expected) < 4 * (6000.0 * 1.2).squareRoot() + 10, "v2 served \(v2)")
        // The weight column shows the split during the interval's end.
        let v2Weights = result.timeseries.filter { $0.scope == .version && $0.name == "orders/v2" }.map { $0.weight ?? -1 }
        #expect(Array(v2Weights.prefix(4)) == [0, 10, 10, 20])
        #expect(v2Weights.last == 100)
    }

    @Test(arguments: [false, true])
    func aCanaryFailingOneInTenRollsBackAfterTheSecondFailedCheck(mesh: Bool) throws {
        let result = try MeshScenario.run(shop(mesh: mesh, canary: "{ errors: 10% }", analysis: flagger))
        let minute = 60 * T.second
        // First tick (1m) takes the first step without analysis; the checks at 2m and 3m fail
        // (about 90% < 99%); the 4m tick finds the count at the threshold and rolls back.
        let failures = events(result, "rollout_check_failed")
        #expect(failures.map(\.0) == [2 * minute, 3 * minute])
        #expect(failures.allSatisfy { $0.1.hasPrefix("request-success-rate ") && $0.1.contains("< min 99") })
        #expect(failures.last?.1.hasSuffix("(failed checks 2, threshold 2)") == true)
        #expect(events(result, "rollout_rolled_back").map(\.0) == [4 * minute])
        #expect(events(result, "rollout_weight").map(\.1) == ["v2=10% v1=90%", "v2=0% v1=100%"])
        #expect(result.rollout?.result == .rolledBack)
        #expect(result.rollout?.finalWeight == 0)
        // The canary served 10% of the traffic from 1m to 4m: 1800 requests, ~180 errors.
        let served = try #require(result.rollout).canaryRequests
        #expect(abs(Double(served) - 1800) < 4 * (18000 * 0.09).squareRoot() + 5, "canary served \(served)")
        #expect(T.row(result, .version, "orders/v2")?.counts.requests == served)
    }

    @Test func aCanaryThatOnlyAddsLatencyRollsBackOnDurationNotOnSuccessRate() throws {
        let result = try MeshScenario.run(shop(mesh: true, canary: "{ latency: 150ms }", analysis: flagger))
        let failures = events(result, "rollout_check_failed")
        #expect(failures.count == 2)
        #expect(failures.allSatisfy { $0.1.hasPrefix("request-duration 150 > max 100") })
        #expect(result.rollout?.result == .rolledBack)
    }

    @Test func anIntervalWithoutCanaryTrafficIsAFailedCheck() throws {
        // The only client stops sending at 90 s: the check at 2m sees no canary traffic, and so
        // does the one at 3m; the 4m tick rolls back. The run lasts until 5m.
        var yaml = shop(mesh: true, analysis: flagger, duration: "5m")
        yaml = yaml.replacingOccurrences(
            of: "  - { name: web, rate: 100/s, arrival: uniform }",
            with: "  - { name: web, arrival: uniform, schedule: [{ at: 0s, rate: 100/s }, { at: 90s, rate: 0/s }] }")
        let result = try MeshScenario.run(yaml)
        let failures = events(result, "rollout_check_failed")
        #expect(failures.map(\.1) == ["no canary traffic (failed checks 1, threshold 2)", "no canary traffic (failed checks 2, threshold 2)"])
        #expect(result.rollout?.result == .rolledBack)
    }

    @Test func argoPausesHoldTheWeightForTheirDuration() throws {
        let steps = """
              steps:
                - setWeight: 20
                - pause: { duration: 2m }
                - setWeight: 50
                - pause: { duration: 1m }
            """
        let analysis = """
                interval: 1m
                threshold: 2
                metrics:
                  - { name: request-success-rate, thresholdRange: { min: 99 } }
            """
        let result = try MeshScenario.run(shop(mesh: true, analysis: analysis, duration: "5m", steps: steps))
        let minute = 60 * T.second
        let weights = events(result, "rollout_weight")
        #expect(weights.map(\.0) == [0, 2 * minute, 3 * minute])
        #expect(weights.map(\.1) == ["v2=20% v1=80%", "v2=50% v1=50%", "v2=100% v1=0%"])
        #expect(events(result, "rollout_promoted").map(\.0) == [3 * minute])
        let v2Weights = result.timeseries.filter { $0.scope == .version && $0.name == "orders/v2" }.map { $0.weight ?? -1 }
        // Rows every 30 s; a step due at a row's end runs before the row closes: 20% at 30 s,
        // 1m and 1m30s, 50% at 2m and 2m30s, 100% from 3m.
        #expect(Array(v2Weights.prefix(7)) == [20, 20, 20, 50, 50, 100, 100])
    }

    @Test func aRunThatEndsFirstLeavesTheRolloutIncomplete() throws {
        let result = try MeshScenario.run(shop(mesh: true, analysis: flagger, duration: "3m30s"))
        #expect(result.rollout?.result == .incomplete)
        #expect(result.rollout?.time == nil)
        #expect(result.rollout?.finalWeight == 30)
    }
}
