import Scenario

/// Kong's `rate-limiting` plugin (Kong 3.x `kong/plugins/rate-limiting/handler.lua` and
/// `policies/init.lua`): the counters of one counting scope, one instance per gateway replica
/// under `policy: local`, one shared instance under `cluster` and `redis`.
///
/// Identities are small integers the caller interns once (consumer, credential, ip, service,
/// header value, path), so a request does no string look-up. Identities outside
/// `0..<identities` share one extra row of counters, which keeps a caller's slip from
/// crashing a run.
///
/// Kong facts modelled: fixed calendar windows (see `RateLimitCalendar`); a request is
/// rejected when any period's count has reached its limit, so N pass per window and the
/// (N+1)th is rejected; under `local` and `cluster` only passed requests are counted (Kong
/// increments in the log phase after the access phase let the request through), under
/// `redis` every request is counted (Kong's redis `usage` is an `INCR` of every period
/// before the decision). Kong's local and cluster increments are asynchronous, so a real
/// burst may overshoot by a few; meshsim counts atomically. `RateLimit-Reset` counts to the
/// calendar end of the window, as the spec says; Kong subtracts the time spent in the window
/// from a fixed length (30 days for a month, 365 for a year), which differs for months that
/// are not 30 days long.
///
/// Decided here: a limit below 0 acts as 0; a period listed twice keeps its lower limit; a
/// config without limits (refused by the decoder, as by Kong's schema) never rejects.
public struct RateLimitingPolicy: Sendable {
    private struct Slot {
        var windowStart: Nanoseconds
        var count: Int
    }

    public let config: RateLimitingConfig
    /// One per configured period, in period order.
    private let limits: [PeriodLimit]
    /// Identities with a row of their own, plus the shared extra row, which is the last.
    private var rows: Int
    /// Row-major: identity × period.
    private var slots: ContiguousArray<Slot>

    public init(_ config: RateLimitingConfig, identities: Int) {
        self.config = config
        var strictest: [RateLimitingConfig.Period: Int] = [:]
        for entry in config.limits {
            strictest[entry.period] = min(max(0, entry.limit), strictest[entry.period] ?? .max)
        }
        limits = RateLimitingConfig.Period.allCases.compactMap { period in
            strictest[period].map { PeriodLimit(period: period, limit: $0) }
        }
        rows = max(0, identities) + 1
        slots = ContiguousArray(repeating: Slot(windowStart: .min, count: 0), count: rows * limits.count)
    }

    /// Gives identities up to `count - 1` rows of their own, empty, for a caller that learns
    /// its identities as requests arrive. Rows double, so this is amortised O(periods) per
    /// identity; the counts already made stay where they are.
    public mutating func growIdentities(to count: Int) {
        guard count > rows - 1 else { return }
        let (twice, overflow) = (rows - 1).multipliedReportingOverflow(by: 2)
        let (newRows, rowsOverflow) = max(count, overflow ? .max : twice).addingReportingOverflow(1)
        let (size, sizeOverflow) = newRows.multipliedReportingOverflow(by: limits.count)
        precondition(!rowsOverflow && !sizeOverflow, "rate-limit counters for \(count) identities do not fit in memory")
        var grown = ContiguousArray(repeating: Slot(windowStart: .min, count: 0), count: size)
        let kept = (rows - 1) * limits.count
        grown.replaceSubrange(0..<kept, with: slots[0..<kept])
        grown.replaceSubrange((size - limits.count)..<size, with: slots[kept...])
        rows = newRows
        slots = grown
    }

    /// Counts one request for `identity` at `now` and decides it. O(periods), no allocation.
    ///
    /// `remaining` values describe the counters after this request: under `redis` a rejected
    /// request has used up one more of every period's budget (Kong's own header shows the
    /// count read just before its increment there, one higher for the periods not exhausted).
    public mutating func check(identity: Int, now: Nanoseconds) -> RateLimitDecision {
        guard !limits.isEmpty else {
            return RateLimitDecision(
                allowed: true, period: .second, limit: .max, remaining: .max,
                reset: RateLimitCalendar.secondsToEnd(.second, at: now), retryAfter: nil)
        }
        let base = row(of: identity) * limits.count
        var exhausted = false
        for index in limits.indices {
            let start = RateLimitCalendar.windowStart(limits[index].period, at: now)
            if slots[base + index].windowStart != start {
                slots[base + index] = Slot(windowStart: start, count: 0)
            }
            if slots[base + index].count >= limits[index].limit { exhausted = true }
        }
        let counted = !exhausted || config.policy == .redis
        var chosen = 0
        var lowest = Int.max
        for index in limits.indices {
            if counted { slots[base + index].count += 1 }
            let remaining = max(0, limits[index].limit - slots[base + index].count)
            // Periods ascend, so `<=` hands a tie to the longer period, as Kong's handler does.
            if remaining <= lowest {
                lowest = remaining
                chosen = index
            }
        }
        let reset = RateLimitCalendar.secondsToEnd(limits[chosen].period, at: now)
        return RateLimitDecision(
            allowed: !exhausted, period: limits[chosen].period, limit: limits[chosen].limit,
            remaining: lowest, reset: reset, retryAfter: exhausted ? reset : nil)
    }

    /// What each configured period shows at `now`, without counting (for `meshsim eval`, and
    /// for the headers of the request just checked).
    public func usage(identity: Int, now: Nanoseconds) -> [PeriodUsage] {
        let base = row(of: identity) * limits.count
        return limits.indices.map { index in
            let period = limits[index].period
            let slot = slots[base + index]
            let count = slot.windowStart == RateLimitCalendar.windowStart(period, at: now) ? slot.count : 0
            return PeriodUsage(
                period: period, limit: limits[index].limit, remaining: max(0, limits[index].limit - count),
                reset: RateLimitCalendar.secondsToEnd(period, at: now))
        }
    }

    /// The headers Kong adds to the answer: `X-RateLimit-Limit-<Period>` and
    /// `X-RateLimit-Remaining-<Period>` for every period of `usage` (pass `usage(identity:now:)`
    /// taken right after `check`), then `RateLimit-Limit`, `RateLimit-Remaining`,
    /// `RateLimit-Reset` of the decision's period, and `Retry-After` on a 429. With
    /// `hide_client_headers` Kong adds none of them, not even `Retry-After`.
    public static func headers(decision: RateLimitDecision, usage: [PeriodUsage], hideClientHeaders: Bool) -> [Header] {
        guard !hideClientHeaders else { return [] }
        var headers: [Header] = []
        for entry in usage {
            let suffix = headerSuffix(entry.period)
            headers.append(Header(name: "X-RateLimit-Limit-\(suffix)", value: String(entry.limit)))
            headers.append(Header(name: "X-RateLimit-Remaining-\(suffix)", value: String(entry.remaining)))
        }
        headers.append(Header(name: "RateLimit-Limit", value: String(decision.limit)))
        headers.append(Header(name: "RateLimit-Remaining", value: String(decision.remaining)))
        headers.append(Header(name: "RateLimit-Reset", value: String(decision.reset)))
        if let retryAfter = decision.retryAfter {
            headers.append(Header(name: "Retry-After", value: String(retryAfter)))
        }
        return headers
    }

    private func row(of identity: Int) -> Int {
        (identity >= 0 && identity < rows - 1) ? identity : rows - 1
    }

    /// Kong's spelling in its header names.
    private static func headerSuffix(_ period: RateLimitingConfig.Period) -> String {
        switch period {
        case .second: return "Second"
        case .minute: return "Minute"
        case .hour: return "Hour"
        case .day: return "Day"
        case .month: return "Month"
        case .year: return "Year"
        }
    }
}
