import Scenario

/// How a run's canary rollout ended, for the summary and for `rollout == …` assertions.
public struct RolloutOutcome: Sendable, Hashable {
    public enum Result: String, Sendable, Hashable, CaseIterable {
        case promoted
        case rolledBack = "rolled-back"
        /// The run ended before the rollout did.
        case incomplete
    }

    public var service: String
    public var stable: String
    public var canary: String
    public var result: Result
    /// When it was promoted or rolled back; nil while incomplete.
    public var time: Nanoseconds?
    /// The canary's weight in percent when the run ended.
    public var finalWeight: Int
    /// Requests the canary version served from the rollout's start to its end (or the end of
    /// the run), each attempt counted as in its version row, and how many of them were errors.
    public var canaryRequests: Int
    public var canaryErrors: Int
    /// Every analysis check, passed or failed, in time order: report.html marks them.
    public var checks: [AnalysisCheck]

    public init(
        service: String, stable: String, canary: String, result: Result, time: Nanoseconds?, finalWeight: Int,
        canaryRequests: Int, canaryErrors: Int, checks: [AnalysisCheck] = []
    ) {
        self.service = service
        self.stable = stable
        self.canary = canary
        self.result = result
        self.time = time
        self.finalWeight = finalWeight
        self.canaryRequests = canaryRequests
        self.canaryErrors = canaryErrors
        self.checks = checks
    }
}

/// One analysis check of the canary: when it ran, whether it passed, and what it measured
/// (for a failed check, the events.csv detail).
public struct AnalysisCheck: Sendable, Hashable {
    public var time: Nanoseconds
    public var passed: Bool
    public var detail: String

    public init(time: Nanoseconds, passed: Bool, detail: String) {
        self.time = time
        self.passed = passed
        self.detail = detail
    }
}
