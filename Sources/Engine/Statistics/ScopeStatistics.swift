import Policy
import Scenario

/// Everything measured for one report scope: run totals, the current time-series
/// interval, and answer counts by status and flag. Memory is fixed per scope.
///
/// A value is recorded once, into the open interval (counts and latencies), and added to the
/// run's totals when its interval closes: half the work per request of keeping both.
struct ScopeStatistics: Sendable {
    struct ResponseTally: Sendable {
        var status: Int32
        var flag: ResponseFlag
        var count: Int
    }

    /// Counts of the closed intervals.
    private var closedCounts = ScopeCounts()
    /// The run's latencies up to the last closed interval.
    private(set) var latency = LatencyHistogram()
    /// Counts since the last closed interval.
    private(set) var interval = ScopeCounts()
    private(set) var intervalLatency = LatencyHistogram()
    /// Answers repeat in runs (nearly all 200s, a burst of 503s): the current run is counted
    /// here, and reaches `tallies` only when a different answer ends it.
    private var run = ResponseTally(status: 0, flag: .none, count: 0)
    /// Few distinct (status, flag) pairs occur per scope, so a linear scan beats hashing.
    private var tallies: ContiguousArray<ResponseTally> = []

    /// Answer counts by (status, flag), in order of first appearance.
    var responses: ContiguousArray<ResponseTally> {
        var all = tallies
        if run.count > 0 { Self.add(run, to: &all) }
        return all
    }

    /// The run's counts so far, the open interval included.
    var counts: ScopeCounts {
        var counts = closedCounts
        counts.add(interval)
        return counts
    }

    mutating func record(_ outcome: Outcome, latency value: Nanoseconds) {
        let status = outcome.status
        interval.requests += 1
        if status > 0 && status < 400 { interval.ok += 1 }
        if status >= 500 || status == 0 { interval.errors += 1 }
        switch status {
        case 429:
            interval.rateLimited += 1
        case 401, 403:
            interval.unauthorized += 1
        case 0, 504:
            interval.timeouts += 1
        case 503 where outcome.flag == .overflow:
            interval.overflows += 1
        default:
            break
        }
        intervalLatency.record(value)
        tally(outcome)
    }

    mutating func recordRetry() {
        interval.retries += 1
    }

    /// Hands back the interval just ended, with its median and p99 (nil when empty), and starts
    /// the next. `latency` covers the run only once every interval is closed.
    mutating func closeInterval() -> (counts: ScopeCounts, p50: Nanoseconds?, p99: Nanoseconds?) {
        let empty = intervalLatency.count == 0
        let ended = (interval, empty ? nil : intervalLatency.quantile(0.5), empty ? nil : intervalLatency.quantile(0.99))
        closedCounts.add(interval)
        latency.merge(intervalLatency)
        interval = ScopeCounts()
        intervalLatency.reset()
        return ended
    }

    /// Adds a child scope's open interval (counts and latencies) to this one's, before either
    /// closes. O(buckets between the child's minimum and maximum).
    mutating func absorbInterval(of child: borrowing ScopeStatistics) {
        interval.add(child.interval)
        intervalLatency.merge(child.intervalLatency)
    }

    /// Adds a child scope's answer tallies to this one's, at the end of the run. Counts and
    /// latencies are not touched: they arrive interval by interval through `absorbInterval`.
    mutating func absorbTallies(of child: borrowing ScopeStatistics) {
        for response in child.responses { Self.add(response, to: &tallies) }
    }

    private mutating func tally(_ outcome: Outcome) {
        if run.status == outcome.status, run.flag == outcome.flag {
            run.count += 1
            return
        }
        if run.count > 0 { Self.add(run, to: &tallies) }
        run = ResponseTally(status: outcome.status, flag: outcome.flag, count: 1)
    }

    private static func add(_ response: ResponseTally, to tallies: inout ContiguousArray<ResponseTally>) {
        for index in tallies.indices where tallies[index].status == response.status && tallies[index].flag == response.flag {
            tallies[index].count += response.count
            return
        }
        tallies.append(response)
    }
}
