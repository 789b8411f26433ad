import Policy
import Scenario

/// The canary rollout in the run: the controller's analysis ticks and steps, the weights it
/// sets (on the service's VirtualService rule with the mesh, on every caller's choice of
/// instance without it), and its events.
///
/// The controller acts only while clients send (up to `duration`): after that there is no
/// traffic to judge, and a Flagger analysis would count the silence as failed checks.
extension Simulation {
    mutating func startRollout() {
        guard let runtime = rollout else { return }
        if let time = runtime.controller.nextStep { queue.push(.rolloutStep, at: time) }
        if let time = runtime.controller.nextAnalysis { queue.push(.rolloutAnalysis, at: time) }
    }

    mutating func rolloutAnalysis() {
        guard var runtime = rollout, let time = runtime.controller.nextAnalysis, time == now, now <= world.duration else { return }
        let window = runtime.closeWindow()
        let changes = runtime.controller.analyze(now: now, window: window)
        rollout = runtime
        apply(changes)
        if let next = rollout?.controller.nextAnalysis, next > now { queue.push(.rolloutAnalysis, at: next) }
    }

    mutating func rolloutStep() {
        // The window due now was served under the weight before this step: judge it first.
        if rollout?.controller.nextAnalysis == now { rolloutAnalysis() }
        guard var runtime = rollout, let time = runtime.controller.nextStep, time == now, now <= world.duration else { return }
        let changes = runtime.controller.step(now: now)
        rollout = runtime
        apply(changes)
        if let next = rollout?.controller.nextStep, next > now { queue.push(.rolloutStep, at: next) }
    }

    private mutating func apply(_ changes: [RolloutEvent]) {
        guard let model = world.rollout else { return }
        let service = world.services[model.service].name
        let stable = world.versions[model.stable].name
        let canary = world.versions[model.canary].name
        for change in changes {
            switch change {
            case .weight(let weight):
                events.append(EventRecord(
                    time: now, kind: "rollout_weight", target: service, detail: "\(canary)=\(weight)% \(stable)=\(100 - weight)%"))
            case .checkFailed(let failure, let failures, let limit):
                let what = switch failure {
                case .noTraffic: "no canary traffic"
                case .belowMin(let metric, let measured, let min): "\(metric.rawValue) \(Self.number(measured)) < min \(Self.number(min))"
                case .aboveMax(let metric, let measured, let max): "\(metric.rawValue) \(Self.number(measured)) > max \(Self.number(max))"
                }
                let detail = "\(what) (failed checks \(failures), threshold \(limit))"
                events.append(EventRecord(time: now, kind: "rollout_check_failed", target: service, detail: detail))
                rollout?.checks.append(AnalysisCheck(time: now, passed: false, detail: detail))
            case .checkPassed(let measured):
                // Not an event: events.csv lists what changed, and a passed check changes nothing.
                rollout?.checks.append(AnalysisCheck(time: now, passed: true, detail: Self.passedDetail(measured)))
            case .promoted:
                rollout?.endedAt = now
                events.append(EventRecord(time: now, kind: "rollout_promoted", target: service, detail: "\(canary) takes 100%"))
            case .rolledBack:
                rollout?.endedAt = now
                events.append(EventRecord(time: now, kind: "rollout_rolled_back", target: service, detail: "\(stable) takes 100%"))
            }
        }
    }

    /// "request-success-rate 100 ≥ min 99, request-duration 120 ≤ max 500": each metric as
    /// measured, with the bounds it was within.
    private static func passedDetail(_ measured: [CheckMeasurement]) -> String {
        guard !measured.isEmpty else { return "canary traffic, no metrics to check" }
        return measured.map { metric in
            var bounds: [String] = []
            if let min = metric.min { bounds.append("≥ min \(number(min))") }
            if let max = metric.max { bounds.append("≤ max \(number(max))") }
            return ([metric.metric.rawValue, number(metric.measured)] + bounds).joined(separator: " ")
        }.joined(separator: ", ")
    }

    /// Two decimals at most, trailing zeros dropped: 98.5, 99, 312.25.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int(rounded)) : String(rounded)
    }

    /// The version a request to the rollout's service goes to: the canary with probability
    /// weight / 100, else the stable version. Nil when `service` is not being rolled out.
    /// Inlined: every call asks, and nearly always the answer is the first guard's nil.
    @inline(__always)
    mutating func rolloutVersion(of service: Int, caller: Int) -> Int? {
        guard service == rolloutService, let weight = rollout?.controller.canaryWeight, let stable = world.rollout?.stable else { return nil }
        if weight <= 0 { return stable }
        if weight >= 100 { return rolloutCanary }
        return egress[caller].nextInt(below: 100) < weight ? rolloutCanary : stable
    }

    /// The canary's share for the `weight` column: stable 100 − w, canary w, any other version
    /// of the service 0. Nil for versions of other services.
    func rolloutWeight(of version: Int) -> Double? {
        guard let model = world.rollout, world.versions[version].service == model.service, let runtime = rollout else { return nil }
        let weight = Double(runtime.controller.canaryWeight)
        if version == model.canary { return weight }
        if version == model.stable { return 100 - weight }
        return 0
    }

    /// Feeds the canary's analysis window: every attempt the canary answered, counted or not.
    @inline(__always)
    mutating func recordCanary(version: Int, outcome: Outcome, latency: Nanoseconds) {
        guard version == rolloutCanary, let start = world.rollout?.start else { return }
        rollout?.record(outcome, latency: latency, now: now, start: start)
    }

    func rolloutOutcome() -> RolloutOutcome? {
        guard let model = world.rollout, let runtime = rollout else { return nil }
        let result: RolloutOutcome.Result
        switch runtime.controller.phase {
        case .promoted: result = .promoted
        case .rolledBack: result = .rolledBack
        case .progressing: result = .incomplete
        }
        return RolloutOutcome(
            service: world.services[model.service].name, stable: world.versions[model.stable].name,
            canary: world.versions[model.canary].name, result: result, time: runtime.endedAt,
            finalWeight: runtime.controller.canaryWeight, canaryRequests: runtime.servedRequests,
            canaryErrors: runtime.servedErrors, checks: runtime.checks)
    }
}
