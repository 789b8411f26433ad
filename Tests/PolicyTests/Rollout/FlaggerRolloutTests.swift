import Policy
import Scenario
import Testing

/// Flagger's canary progression (`scheduler.go`), worked by hand from the spec's
/// "Progressive delivery" rules and Flagger's source.
@Suite struct FlaggerRolloutTests {
    typealias Tick = RolloutDriver.Tick
    let m = RolloutDriver.minute
    let healthy = RolloutDriver.window()

    func analysis(
        threshold: Int = 5, stepWeight: Int? = 10, stepWeights: [Int] = [], maxWeight: Int = 50,
        metrics: [Rollout.Metric] = [RolloutDriver.successRate(min: 99), RolloutDriver.duration(max: 500)]
    ) -> Rollout.Analysis {
        Rollout.Analysis(
            interval: m, threshold: threshold, stepWeight: stepWeight, stepWeights: stepWeights, maxWeight: maxWeight,
            metrics: metrics)
    }

    func controller(_ analysis: Rollout.Analysis, start: Nanoseconds = 0) -> RolloutController {
        RolloutController(RolloutDriver.rollout(start: start, analysis))
    }

    /// The spec's example: steps to 10 at 1m, reaches 50 at 5m, promoted at the 6m tick.
    @Test func aHealthyCanaryStepsToMaxWeightAndIsPromotedOneTickLater() {
        var rollout = controller(analysis())
        #expect(rollout.nextAnalysis == m)
        #expect(rollout.nextStep == nil)
        #expect(rollout.canaryWeight == 0)
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in healthy }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(10)]),
            Tick(at: 2 * m, events: [.weight(20)]),
            Tick(at: 3 * m, events: [.weight(30)]),
            Tick(at: 4 * m, events: [.weight(40)]),
            Tick(at: 5 * m, events: [.weight(50)]),
            Tick(at: 6 * m, events: [.weight(100), .promoted]),
        ])
        #expect(rollout.phase == .promoted)
        #expect(rollout.canaryWeight == 100)
        #expect(rollout.nextAnalysis == nil)
        #expect(rollout.nextStep == nil)
    }

    /// The spec's example: threshold 2, every check fails: failures at 2m and 3m (the 1m tick
    /// skips the analysis at weight 0), rolled back at 4m; weight 10 from 1m until then.
    @Test func aCanaryFailingEveryCheckIsRolledBackTheTickAfterReachingTheThreshold() {
        var rollout = controller(analysis(threshold: 2))
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in RolloutDriver.window(errors: 100) }
        let failed = { (count: Int) in
            RolloutEvent.checkFailed(.belowMin(.requestSuccessRate, measured: 90, min: 99), failures: count, limit: 2)
        }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(10)]),
            Tick(at: 2 * m, events: [failed(1)]),
            Tick(at: 3 * m, events: [failed(2)]),
            Tick(at: 4 * m, events: [.weight(0), .rolledBack]),
        ])
        #expect(rollout.phase == .rolledBack)
        #expect(rollout.canaryWeight == 0)
        #expect(rollout.failures == 2)
        #expect(rollout.nextAnalysis == nil)
    }

    /// The first tick comes one interval after `start`.
    @Test func ticksStartOneIntervalAfterTheStart() {
        var rollout = controller(analysis(), start: 30 * RolloutDriver.second)
        let ticks = RolloutDriver.run(&rollout, until: 3 * m) { _ in healthy }
        #expect(ticks == [Tick(at: 90 * RolloutDriver.second, events: [.weight(10)]), Tick(at: 150 * RolloutDriver.second, events: [.weight(20)])])
    }

    /// Max 50, step 20: 20, 40, then 60 (40 is still below the maximum), promoted next.
    @Test func aStepWeightMayOvershootMaxWeight() {
        var rollout = controller(analysis(stepWeight: 20, maxWeight: 50))
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in healthy }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(20)]),
            Tick(at: 2 * m, events: [.weight(40)]),
            Tick(at: 3 * m, events: [.weight(60)]),
            Tick(at: 4 * m, events: [.weight(100), .promoted]),
        ])
    }

    /// A step never takes the weight beyond 100: max 100, step 40: 40, 80, 100, promoted.
    @Test func aStepIsCappedAt100() {
        var rollout = controller(analysis(stepWeight: 40, maxWeight: 100))
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in healthy }
        #expect(ticks.map(\.events) == [[.weight(40)], [.weight(80)], [.weight(100)], [.promoted]])
    }

    /// stepWeights are the weights themselves; the last one is the maximum.
    @Test func stepWeightsAreTheSuccessiveWeights() {
        var rollout = controller(analysis(stepWeight: nil, stepWeights: [5, 10, 25, 50], maxWeight: 50))
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { _ in healthy }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(5)]),
            Tick(at: 2 * m, events: [.weight(10)]),
            Tick(at: 3 * m, events: [.weight(25)]),
            Tick(at: 4 * m, events: [.weight(50)]),
            Tick(at: 5 * m, events: [.weight(100), .promoted]),
        ])
    }

    @Test func aSlowCanaryFailsOnlyTheDurationCheck() {
        var rollout = controller(analysis())
        let ticks = RolloutDriver.run(&rollout, until: 3 * m) { _ in RolloutDriver.window(p99: 600) }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(10)]),
            Tick(at: 2 * m, events: [.checkFailed(.aboveMax(.requestDuration, measured: 600, max: 500), failures: 1, limit: 5)]),
            Tick(at: 3 * m, events: [.checkFailed(.aboveMax(.requestDuration, measured: 600, max: 500), failures: 2, limit: 5)]),
        ])
        #expect(rollout.canaryWeight == 10)
    }

    /// Flagger builds the bound as time.Duration(500.9) * time.Millisecond = 500 ms, so a
    /// p99 of 500.5 ms fails, and one of exactly 500 ms passes.
    @Test func theDurationBoundIsWholeMilliseconds() {
        let slow = CanaryWindow(requests: 10, errors: 0, p99: 500_500_000)
        var rollout = controller(analysis(metrics: [RolloutDriver.duration(max: 500.9)]))
        _ = RolloutDriver.run(&rollout, until: 1 * m) { _ in slow }
        #expect(rollout.analyze(now: 2 * m, window: slow) == [
            .checkFailed(.aboveMax(.requestDuration, measured: 500.5, max: 500.9), failures: 1, limit: 5),
        ])
        let atBound = CanaryWindow(requests: 10, errors: 0, p99: 500_000_000)
        #expect(rollout.analyze(now: 3 * m, window: atBound) == [
            .checkPassed([CheckMeasurement(metric: .requestDuration, measured: 500, min: nil, max: 500.9)]), .weight(20),
        ])
    }

    /// Flagger checks the metrics in order and stops at the first failure: one event per tick.
    @Test func onlyTheFirstFailingMetricIsReported() {
        var rollout = controller(analysis())
        _ = RolloutDriver.run(&rollout, until: 1 * m) { _ in healthy }
        #expect(rollout.analyze(now: 2 * m, window: RolloutDriver.window(errors: 500, p99: 900)) == [
            .checkFailed(.belowMin(.requestSuccessRate, measured: 50, min: 99), failures: 1, limit: 5),
        ])
    }

    /// 990 of 1000 succeed: exactly 99%, which passes a min of 99; 989 is 98.9%, which fails.
    @Test func aSuccessRateEqualToTheMinimumPasses() {
        var rollout = controller(analysis())
        _ = RolloutDriver.run(&rollout, until: 1 * m) { _ in healthy }
        #expect(rollout.analyze(now: 2 * m, window: RolloutDriver.window(errors: 10)) == [
            .checkPassed([
                CheckMeasurement(metric: .requestSuccessRate, measured: 99, min: 99, max: nil),
                CheckMeasurement(metric: .requestDuration, measured: 100, min: nil, max: 500),
            ]),
            .weight(20),
        ])
        #expect(rollout.analyze(now: 3 * m, window: RolloutDriver.window(errors: 11)) == [
            .checkFailed(.belowMin(.requestSuccessRate, measured: 98.9, min: 99), failures: 1, limit: 5),
        ])
    }

    /// A success-rate maximum is checked too (thresholdRange max).
    @Test func aSuccessRateAboveItsMaximumFails() {
        let metric = Rollout.Metric(name: .requestSuccessRate, min: 50, max: 80, location: RolloutDriver.here)
        var rollout = controller(analysis(metrics: [metric]))
        _ = RolloutDriver.run(&rollout, until: 1 * m) { _ in healthy }
        #expect(rollout.analyze(now: 2 * m, window: healthy) == [
            .checkFailed(.aboveMax(.requestSuccessRate, measured: 100, max: 80), failures: 1, limit: 5),
        ])
    }

    /// No canary request in the window is a failed check, even without metrics; the weight holds.
    @Test func aWindowWithoutCanaryTrafficIsAFailedCheck() {
        for metrics in [[RolloutDriver.successRate(min: 99)], []] {
            var rollout = controller(analysis(metrics: metrics))
            _ = RolloutDriver.run(&rollout, until: 1 * m) { _ in healthy }
            #expect(rollout.analyze(now: 2 * m, window: RolloutDriver.noTraffic) == [
                .checkFailed(.noTraffic, failures: 1, limit: 5),
            ])
            #expect(rollout.canaryWeight == 10)
        }
    }

    /// Threshold 3: fail (1), pass (step to 20), fail (2), fail (3), rolled back at the next tick.
    @Test func aPassingCheckDoesNotResetTheFailedCount() {
        var rollout = controller(analysis(threshold: 3))
        let failing: Set<Nanoseconds> = [2 * m, 4 * m, 5 * m]
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { now in
            failing.contains(now) ? RolloutDriver.window(p99: 700) : healthy
        }
        let failed = { (count: Int) in
            RolloutEvent.checkFailed(.aboveMax(.requestDuration, measured: 700, max: 500), failures: count, limit: 3)
        }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(10)]),
            Tick(at: 2 * m, events: [failed(1)]),
            Tick(at: 3 * m, events: [.weight(20)]),
            Tick(at: 4 * m, events: [failed(2)]),
            Tick(at: 5 * m, events: [failed(3)]),
            Tick(at: 6 * m, events: [.weight(0), .rolledBack]),
        ])
    }

    /// A failed check at the maximum weight holds the promotion until a check passes.
    @Test func aFailedCheckAtMaxWeightDelaysThePromotion() {
        var rollout = controller(analysis(stepWeight: 50))
        let ticks = RolloutDriver.run(&rollout, until: 20 * m) { now in now == 2 * m ? RolloutDriver.noTraffic : healthy }
        #expect(ticks == [
            Tick(at: 1 * m, events: [.weight(50)]),
            Tick(at: 2 * m, events: [.checkFailed(.noTraffic, failures: 1, limit: 5)]),
            Tick(at: 3 * m, events: [.weight(100), .promoted]),
        ])
    }

    /// Finished rollouts ignore further calls.
    @Test func aFinishedRolloutDoesNothing() {
        var rollout = controller(analysis(stepWeight: 50))
        _ = RolloutDriver.run(&rollout, until: 2 * m) { _ in healthy }
        #expect(rollout.phase == .promoted)
        #expect(rollout.analyze(now: 3 * m, window: RolloutDriver.noTraffic) == [])
        #expect(rollout.step(now: 3 * m) == [])
        #expect(rollout.canaryWeight == 100)
        #expect(rollout.failures == 0)
    }
}
