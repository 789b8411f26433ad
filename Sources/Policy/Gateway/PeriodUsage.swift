import Scenario

/// One configured period's count as the `X-RateLimit-*-<Period>` headers show it.
public struct PeriodUsage: Sendable, Equatable {
    public var period: RateLimitingConfig.Period
    public var limit: Int
    /// Requests left in the current window, never below 0.
    public var remaining: Int
    /// Whole seconds to the end of the current window, at least 1.
    public var reset: Int

    public init(period: RateLimitingConfig.Period, limit: Int, remaining: Int, reset: Int) {
        self.period = period
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
    }
}
