import Policy
import Scenario

/// Everything measured for one report scope: run totals, the current time-series
/// interval, and answer counts by status and flag. Memory is fixed per scope.
///
/// A value is recorded once, into the open interval, and added to the run's totals when its
/// interval closes; the open interval's latencies are kept apart, in `IntervalLatencies`.
/// An answer is recorded only as a tally of its (status, flag): the counts (ok, errors,
/// timeouts, …) are functions of those two, so they are worked out from the tallies when
/// the interval closes rather than counted on every request.
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
    /// Retries in the open interval: the one count that is not an answer.
    private var intervalRetries = 0
    /// Answers repeat in runs (nearly all 200s, a burst of 503s): the current run is counted
    /// here, and reaches `intervalTallies` only when a different answer ends it or the interval
    /// closes. Its status and flag outlive a close, so the next answer usually extends it.
    private var run = ResponseTally(status: 0, flag: .none, count: 0)
    /// The open interval's answers by (status, flag), apart from the current run. Few distinct
    /// pairs occur per scope, so a linear scan beats hashing.
    private var intervalTallies: ContiguousArray<ResponseTally> = []
    /// The closed intervals' answers.
    private var tallies: ContiguousArray<ResponseTally> = []

    /// Answer counts by (status, flag), in order of first appearance.
    var responses: ContiguousArray<ResponseTally> {
        var all = tallies
        for tally in openTallies { Self.add(tally, to: &all) }
        return all
    }

    /// The open interval's counts.
    var interval: ScopeCounts {
        var counts = ScopeCounts(retries: intervalRetries)
        for tally in openTallies { Self.count(tally, into: &counts) }
        return counts
    }

    /// The run's counts so far, the open interval included.
    var counts: ScopeCounts {
        var counts = closedCounts
        counts.add(interval)
        return counts
    }

    /// The open interval's answers, the current run included.
    private var openTallies: ContiguousArray<ResponseTally> {
        var open = intervalTallies
        if run.count > 0 { Self.add(run, to: &open) }
        return open
    }

    /// Counts an answer; its latency goes to `IntervalLatencies`. Inlined: it runs for every
    /// answer, and is mostly one comparison and one increment.
    @inline(__always)
    mutating func record(_ outcome: Outcome) {
        if run.status == outcome.status, run.flag == outcome.flag {
            run.count += 1
            return
        }
        endRun()
        run = ResponseTally(status: outcome.status, flag: outcome.flag, count: 1)
    }

    mutating func recordRetry() {
        intervalRetries += 1
    }

    /// Hands back the interval just ended, with its median and p99 (nil when empty), and starts
    /// the next. `intervalLatency` holds the interval's latencies (from `IntervalLatencies`).
    /// `latency` covers the run only once every interval is closed.
    mutating func closeInterval(
        latency intervalLatency: borrowing LatencyHistogram
    ) -> (counts: ScopeCounts, p50: Nanoseconds?, p99: Nanoseconds?) {
        endRun()
        let counts = interval
        let empty = intervalLatency.count == 0
        let ended = (counts, empty ? nil : intervalLatency.quantile(0.5), empty ? nil : intervalLatency.quantile(0.99))
        closedCounts.add(counts)
        for tally in intervalTallies { Self.add(tally, to: &tallies) }
        intervalTallies.removeAll(keepingCapacity: true)
        intervalRetries = 0
        latency.merge(copy intervalLatency)
        return ended
    }

    /// Adds a child scope's open interval (answers and retries) to this one's, before either
    /// closes.
    mutating func absorbInterval(of child: borrowing ScopeStatistics) {
        for tally in child.openTallies { Self.add(tally, to: &intervalTallies) }
        intervalRetries += child.intervalRetries
    }

    private mutating func endRun() {
        guard run.count > 0 else { return }
        Self.add(run, to: &intervalTallies)
        run.count = 0
    }

    private static func add(_ response: ResponseTally, to tallies: inout ContiguousArray<ResponseTally>) {
        for index in tallies.indices where tallies[index].status == response.status && tallies[index].flag == response.flag {
            tallies[index].count += response.count
            return
        }
        tallies.append(response)
    }

    /// What `count` answers of one (status, flag) add to each count.
    private static func count(_ tally: ResponseTally, into counts: inout ScopeCounts) {
        let status = tally.status
        counts.requests += tally.count
        if status > 0 && status < 400 { counts.ok += tally.count }
        if status >= 500 || status == 0 { counts.errors += tally.count }
        switch status {
        case 429:
            counts.rateLimited += tally.count
        case 401, 403:
            counts.unauthorized += tally.count
        case 0, 504:
            counts.timeouts += tally.count
        case 503 where tally.flag == .overflow:
            counts.overflows += tally.count
        default:
            break
        }
    }
}
