import Policy
import Scenario

/// Everything measured for one report scope: run totals, the current time-series
/// interval, and answer counts by status and flag. Memory is fixed per scope.
struct ScopeStatistics: Sendable {
    struct IntervalCounts: Sendable {
        var requests = 0
        var ok = 0
        var errors = 0
        var rateLimited = 0

        mutating func add(_ other: IntervalCounts) {
            requests += other.requests
            ok += other.ok
            errors += other.errors
            rateLimited += other.rateLimited
        }
    }

    struct ResponseTally: Sendable {
        var status: Int32
        var flag: ResponseFlag
        var count: Int
    }

    private(set) var counts = ScopeCounts()
    /// The run's latencies up to the last closed interval: each value is recorded once, in
    /// `intervalLatency`, and merged in when its interval closes (half the work per request).
    private(set) var latency = LatencyHistogram()
    private(set) var interval = IntervalCounts()
    private(set) var intervalLatency = LatencyHistogram()
    /// Few distinct (status, flag) pairs occur per scope, so a linear scan beats hashing;
    /// most answers repeat the previous one, so that one is tried first.
    private(set) var responses: ContiguousArray<ResponseTally> = []
    private var lastTally = 0

    mutating func record(_ outcome: Outcome, latency value: Nanoseconds) {
        let status = outcome.status
        let isOK = status > 0 && status < 400
        let isError = status >= 500 || status == 0
        counts.requests += 1
        interval.requests += 1
        if isOK {
            counts.ok += 1
            interval.ok += 1
        }
        if isError {
            counts.errors += 1
            interval.errors += 1
        }
        switch status {
        case 429:
            counts.rateLimited += 1
            interval.rateLimited += 1
        case 401, 403:
            counts.unauthorized += 1
        case 0, 504:
            counts.timeouts += 1
        case 503 where outcome.flag == .overflow:
            counts.overflows += 1
        default:
            break
        }
        intervalLatency.record(value)
        tally(outcome)
    }

    mutating func recordRetry() {
        counts.retries += 1
    }

    /// Hands back the interval just ended, with its median and p99 (nil when empty), and starts
    /// the next. `latency` covers the run only once every interval is closed.
    mutating func closeInterval() -> (counts: IntervalCounts, p50: Nanoseconds?, p99: Nanoseconds?) {
        let empty = intervalLatency.count == 0
        let ended = (interval, empty ? nil : intervalLatency.quantile(0.5), empty ? nil : intervalLatency.quantile(0.99))
        latency.merge(intervalLatency)
        interval = IntervalCounts()
        intervalLatency.reset()
        return ended
    }

    /// Adds a child scope's open interval (counts and latencies) to this one's, before either
    /// closes. O(buckets between the child's minimum and maximum).
    mutating func absorbInterval(of child: borrowing ScopeStatistics) {
        interval.add(child.interval)
        intervalLatency.merge(child.intervalLatency)
    }

    /// Adds a child scope's run counts and answer tallies to this one's. Latencies are not
    /// touched: they arrive interval by interval through `absorbInterval`.
    mutating func absorbTotals(of child: borrowing ScopeStatistics) {
        counts.add(child.counts)
        for response in child.responses {
            tally(Outcome(status: response.status, flag: response.flag), count: response.count)
        }
    }

    private mutating func tally(_ outcome: Outcome, count: Int = 1) {
        if lastTally < responses.count, responses[lastTally].status == outcome.status, responses[lastTally].flag == outcome.flag {
            responses[lastTally].count += count
            return
        }
        for index in responses.indices where responses[index].status == outcome.status && responses[index].flag == outcome.flag {
            responses[index].count += count
            lastTally = index
            return
        }
        lastTally = responses.count
        responses.append(ResponseTally(status: outcome.status, flag: outcome.flag, count: count))
    }
}
