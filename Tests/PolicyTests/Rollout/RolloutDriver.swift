import Policy
import Scenario
import Testing

/// What the engine does with a `RolloutController`: call `analyze` at `nextAnalysis` and
/// `step` at `nextStep`, in time order, `analyze` first at the same instant.
struct RolloutDriver {
    /// The calls that returned events, with their time. Passed checks are left out: these
    /// tests follow the weights and failures (`RolloutCheckPassedTests` follows the passes).
    struct Tick: Equatable, CustomStringConvertible {
        let at: Nanoseconds
        let events: [RolloutEvent]
        var description: String { "\(Double(at) / 60e9)m: \(events)" }
    }

    static let second: Nanoseconds = 1_000_000_000
    static let minute: Nanoseconds = 60 * second
    static let millisecond: Nanoseconds = 1_000_000

    static let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    /// 1000 requests, `errors` of them failed, p99 in milliseconds.
    static func window(errors: Int = 0, p99: Nanoseconds = 100) -> CanaryWindow {
        CanaryWindow(requests: 1000, errors: errors, p99: p99 * millisecond)
    }

    static let noTraffic = CanaryWindow(requests: 0, errors: 0, p99: nil)

    static func successRate(min: Double) -> Rollout.Metric {
        Rollout.Metric(name: .requestSuccessRate, min: min, location: here)
    }

    static func duration(max: Double) -> Rollout.Metric {
        Rollout.Metric(name: .requestDuration, max: max, location: here)
    }

    static func rollout(start: Nanoseconds = 0, _ analysis: Rollout.Analysis, steps: [Rollout.Step] = []) -> Rollout {
        Rollout(service: "orders", stable: "v1", canary: "v2", start: start, analysis: analysis, steps: steps, location: here)
    }

    /// Drives `controller` up to and including `end`; `window` gives the canary's traffic for
    /// the analysis at a time.
    static func run(
        _ controller: inout RolloutController, until end: Nanoseconds, window: (Nanoseconds) -> CanaryWindow
    ) -> [Tick] {
        var ticks: [Tick] = []
        // A bound on the calls, so that a controller that never advances fails the test
        // instead of hanging it.
        for _ in 0..<1000 {
            let due = [controller.nextAnalysis, controller.nextStep].compactMap { $0 }.min()
            guard let now = due, now <= end else { return ticks }
            let events = (controller.nextAnalysis == now
                ? controller.analyze(now: now, window: window(now))
                : controller.step(now: now)).filter { if case .checkPassed = $0 { false } else { true } }
            if !events.isEmpty {
                ticks.append(Tick(at: now, events: events))
            }
        }
        Issue.record("the controller did not reach \(end) within 1000 calls")
        return ticks
    }
}
