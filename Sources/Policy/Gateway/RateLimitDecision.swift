import Scenario

/// What Kong's `rate-limiting` plugin decided about one request, as its headers describe it.
public struct RateLimitDecision: Sendable, Equatable {
    /// False: answered 429 "API rate limit exceeded", flag `RL`.
    public var allowed: Bool
    /// The period with the lowest remaining count after this request; on a tie the longest
    /// period, as Kong's handler picks it. `RateLimit-Limit`, `RateLimit-Remaining` and
    /// `RateLimit-Reset` describe this period.
    public var period: RateLimitingConfig.Period
    public var limit: Int
    public var remaining: Int
    /// Whole seconds to the end of `period`'s window (`RateLimit-Reset`), at least 1.
    public var reset: Int
    /// Seconds for `Retry-After` on a 429 (equal to `reset`), nil when allowed.
    public var retryAfter: Int?

    public init(
        allowed: Bool, period: RateLimitingConfig.Period, limit: Int, remaining: Int, reset: Int, retryAfter: Int?
    ) {
        self.allowed = allowed
        self.period = period
        self.limit = limit
        self.remaining = remaining
        self.reset = reset
        self.retryAfter = retryAfter
    }
}
