import Scenario

/// Bounds that stop a run which would otherwise take hours: the scenario file cannot
/// always tell (a closed loop's volume depends on its latencies).
struct RunLimits: Sendable {
    /// Events at one simulated instant before the run counts as stuck.
    var eventsPerInstant = 50_000_000
    /// Client requests in one run.
    var requests = 1_000_000_000
}

/// Why a run stopped before its end.
enum RunAbort: Sendable, Equatable {
    case stalled(at: Nanoseconds)
    case tooManyRequests
}
