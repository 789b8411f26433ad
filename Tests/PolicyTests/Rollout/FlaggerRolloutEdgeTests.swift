import Policy
import Scenario
import Testing

/// Hand-built analyses the decoder would reject or normalise: the controller must neither
/// trap nor loop, and must behave as Flagger reads such values.
@Suite struct FlaggerRolloutEdgeTests {
    typealias Tick = RolloutDriver.Tick
    let m = RolloutDriver.minute
    let healthy = RolloutDriver.window()

    func controller(
        interval: Nanoseconds? = nil, threshold: Int = 5, stepWeight: Int? = 10, stepWeights: [Int] = [], maxWeight: Int = 50
    ) -> RolloutController {
        let analysis = Rollout.Analysis(
            interval: interval ?? m, threshold: threshold, stepWeight: stepWeight, stepWeights: stepWeights, maxWeight: maxWeight,
            metrics: [RolloutDriver.successRate(min: 99)])
        return RolloutController(RolloutDriver.rollout(analysis))
    }

    /// Flagger takes no progression step when the step is 0: the weight stays 0 (so nothing is
    /// ever analysed) and the rollout stays incomplete.
    @Test func aZeroStepWeightNeverProgresses() {
        var rollout = controller(stepWeight: 0)
        #expect(RolloutDriver.run(&rollout, until: 30 * m) { _ in healthy } == [])
        #expect(rollout.phase == .progressing)
        #expect(rollout.nextAnalysis == 31 * m)
    }

    /// [10, 10, 30]: from 10 the next entry is 10 again, a step of 0, so Flagger stalls at 10.
    @Test func repeatedStepWeightsStall() {
        var rollout = controller(stepWeight: nil, stepWeights: [10, 10, 30])
        let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in healthy }
        #expect(ticks == [Tick(at: 1 * m, events: [.weight(10)])])
        #expect(rollout.phase == .progressing)
    }

    /// [30, 80, 60]: the maximum is the last entry, 60, but the step from 80 is 60 − 80 < 0, so
    /// Flagger takes no progression step, the promotion included: the weight overshoots to 80
    /// and stays there.
    @Test func decreasingStepWeightsStallAboveTheMaximum() {
        var rollout = controller(stepWeight: nil, stepWeights: [30, 80, 60])
        let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in healthy }
        #expect(ticks == [Tick(at: 1 * m, events: [.weight(30)]), Tick(at: 2 * m, events: [.weight(80)])])
        #expect(rollout.phase == .progressing)
    }

    /// Flagger reads a threshold of 0 as 1: the first failed check rolls back at the next tick.
    @Test func aZeroThresholdActsAsOne() {
        var rollout = controller(threshold: 0)
        #expect(rollout.limit == 1)
        let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in RolloutDriver.window(errors: 500) }
        #expect(ticks.map(\.at) == [1 * m, 2 * m, 3 * m])
        #expect(ticks.last?.events == [.weight(0), .rolledBack])
    }

    /// maxWeight 0 is Flagger's default, 100; above 100 it is capped at 100.
    @Test func maxWeightOutOfRangeMeans100() {
        for maxWeight in [0, 250] {
            var rollout = controller(stepWeight: 60, maxWeight: maxWeight)
            let ticks = RolloutDriver.run(&rollout, until: 10 * m) { _ in healthy }
            #expect(ticks.map(\.events) == [[.weight(60)], [.weight(100)], [.promoted]])
        }
    }

    /// A non-positive interval is Flagger's default, 60 s.
    @Test func aNonPositiveIntervalIsOneMinute() {
        #expect(controller(interval: 0).nextAnalysis == m)
        #expect(controller(interval: -5).nextAnalysis == m)
    }

    /// Weights outside 0…100 and a huge step neither trap nor leave 0…100.
    @Test func extremeWeightsStayWithinRange() {
        var huge = controller(stepWeight: .max, maxWeight: .max)
        #expect(RolloutDriver.run(&huge, until: 5 * m) { _ in healthy }.map(\.events) == [[.weight(100)], [.promoted]])
        var odd = controller(stepWeight: nil, stepWeights: [-5, .min, .max])
        _ = RolloutDriver.run(&odd, until: 5 * m) { _ in healthy }
        #expect((0...100).contains(odd.canaryWeight))
    }

    /// A start near the end of time saturates instead of trapping.
    @Test func aLateStartSaturates() {
        let analysis = Rollout.Analysis(threshold: 1, stepWeight: 10)
        let rollout = RolloutController(RolloutDriver.rollout(start: .max - 1, analysis))
        #expect(rollout.nextAnalysis == .max)
    }
}
