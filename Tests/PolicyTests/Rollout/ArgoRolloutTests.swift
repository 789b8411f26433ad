import Policy
import Scenario
import Testing

/// Argo Rollouts-style `steps` with background analysis, worked by hand from the spec.
@Suite struct ArgoRolloutTests {
    typealias Tick = RolloutDriver.Tick
    let m = RolloutDriver.minute
    let healthy = RolloutDriver.window()
    let slow = RolloutDriver.window(p99: 800)

    func controller(
        start: Nanoseconds = 0, threshold: Int = 2, metrics: [Rollout.Metric] = [RolloutDriver.duration(max: 500)],
        _ steps: [Rollout.Step]
    ) -> RolloutController {
        let analysis = Rollout.Analysis(interval: m, threshold: threshold, metrics: metrics)
        return RolloutController(RolloutDriver.rollout(start: start, analysis, steps: steps))
    }

    func slowFailure(_ count: Int, limit: Int = 2) -> RolloutEvent {
        .checkFailed(.aboveMax(.requestDuration, measured: 800, max: 500), failures: count, limit: limit)
    }

    /// The spec's example steps from a start at 1m: 20 at 1m, 50 at 3m, promoted at 5m when
    /// the last pause ends.
    @Test func stepsSetWeightsAndPauseForTheirDuration() {
        var rollout = controller(start: 1 * m, [.setWeight(20), .pause(2 * m), .setWeight(50), .pause(2 * m)])
        #expect(rollout.usesSteps)
        #expect(rollout.nextStep == 1 * m)
        #expect(rollout.nextAnalysis == 2 * m)
        #expect(rollout.step(now: 1 * m) == [.weight(20)])
        #expect(rollout.nextStep == 3 * m)
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in healthy }
        #expect(ticks == [
            Tick(at: 3 * m, events: [.weight(50)]),
            Tick(at: 5 * m, events: [.weight(100), .promoted]),
        ])
        #expect(rollout.phase == .promoted)
        #expect(rollout.nextAnalysis == nil)
        #expect(rollout.nextStep == nil)
    }

    /// The last step done, the canary is promoted at once; a pause of 0 does not wait.
    @Test func theRolloutIsPromotedAfterTheLastStep() {
        var rollout = controller([.setWeight(40), .pause(0), .setWeight(60)])
        #expect(rollout.step(now: 0) == [.weight(40), .weight(60), .weight(100), .promoted])
        #expect(rollout.phase == .promoted)
    }

    /// A pause without a duration stops the steps for good; the analysis goes on.
    @Test func anIndefinitePauseLeavesTheRolloutIncomplete() {
        var rollout = controller([.setWeight(30), .pause(nil), .setWeight(60)])
        let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in healthy }
        #expect(ticks == [Tick(at: 0, events: [.weight(30)])])
        #expect(rollout.phase == .progressing)
        #expect(rollout.canaryWeight == 30)
        #expect(rollout.nextStep == nil)
        #expect(rollout.nextAnalysis == 11 * m)
        #expect(rollout.analyze(now: 11 * m, window: slow) == [slowFailure(1)])
    }

    /// failureLimit 2: two failures keep the rollout going, the third aborts it at once.
    @Test func theRolloutAbortsWhenFailuresExceedTheLimit() {
        var rollout = controller([.setWeight(20), .pause(10 * m)])
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in slow }
        #expect(ticks == [
            Tick(at: 0, events: [.weight(20)]),
            Tick(at: 1 * m, events: [slowFailure(1)]),
            Tick(at: 2 * m, events: [slowFailure(2)]),
            Tick(at: 3 * m, events: [slowFailure(3), .weight(0), .rolledBack]),
        ])
        #expect(rollout.phase == .rolledBack)
        #expect(rollout.nextAnalysis == nil)
        #expect(rollout.nextStep == nil)
    }

    /// A failure count equal to the limit lets the steps finish: the measurement at 2m (the
    /// second failure) comes before the step that ends the pause and promotes.
    @Test func failuresEqualToTheLimitDoNotAbort() {
        var rollout = controller([.setWeight(20), .pause(2 * m)])
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in slow }
        #expect(ticks == [
            Tick(at: 0, events: [.weight(20)]),
            Tick(at: 1 * m, events: [slowFailure(1)]),
            Tick(at: 2 * m, events: [slowFailure(2)]),
            Tick(at: 2 * m, events: [.weight(100), .promoted]),
        ])
        #expect(rollout.failures == 2)
        #expect(rollout.phase == .promoted)
    }

    /// failureLimit 0: the first failed measurement aborts.
    @Test func aZeroLimitAbortsAtTheFirstFailure() {
        var rollout = controller(threshold: 0, [.setWeight(20), .pause(10 * m)])
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in slow }
        #expect(ticks.last == Tick(at: 1 * m, events: [slowFailure(1, limit: 0), .weight(0), .rolledBack]))
    }

    /// At weight 0 nothing is measured; once the canary has traffic a failure counts.
    @Test func nothingIsMeasuredAtWeightZero() {
        var rollout = controller([.pause(3 * m), .setWeight(10), .pause(10 * m)])
        let ticks = RolloutDriver.run(&rollout, until: 4 * m) { _ in slow }
        #expect(ticks == [
            Tick(at: 3 * m, events: [.weight(10)]),
            Tick(at: 4 * m, events: [slowFailure(1)]),
        ])
    }

    /// Every failing metric is reported, all with the one count of this measurement.
    @Test func everyFailingMetricIsReportedWithTheSameCount() {
        var rollout = controller(metrics: [RolloutDriver.successRate(min: 99), RolloutDriver.duration(max: 500)], [.setWeight(20), .pause(nil)])
        _ = rollout.step(now: 0)
        #expect(rollout.analyze(now: m, window: RolloutDriver.window(errors: 50, p99: 800)) == [
            .checkFailed(.belowMin(.requestSuccessRate, measured: 95, min: 99), failures: 1, limit: 2),
            slowFailure(1),
        ])
    }

    /// With weight on the canary, no canary request is a failed measurement.
    @Test func noTrafficAtAPositiveWeightIsAFailure() {
        var rollout = controller([.setWeight(20), .pause(nil)])
        _ = rollout.step(now: 0)
        #expect(rollout.analyze(now: m, window: RolloutDriver.noTraffic) == [
            .checkFailed(.noTraffic, failures: 1, limit: 2),
        ])
    }

    /// Without metrics there is no background analysis.
    @Test func noMetricsMeansNoAnalysis() {
        var rollout = controller(metrics: [], [.setWeight(20), .pause(2 * m)])
        #expect(rollout.nextAnalysis == nil)
        let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in RolloutDriver.noTraffic }
        #expect(ticks == [Tick(at: 0, events: [.weight(20)]), Tick(at: 2 * m, events: [.weight(100), .promoted])])
    }

    /// An analysis at the instant a pause ends measures first; its abort cancels the step.
    @Test func anAbortAtTheEndOfAPauseWinsOverTheStep() {
        var rollout = controller(threshold: 0, [.setWeight(20), .pause(1 * m), .setWeight(50)])
        let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in slow }
        #expect(ticks == [
            Tick(at: 0, events: [.weight(20)]),
            Tick(at: 1 * m, events: [slowFailure(1, limit: 0), .weight(0), .rolledBack]),
        ])
    }

    /// Flagger's progression fields play no part with steps; `step` does nothing for Flagger.
    @Test func stepDoesNothingWithoutSteps() {
        var flagger = RolloutController(RolloutDriver.rollout(Rollout.Analysis(threshold: 1, stepWeight: 10)))
        #expect(!flagger.usesSteps)
        #expect(flagger.step(now: 0) == [])
        #expect(flagger.canaryWeight == 0)
    }
}
