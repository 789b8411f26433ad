import Policy
import Scenario
import Testing

/// Kong 3.x rate-limiting (`handler.lua`, `policies/init.lua`): counting, calendar windows,
/// the policies' handling of rejected requests, remaining/reset values and headers.
@Suite struct RateLimitingPolicyTests {
    let second: Nanoseconds = 1_000_000_000
    let millisecond: Nanoseconds = 1_000_000

    func policy(_ limits: [(RateLimitingConfig.Period, Int)], _ kind: RateLimitingConfig.Policy = .local) -> RateLimitingPolicy {
        RateLimitingPolicy(
            RateLimitingConfig(limits: limits.map { PeriodLimit(period: $0.0, limit: $0.1) }, policy: kind), identities: 2)
    }

    @Test(arguments: RateLimitingConfig.Policy.allCases)
    func nRequestsPassPerWindowAndTheNPlusFirstIsRejected(kind: RateLimitingConfig.Policy) {
        var limiter = policy([(.minute, 3)], kind)
        let allowed = (0..<4).map { limiter.check(identity: 0, now: Nanoseconds($0) * second).allowed }
        #expect(allowed == [true, true, true, false])
    }

    @Test func theWindowResetsOnTheCalendarBoundaryNotOneWindowAfterTheFirstRequest() {
        var limiter = policy([(.minute, 2)])
        let times = [50 * second, 59 * second, 59 * second + 999 * millisecond, 60 * second]
        #expect(times.map { limiter.check(identity: 0, now: $0).allowed } == [true, true, false, true])
    }

    @Test func eachIdentityHasItsOwnCounters() {
        var limiter = policy([(.second, 1)])
        let requests: [(identity: Int, now: Nanoseconds)] = [(0, 0), (0, 1), (1, 2)]
        #expect(requests.map { limiter.check(identity: $0.identity, now: $0.now).allowed } == [true, false, true])
    }

    @Test func identitiesOutsideTheTableShareOneRowOfCounters() {
        var limiter = policy([(.second, 1)])
        let requests: [(identity: Int, now: Nanoseconds)] = [(7, 0), (-1, 1), (1, 2)]
        #expect(requests.map { limiter.check(identity: $0.identity, now: $0.now).allowed } == [true, false, true])
    }

    @Test func grownIdentitiesGetEmptyCountersAndKeepTheCountsMadeBefore() {
        var limiter = policy([(.second, 1)])
        // Identities 0 and 1 have rows; 5 shares the extra row until the table grows to it.
        #expect(limiter.check(identity: 1, now: 0).allowed)
        #expect(limiter.check(identity: 5, now: 1).allowed)
        limiter.growIdentities(to: 6)
        #expect(!limiter.check(identity: 1, now: 2).allowed)
        #expect(limiter.check(identity: 5, now: 3).allowed)
        #expect(limiter.check(identity: 4, now: 4).allowed)
        #expect(!limiter.check(identity: 5, now: 5).allowed)
        // The extra row still holds the count of identity 5's first request.
        #expect(!limiter.check(identity: 9, now: 6).allowed)
    }

    /// second: 2, minute: 5; four requests in second 0, two in second 1, two in second 2.
    /// local/cluster: the two rejected in second 0 cost nothing, so 2 + 2 + 1 pass.
    /// redis: they used up minute budget too (4 counted), so only 1 more passes in second 1.
    @Test(arguments: [
        (RateLimitingConfig.Policy.local, [true, true, false, false, true, true, true, false]),
        (.cluster, [true, true, false, false, true, true, true, false]),
        (.redis, [true, true, false, false, true, false, false, false]),
    ])
    func rejectedRequestsCountUnderRedisButNotUnderLocalOrCluster(kind: RateLimitingConfig.Policy, expected: [Bool]) {
        var limiter = policy([(.second, 2), (.minute, 5)], kind)
        let times: [Nanoseconds] = [0, 100, 200, 300, 1_000, 1_100, 2_000, 2_100].map { $0 * millisecond }
        #expect(times.map { limiter.check(identity: 0, now: $0).allowed } == expected)
    }

    @Test func aRequestIsRejectedWhenAnyPeriodIsExhaustedAndThatPeriodIsReported() {
        var limiter = policy([(.second, 10), (.minute, 3)])
        let passed = (0..<3).map { _ in limiter.check(identity: 0, now: 42 * second).allowed }
        #expect(passed == [true, true, true])
        let rejected = limiter.check(identity: 0, now: 42 * second + 500 * millisecond)
        // Minute exhausted while second still has 7 left: reset counts to 60 s from second 42.
        #expect(rejected == RateLimitDecision(allowed: false, period: .minute, limit: 3, remaining: 0, reset: 18, retryAfter: 18))
    }

    @Test func remainingIsAfterThisRequestAndResetCountsToTheEndOfTheLowestPeriodsWindow() {
        var limiter = policy([(.minute, 5), (.hour, 100)])
        let first = limiter.check(identity: 0, now: 10 * second + 500 * millisecond)
        #expect(first == RateLimitDecision(allowed: true, period: .minute, limit: 5, remaining: 4, reset: 50, retryAfter: nil))
        #expect(limiter.usage(identity: 0, now: 10 * second + 500 * millisecond) == [
            PeriodUsage(period: .minute, limit: 5, remaining: 4, reset: 50),
            PeriodUsage(period: .hour, limit: 100, remaining: 99, reset: 3_590),
        ])
    }

    @Test func onATieInRemainingTheLongerPeriodIsReportedAsKongsHandlerDoes() {
        var limiter = policy([(.second, 5), (.minute, 5)])
        let first = limiter.check(identity: 0, now: 20 * second)
        #expect(first == RateLimitDecision(allowed: true, period: .minute, limit: 5, remaining: 4, reset: 40, retryAfter: nil))
    }

    @Test func retryAfterOnA429IsTheSecondsToTheEndOfTheExhaustedWindow() {
        var perSecond = policy([(.second, 1)])
        let perSecondRetries = [250 * millisecond, 750 * millisecond].map { perSecond.check(identity: 0, now: $0).retryAfter }
        #expect(perSecondRetries == [nil, 1])
        var perMonth = policy([(.month, 1)])
        let day = 86_400 * second
        // Day 30 is 2025-01-31 (one day left in January); day 31 is February 1st.
        let decisions = [0, 30 * day, 31 * day].map { perMonth.check(identity: 0, now: $0) }
        #expect(decisions.map(\.reset) == [31 * 86_400, 86_400, 28 * 86_400])
        #expect(decisions.map(\.retryAfter) == [nil, 86_400, nil])
    }

    @Test func aRejectedRequestLeavesLocalCountersUnchangedButUsesRedisBudget() {
        var local = policy([(.second, 1), (.minute, 10)], .local)
        var redis = policy([(.second, 1), (.minute, 10)], .redis)
        for now: Nanoseconds in [0, 1] {
            _ = local.check(identity: 0, now: now)
            _ = redis.check(identity: 0, now: now)
        }
        #expect(local.usage(identity: 0, now: 2).map(\.remaining) == [0, 9])
        #expect(redis.usage(identity: 0, now: 2).map(\.remaining) == [0, 8])
    }

    @Test func usageDoesNotCount() {
        var limiter = policy([(.minute, 2)])
        #expect(limiter.usage(identity: 0, now: 0) == [PeriodUsage(period: .minute, limit: 2, remaining: 2, reset: 60)])
        #expect(limiter.usage(identity: 0, now: 0) == [PeriodUsage(period: .minute, limit: 2, remaining: 2, reset: 60)])
        let counted = limiter.check(identity: 0, now: 0)
        #expect(counted.remaining == 1)
        // An old window's count does not show in a new one.
        #expect(limiter.usage(identity: 0, now: 61 * second).map(\.remaining) == [2])
    }

    @Test func headersCarryKongsNamesForEveryPeriodThenTheRateLimitFields() {
        var limiter = policy([(.second, 5), (.minute, 10), (.hour, 100), (.day, 1_000), (.month, 10_000), (.year, 100_000)])
        let decision = limiter.check(identity: 0, now: 0)
        let headers = RateLimitingPolicy.headers(decision: decision, usage: limiter.usage(identity: 0, now: 0), hideClientHeaders: false)
        #expect(headers.map(\.name) == [
            "X-RateLimit-Limit-Second", "X-RateLimit-Remaining-Second", "X-RateLimit-Limit-Minute", "X-RateLimit-Remaining-Minute",
            "X-RateLimit-Limit-Hour", "X-RateLimit-Remaining-Hour", "X-RateLimit-Limit-Day", "X-RateLimit-Remaining-Day",
            "X-RateLimit-Limit-Month", "X-RateLimit-Remaining-Month", "X-RateLimit-Limit-Year", "X-RateLimit-Remaining-Year",
            "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
        ])
        #expect(headers.prefix(2).map(\.value) == ["5", "4"])
        #expect(headers.suffix(3).map(\.value) == ["5", "4", "1"])
    }

    @Test func a429AddsRetryAfterUnlessClientHeadersAreHidden() {
        var limiter = policy([(.minute, 1)])
        _ = limiter.check(identity: 0, now: 0)
        let rejected = limiter.check(identity: 0, now: 15 * second)
        let usage = limiter.usage(identity: 0, now: 15 * second)
        #expect(RateLimitingPolicy.headers(decision: rejected, usage: usage, hideClientHeaders: false) == [
            Header(name: "X-RateLimit-Limit-Minute", value: "1"), Header(name: "X-RateLimit-Remaining-Minute", value: "0"),
            Header(name: "RateLimit-Limit", value: "1"), Header(name: "RateLimit-Remaining", value: "0"),
            Header(name: "RateLimit-Reset", value: "45"), Header(name: "Retry-After", value: "45"),
        ])
        #expect(RateLimitingPolicy.headers(decision: rejected, usage: usage, hideClientHeaders: true).isEmpty)
    }
}
