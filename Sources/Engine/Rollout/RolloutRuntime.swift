import Policy
import Scenario

/// The rollout during a run: the controller, the canary's traffic in the current analysis
/// window, and its totals since the rollout started.
struct RolloutRuntime: Sendable {
    var controller: RolloutController
    var window = LatencyHistogram()
    var windowErrors = 0
    var servedRequests = 0
    var servedErrors = 0
    /// When the rollout was promoted or rolled back.
    var endedAt: Nanoseconds?
    /// Every analysis check so far, passed or failed.
    var checks: [AnalysisCheck] = []

    init(_ model: RolloutModel) {
        controller = model.controller
    }

    /// An attempt the canary answered (or that timed out on it).
    mutating func record(_ outcome: Outcome, latency: Nanoseconds, now: Nanoseconds, start: Nanoseconds) {
        guard controller.phase == .progressing, now >= start else { return }
        window.record(latency)
        servedRequests += 1
        if outcome.isFailure {
            windowErrors += 1
            servedErrors += 1
        }
    }

    /// The window's measurements, and a fresh window.
    mutating func closeWindow() -> CanaryWindow {
        let measured = CanaryWindow(
            requests: window.count, errors: windowErrors, p99: window.count == 0 ? nil : window.quantile(0.99))
        window.reset()
        windowErrors = 0
        return measured
    }
}
