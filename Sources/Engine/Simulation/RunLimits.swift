import Scenario

/// Bounds that stop a run which would otherwise take hours or exhaust memory: the scenario
/// file cannot always tell (a closed loop's volume depends on its latencies, a queue without
/// a limit grows as fast as its service is overloaded).
public struct RunLimits: Sendable {
    /// Records in flight by default: requests, calls and attempts being served or queued. At
    /// about 170 bytes each with the mesh on (meshsim-bench, "memory per request in flight"),
    /// a run stopped here peaks near 1 GB.
    public static let defaultInFlight = 6_000_000
    /// The most `inFlight` can be: every record's index must fit an `Int32`.
    public static let maximumInFlight = 1_000_000_000

    /// Events at one simulated instant before the run counts as stuck.
    var eventsPerInstant = 50_000_000
    /// Client requests in one run.
    var requests = 1_000_000_000
    /// Client requests, calls and attempts alive at once before the run stops; each costs
    /// memory until it ends, so this bounds the run's memory.
    public var inFlight = RunLimits.defaultInFlight

    /// Bytes metrics.om may reach (`metrics: openmetrics`), as `TelemetryRecorder` estimates
    /// them: the text is built in memory whole, then written, and `promtool tsdb
    /// create-blocks-from openmetrics` reads it back whole. 1 GiB is thousands of times what a
    /// dashboard needs (a 5-minute run at a 10 s interval with 10 series is 2.4 MB), and with
    /// the string and its UTF-8 copy while writing it keeps the process near 2–3 GB at most.
    public static let defaultMetricsBytes: Double = 1_073_741_824
    /// A compare holds every setup's files until it writes its folder, so it shares this.
    public var metricsBytes = RunLimits.defaultMetricsBytes

    /// Clients and closed-loop users of the scenario: each keeps its next send waiting, in
    /// flight or not, so a small `inFlight` must not stop a scenario of many users at once.
    var senders = 0

    /// Events waiting in the queue before the run stops: mostly timers, several per record in
    /// flight at most, plus those of work already done (see `RunAbort.tooManyEvents`), plus
    /// one per sender.
    var pendingEvents: Int { 2 * inFlight + senders }

    public init(inFlight: Int = RunLimits.defaultInFlight) {
        self.inFlight = min(max(inFlight, 1), Self.maximumInFlight)
    }

    init(eventsPerInstant: Int) {
        self.eventsPerInstant = eventsPerInstant
    }
}

/// Why a run stopped before its end.
enum RunAbort: Sendable, Equatable {
    case stalled(at: Nanoseconds)
    case tooManyRequests
    /// More than `RunLimits.inFlight` records were alive at once.
    case tooManyInFlight(at: Nanoseconds)
    /// More than `RunLimits.pendingEvents` events waited at once.
    case tooManyEvents(at: Nanoseconds, pending: Int)
    /// metrics.om would outgrow `RunLimits.metricsBytes`: `series` series so far, each with a
    /// sample per interval up to `samples`, make about `bytes`.
    case tooLargeMetrics(at: Nanoseconds, series: Int, samples: Int, bytes: Double)
}
