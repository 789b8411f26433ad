import Scenario

/// The canary rollout of `rollout:` as a pure state machine: the engine calls `analyze` at
/// `nextAnalysis` and `step` at `nextStep`, passes the time and the canary's traffic, and
/// applies the weight and phase it reads back. When both fall at the same instant, call
/// `analyze` first: its window was served under the weights before the step.
///
/// **Flagger** (no `steps`), read from `scheduler.go` (`advanceCanary`, `runCanary`): a tick
/// every `analysis.interval`, the first one interval after `start`. At each tick, in order:
/// 1. if the failed-check count has reached `threshold`, roll back (weight 0) and stop;
/// 2. at weight 0 the analysis is skipped (Flagger's "starting canary analysis": in the
///    canary strategy its iteration count stays 0, so weight 0 is the whole condition);
///    otherwise the metrics are checked over the window in the order written and the first
///    failing one, or no canary traffic, is one failed check: the count goes up by one (it
///    is never reset), the weight holds and the tick ends. Flagger stops at the first failing
///    metric, so a tick yields one `.checkFailed` event; a check that passes yields
///    `.checkPassed` with what each metric measured, before the step below;
/// 3. below the maximum weight the next step is added (see `FlaggerProgression`), otherwise
///    the canary is promoted (weight 100).
/// A failure thus rolls back one tick after the count reaches the threshold, and a
/// threshold below 1 acts as 1, as Flagger reads it.
///
/// **Argo Rollouts** (`steps`): at `start` the steps run in order; `setWeight` moves the
/// weight at once, `pause` with a duration waits (a duration ≤ 0 does not wait), and a pause
/// without one stops progress for good (the rollout stays incomplete while the analysis goes
/// on). After the last step the canary is promoted (weight 100). The background analysis
/// measures every `interval` from `start + interval`, as an AnalysisRun whose metrics are
/// `analysis.metrics` and whose `failureLimit` is `threshold` (below 0 acts as 0):
/// - at weight 0 the canary gets no traffic by design, so nothing is measured;
/// - otherwise every failing metric, or no canary traffic, makes the measurement failed (one
///   `.checkFailed` per failing metric, all with the same count: Argo measures every metric
///   at each interval), and a passing measurement is one `.checkPassed`; meshsim counts one failed measurement per interval, where Argo counts
///   per metric, which agrees whenever the metrics fail together or there is one metric. No
///   traffic stands for the empty Prometheus result that Argo would count as an error;
/// - the rollout aborts (weight 0) as soon as the failures exceed the limit (`>`, where
///   Flagger's threshold uses `≥`). Without metrics there is no background analysis.
///
/// A non-positive `interval` (only possible for a hand-built `Rollout`) is Flagger's
/// default, 60 s. After promotion or rollback `nextAnalysis` and `nextStep` are nil and
/// both calls do nothing.
public struct RolloutController: Sendable {
    public enum Phase: Sendable, Equatable { case progressing, promoted, rolledBack }

    public private(set) var phase: Phase = .progressing
    /// Current canary weight in percent (0…100). The stable version gets 100 − weight.
    public private(set) var canaryWeight = 0
    /// When the engine must call `analyze` next (nil when finished). Flagger: start + interval,
    /// then every interval. Argo: background analysis every interval from start + interval.
    public private(set) var nextAnalysis: Nanoseconds?
    /// Argo only: when the engine must call `step` next (the rollout's start, then the end of
    /// each pause); nil for Flagger, when finished, or during an indefinite pause.
    public private(set) var nextStep: Nanoseconds?
    /// Failed checks (Flagger) or failed measurements (Argo) so far.
    public private(set) var failures = 0
    /// The failed-check count that rolls back: Flagger when `failures` reaches it, Argo when
    /// `failures` exceeds it.
    public let limit: Int
    /// True when `steps` drive the weights (Argo Rollouts); false for Flagger's progression.
    public let usesSteps: Bool

    private let interval: Nanoseconds
    private let metrics: [Rollout.Metric]
    private let progression: FlaggerProgression
    private let steps: [Rollout.Step]
    private var nextStepIndex = 0

    public init(_ rollout: Rollout) {
        let analysis = rollout.analysis
        usesSteps = !rollout.steps.isEmpty
        interval = analysis.interval > 0 ? analysis.interval : 60_000_000_000
        limit = usesSteps ? max(analysis.threshold, 0) : max(analysis.threshold, 1)
        metrics = analysis.metrics
        progression = FlaggerProgression(analysis)
        steps = rollout.steps
        let firstAnalysis = Self.later(rollout.start, by: interval)
        if usesSteps {
            nextStep = rollout.start
            nextAnalysis = metrics.isEmpty ? nil : firstAnalysis
        } else {
            nextAnalysis = firstAnalysis
        }
    }

    /// An analysis tick at `now` with the canary's traffic since the previous analysis.
    /// Schedules the next tick one interval after `now`.
    public mutating func analyze(now: Nanoseconds, window: CanaryWindow) -> [RolloutEvent] {
        guard phase == .progressing, nextAnalysis != nil else { return [] }
        nextAnalysis = Self.later(now, by: interval)
        return usesSteps ? backgroundMeasurement(window) : flaggerTick(window)
    }

    /// Argo: run steps from the current one until a pause with a duration (or the end).
    public mutating func step(now: Nanoseconds) -> [RolloutEvent] {
        guard phase == .progressing, nextStep != nil else { return [] }
        nextStep = nil
        var events: [RolloutEvent] = []
        while nextStepIndex < steps.count {
            let step = steps[nextStepIndex]
            nextStepIndex += 1
            switch step {
            case .setWeight(let weight):
                events += move(to: min(max(weight, 0), 100))
            case .pause(nil):
                return events
            case .pause(let duration?):
                if duration > 0 {
                    nextStep = Self.later(now, by: duration)
                    return events
                }
            }
        }
        return events + finish(promoted: true)
    }

    private mutating func flaggerTick(_ window: CanaryWindow) -> [RolloutEvent] {
        if failures >= limit {
            return finish(promoted: false)
        }
        var checked: [RolloutEvent] = []
        if canaryWeight > 0 {
            if let failure = CanaryCheck.failures(of: metrics, over: window).first {
                failures += 1
                return [.checkFailed(failure, failures: failures, limit: limit)]
            }
            checked = [.checkPassed(CanaryCheck.measurements(of: metrics, over: window))]
        }
        let step = progression.step(from: canaryWeight)
        guard step > 0 else { return checked }
        guard canaryWeight < progression.maxWeight else { return checked + finish(promoted: true) }
        return checked + move(to: canaryWeight + min(step, 100 - canaryWeight))
    }

    private mutating func backgroundMeasurement(_ window: CanaryWindow) -> [RolloutEvent] {
        guard canaryWeight > 0, !metrics.isEmpty else { return [] }
        let failed = CanaryCheck.failures(of: metrics, over: window)
        guard !failed.isEmpty else { return [.checkPassed(CanaryCheck.measurements(of: metrics, over: window))] }
        failures += 1
        let events = failed.map { RolloutEvent.checkFailed($0, failures: failures, limit: limit) }
        return failures > limit ? events + finish(promoted: false) : events
    }

    /// Promotion gives the canary all the traffic, a rollback none; either ends the rollout.
    private mutating func finish(promoted: Bool) -> [RolloutEvent] {
        let events = move(to: promoted ? 100 : 0) + [promoted ? .promoted : .rolledBack]
        phase = promoted ? .promoted : .rolledBack
        nextAnalysis = nil
        nextStep = nil
        return events
    }

    private mutating func move(to weight: Int) -> [RolloutEvent] {
        guard weight != canaryWeight else { return [] }
        canaryWeight = weight
        return [.weight(weight)]
    }

    /// Saturating, so that no start or duration can trap.
    private static func later(_ time: Nanoseconds, by duration: Nanoseconds) -> Nanoseconds {
        let (sum, overflow) = time.addingReportingOverflow(duration)
        return overflow ? (duration > 0 ? .max : .min) : sum
    }
}
