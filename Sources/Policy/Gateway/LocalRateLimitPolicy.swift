import Scenario

/// Envoy's local rate limit as the spec defines it: a token bucket of `max_tokens`, full at
/// the start, refilled continuously at `tokens_per_fill / fill_interval`; each request takes
/// one token, an empty bucket answers 429 `local_rate_limited` (flag `RL`). One per replica.
///
/// The level is kept exactly, in integer units of 1/q token where tokens_per_fill /
/// fill_interval = p/q tokens per nanosecond in lowest terms, so no rounding drifts over a
/// long run. Decided here (the decoder refuses such configs): a negative `max_tokens` or
/// `tokens_per_fill` acts as 0, a `fill_interval` below 1 ns as 1 ns, and a bucket too large
/// for 64-bit units is capped at the largest that fits.
public struct LocalRateLimitPolicy: Sendable {
    /// Units added per nanosecond.
    private let unitsPerNanosecond: Int64
    /// Units in one token.
    private let unitsPerToken: Int64
    private let capacity: Int64
    private var level: Int64
    private var updatedAt: Nanoseconds = 0

    public init(_ config: LocalRateLimitConfig) {
        let perFill = Int64(max(0, config.tokensPerFill))
        let interval = max(1, config.fillInterval)
        let divisor = Self.greatestCommonDivisor(perFill, interval)
        unitsPerNanosecond = perFill / divisor
        unitsPerToken = interval / divisor
        let tokens = min(Int64(max(0, config.maxTokens)), Int64.max / unitsPerToken)
        capacity = tokens * unitsPerToken
        level = capacity
    }

    /// Takes one token at `now`; false means the request is answered 429.
    public mutating func take(now: Nanoseconds) -> Bool {
        level = levelAt(now)
        updatedAt = max(updatedAt, now)
        guard level >= unitsPerToken else { return false }
        level -= unitsPerToken
        return true
    }

    /// Tokens in the bucket at `now`, fractions included.
    public func tokens(at now: Nanoseconds) -> Double {
        Double(levelAt(now)) / Double(unitsPerToken)
    }

    /// Time never runs backwards for the bucket: an earlier `now` sees the current level.
    private func levelAt(_ now: Nanoseconds) -> Int64 {
        let (elapsed, wrapped) = now.subtractingReportingOverflow(updatedAt)
        guard !wrapped, elapsed > 0 else { return level }
        let (added, overflow) = elapsed.multipliedReportingOverflow(by: unitsPerNanosecond)
        guard !overflow, added < capacity - level else { return capacity }
        return level + added
    }

    private static func greatestCommonDivisor(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}
