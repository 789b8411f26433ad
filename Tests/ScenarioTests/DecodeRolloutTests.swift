import Testing
@testable import Scenario

@Suite struct DecodeRolloutTests {
    /// A scenario whose `rollout:` section starts on line 5.
    private func text(_ rollout: String) -> String {
        DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + rollout + "\n"
    }

    @Test func flaggerAnalysis() throws {
        let yaml = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              start: 1m
              analysis:
                interval: 30s
                threshold: 5
                stepWeight: 10
                maxWeight: 50
                webhooks: [{ name: load-test, url: http://x }]
                metrics:
                  - { name: request-success-rate, thresholdRange: { min: 99 }, interval: 1m }
                  - { name: request-duration, thresholdRange: { max: 500 } }
                  - { name: request-duration, threshold: 300 }
            """
        let (scenario, diagnostics) = DecodeFixture.decode(text(yaml))
        let rollout = try #require(scenario?.rollout)
        #expect(rollout.service == "orders" && rollout.stable == "v1" && rollout.canary == "v2")
        #expect(rollout.start == 60_000_000_000)
        #expect(rollout.steps.isEmpty)
        let location = { (line: Int, column: Int) in SourceLocation(file: "s.yaml", line: line, column: column) }
        #expect(rollout.analysis == Rollout.Analysis(
            interval: 30_000_000_000, threshold: 5, stepWeight: 10, stepWeights: [], maxWeight: 50,
            metrics: [
                Rollout.Metric(name: .requestSuccessRate, min: 99, location: location(17, 9)),
                Rollout.Metric(name: .requestDuration, max: 500, location: location(18, 9)),
                Rollout.Metric(name: .requestDuration, max: 300, location: location(19, 9)),
            ]))
        #expect(rollout.location == location(6, 3))
        #expect(diagnostics.map(\.description) == [
            "s.yaml:15:5: warning: rollout.analysis.webhooks has no effect in a simulation",
            "s.yaml:17:68: warning: rollout.analysis.metrics[0].interval has no effect in a simulation",
        ])
    }

    @Test func analysisDefaults() throws {
        let yaml = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              analysis: { threshold: 0, stepWeights: [5, 10, 25] }
            """
        let rollout = try #require(DecodeFixture.scenario(text(yaml))?.rollout)
        #expect(rollout.start == 0)
        // Flagger: interval 1m, a threshold of 0 reads as 1, and the last step weight is the maximum.
        #expect(rollout.analysis == Rollout.Analysis(interval: 60_000_000_000, threshold: 1, stepWeight: nil, stepWeights: [5, 10, 25], maxWeight: 25))
    }

    @Test func argoSteps() throws {
        let yaml = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              analysis: { threshold: 0, metrics: [{ name: request-success-rate, thresholdRange: { min: 95, max: 100 } }] }
              steps:
                - setWeight: 20
                - pause: { duration: 2m }
                - pause: { duration: 30 }
                - setWeight: 50
                - pause: {}
                - pause:
            """
        let rollout = try #require(DecodeFixture.scenario(text(yaml))?.rollout)
        #expect(rollout.analysis.threshold == 0)
        #expect(rollout.analysis.maxWeight == 100)
        #expect(rollout.analysis.metrics.map(\.min) == [95])
        #expect(rollout.analysis.metrics.map(\.max) == [100])
        #expect(rollout.steps == [.setWeight(20), .pause(120_000_000_000), .pause(30_000_000_000), .setWeight(50), .pause(nil), .pause(nil)])
    }

    @Test func rolloutErrors() {
        let yaml = """
            rollout:
              service: orders
              stable: v1
              canary: v1
              analysis:
                stepWeight: 10
                stepWeights: [10, 120]
                metrics:
                  - { name: request-succes-rate, thresholdRange: { min: 99 } }
                  - { name: request-duration }
                  - { name: request-success-rate, thresholdRange: { min: 101 } }
                  - { name: request-duration, thresholdRange: { min: 9, max: 5 } }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "8:11: error: rollout.canary must differ from stable ('v1')",
            "10:5: error: rollout.analysis.threshold is required",
            "11:5: error: rollout.analysis must have only one of stepWeight or stepWeights",
            "11:23: error: rollout.analysis.stepWeights[1] must be between 1 and 100, not 120",
            "13:17: error: rollout.analysis.metrics[0].name must be one of request-success-rate, request-duration, not 'request-succes-rate'; did you mean 'request-success-rate'?",
            "14:9: error: rollout.analysis.metrics[1].thresholdRange is required",
            "15:62: error: rollout.analysis.metrics[2].thresholdRange.min must be between 0 and 100, not 101",
            "16:51: error: rollout.analysis.metrics[3].thresholdRange.min must not exceed max",
        ])
    }

    @Test func stepWeightsMustRise() {
        let yaml = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              analysis: { threshold: 1, stepWeights: [10, 30, 30] }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "9:51: error: rollout.analysis.stepWeights[2] must be higher than the weight before it (30): Flagger never moves to a weight that does not rise",
        ])
    }

    @Test func progressionConflicts() {
        let both = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              analysis: { threshold: 1, stepWeight: 10, stepWeights: [10] }
            """
        #expect(DecodeFixture.messages(text(both)) == [
            "9:45: error: rollout.analysis must have only one of stepWeight or stepWeights",
        ])
        let neither = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              analysis: { threshold: 1 }
            """
        #expect(DecodeFixture.messages(text(neither)) == [
            "9:13: error: rollout.analysis needs stepWeight or stepWeights (or rollout.steps)",
        ])
        let withSteps = """
            rollout:
              service: orders
              stable: v1
              canary: v2
              analysis: { threshold: 1, maxWeight: 50 }
              steps: [{ setWeight: 10, pause: {} }, { experiment: {} }, {}]
            """
        #expect(DecodeFixture.messages(text(withSteps)) == [
            "9:29: error: rollout.analysis.maxWeight cannot be used with rollout.steps, which set the weights instead",
            "10:11: error: rollout.steps[0] must be either setWeight: N or pause: { duration: D }",
            "10:43: error: rollout.steps[1].experiment is an Argo Rollouts field that meshsim does not simulate",
            "10:61: error: rollout.steps[2] must be either setWeight: N or pause: { duration: D }",
        ])
    }
}
