import Policy
import Scenario
import Testing

/// Passed checks: the controller reports every check that ran and passed, with what each
/// metric measured, so that a report can mark passes beside the failures.
@Suite struct RolloutCheckPassedTests {
    let m = RolloutDriver.minute

    /// Success rate ≥ 99 and p99 ≤ 500 over 1000 requests with 5 errors and a 120 ms p99.
    let metrics = [RolloutDriver.successRate(min: 99), RolloutDriver.duration(max: 500)]
    var measured: [CheckMeasurement] {
        [
            CheckMeasurement(metric: .requestSuccessRate, measured: 99.5, min: 99, max: nil),
            CheckMeasurement(metric: .requestDuration, measured: 120, min: nil, max: 500),
        ]
    }

    /// Flagger: the 1m tick runs at weight 0 and checks nothing; from 2m every tick checks
    /// first, then steps (10 → 20 → 30), and the tick at the maximum promotes after its check.
    @Test func flaggerReportsEachPassedCheckBeforeItsStep() {
        let analysis = Rollout.Analysis(interval: m, threshold: 2, stepWeight: 10, maxWeight: 30, metrics: metrics)
        var rollout = RolloutController(RolloutDriver.rollout(analysis))
        let window = RolloutDriver.window(errors: 5, p99: 120)
        #expect(rollout.analyze(now: 1 * m, window: window) == [.weight(10)])
        #expect(rollout.analyze(now: 2 * m, window: window) == [.checkPassed(measured), .weight(20)])
        #expect(rollout.analyze(now: 3 * m, window: window) == [.checkPassed(measured), .weight(30)])
        #expect(rollout.analyze(now: 4 * m, window: window) == [.checkPassed(measured), .weight(100), .promoted])
    }

    /// Without metrics a window with canary traffic passes, measuring nothing.
    @Test func flaggerWithoutMetricsPassesOnTraffic() {
        let analysis = Rollout.Analysis(interval: m, threshold: 2, stepWeight: 50, maxWeight: 50, metrics: [])
        var rollout = RolloutController(RolloutDriver.rollout(analysis))
        _ = rollout.analyze(now: 1 * m, window: RolloutDriver.noTraffic)
        #expect(rollout.analyze(now: 2 * m, window: RolloutDriver.window()) == [.checkPassed([]), .weight(100), .promoted])
    }

    /// Argo: each background measurement at a weight above 0 is one check; a pass changes
    /// nothing else.
    @Test func argoReportsEachPassedMeasurement() {
        let analysis = Rollout.Analysis(interval: m, threshold: 2, metrics: metrics)
        var rollout = RolloutController(RolloutDriver.rollout(analysis, steps: [.setWeight(20), .pause(nil)]))
        #expect(rollout.step(now: 0) == [.weight(20)])
        #expect(rollout.analyze(now: 1 * m, window: RolloutDriver.window(errors: 5, p99: 120)) == [.checkPassed(measured)])
        #expect(rollout.canaryWeight == 20)
        #expect(rollout.failures == 0)
    }
}
