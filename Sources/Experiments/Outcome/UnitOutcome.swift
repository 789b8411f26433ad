import Engine
import Scenario

/// What the experiment keeps of one simulation once its own report files are written: the
/// summary rows and the assertions' measurements, no per-request data. Without a sweep it
/// also keeps the run's intervals and fault windows, which report.html charts across
/// replications or setups; a sweep keeps summaries only, so that a sweep of a thousand
/// points holds a thousand summaries and nothing more.
public struct UnitOutcome: Sendable, Hashable {
    public var unit: Int
    /// As `RunResult.summary`: total, clients, routes, services, versions.
    public var summary: [ScopeSummary]
    /// The run's duration minus its warmup, the divisor of `rps`.
    public var countedDuration: Nanoseconds
    /// The rollout's result word (`promoted`, `rolled-back`, `incomplete`); nil without a rollout.
    public var rollout: String?
    /// One per assertion of the unit's setup, in order.
    public var assertions: [AssertionMeasurement]
    /// What the sidecars did (nil without the mesh) and what the setup charges a proxy for:
    /// compare's mesh cost estimate.
    public var mesh: MeshUsage?
    public var proxyCost: Mesh.ProxyCost
    /// Text the unit adds to what the experiment prints, by name: a single run's summary
    /// table, which needs more of the run than an outcome keeps.
    public var texts: [String: String]
    /// Without a sweep: the run's timeseries rows, its `fault_start`/`fault_end` events, its
    /// duration and interval. Empty and 0 in a sweep.
    public var timeseries: [TimeseriesRow]
    public var events: [EventRecord]
    public var duration: Nanoseconds
    public var interval: Nanoseconds

    public init(
        unit: Int, summary: [ScopeSummary], countedDuration: Nanoseconds, rollout: String? = nil,
        assertions: [AssertionMeasurement] = [], mesh: MeshUsage? = nil, proxyCost: Mesh.ProxyCost = Mesh.ProxyCost(),
        texts: [String: String] = [:], timeseries: [TimeseriesRow] = [], events: [EventRecord] = [], duration: Nanoseconds = 0,
        interval: Nanoseconds = 0
    ) {
        self.unit = unit
        self.summary = summary
        self.countedDuration = countedDuration
        self.rollout = rollout
        self.assertions = assertions
        self.mesh = mesh
        self.proxyCost = proxyCost
        self.texts = texts
        self.timeseries = timeseries
        self.events = events
        self.duration = duration
        self.interval = interval
    }
}
