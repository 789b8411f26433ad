import Engine
import Scenario

/// What the experiment keeps of one simulation once its own report files are written: the
/// summary rows and the assertions' measurements, no per-request or per-interval data, so
/// that a sweep of a thousand points holds a thousand summaries and nothing more.
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
    /// Rows this unit adds to a file the experiment assembles from every unit's rows, by file
    /// name (compare.csv of a compare without replications); rows end with "\n".
    public var rows: [String: String]

    public init(
        unit: Int, summary: [ScopeSummary], countedDuration: Nanoseconds, rollout: String? = nil,
        assertions: [AssertionMeasurement] = [], rows: [String: String] = [:]
    ) {
        self.unit = unit
        self.summary = summary
        self.countedDuration = countedDuration
        self.rollout = rollout
        self.assertions = assertions
        self.rows = rows
    }
}
