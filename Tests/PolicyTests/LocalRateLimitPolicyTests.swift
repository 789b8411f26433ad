import Policy
import Scenario
import Testing

/// The spec's Envoy local rate limit: a bucket of max_tokens, full at the start, refilled
/// continuously at tokens_per_fill / fill_interval, one token per request.
@Suite struct LocalRateLimitPolicyTests {
    let millisecond: Nanoseconds = 1_000_000
    let second: Nanoseconds = 1_000_000_000

    @Test func theBucketStartsFullWithMaxTokens() {
        var bucket = LocalRateLimitPolicy(LocalRateLimitConfig(maxTokens: 10, tokensPerFill: 5, fillInterval: second))
        #expect(bucket.tokens(at: 0) == 10)
        let taken = (0..<11).map { _ in bucket.take(now: 0) }
        #expect(taken == Array(repeating: true, count: 10) + [false])
    }

    @Test func theBucketRefillsContinuouslyBetweenFills() {
        // 5 per 1 s is one token per 200 ms: 400 ms after emptying, 2 tokens are back.
        var bucket = LocalRateLimitPolicy(LocalRateLimitConfig(maxTokens: 10, tokensPerFill: 5, fillInterval: second))
        for _ in 0..<10 { _ = bucket.take(now: 0) }
        #expect(bucket.tokens(at: 100 * millisecond) == 0.5)
        let times: [Nanoseconds] = [400, 400, 400, 599, 600].map { $0 * millisecond }
        #expect(times.map { bucket.take(now: $0) } == [true, true, false, false, true])
    }

    @Test func theBucketNeverHoldsMoreThanMaxTokens() {
        var bucket = LocalRateLimitPolicy(LocalRateLimitConfig(maxTokens: 3, tokensPerFill: 1, fillInterval: 50 * millisecond))
        _ = bucket.take(now: 0)
        #expect(bucket.tokens(at: 3_600 * second) == 3)
        let taken = (0..<4).map { _ in bucket.take(now: 3_600 * second) }
        #expect(taken == [true, true, true, false])
    }

    @Test func aFailedTakeCostsNothing() {
        var bucket = LocalRateLimitPolicy(LocalRateLimitConfig(maxTokens: 1, tokensPerFill: 1, fillInterval: second))
        let times = (0...10).map { Nanoseconds($0) * 100 * millisecond }
        #expect(times.map { bucket.take(now: $0) } == [true] + Array(repeating: false, count: 9) + [true])
    }

    @Test func anEarlierTimeDoesNotRefillTheBucket() {
        var bucket = LocalRateLimitPolicy(LocalRateLimitConfig(maxTokens: 2, tokensPerFill: 1, fillInterval: second))
        let times = [5 * second, 5 * second, 4 * second]
        #expect(times.map { bucket.take(now: $0) } == [true, true, false])
        #expect(bucket.tokens(at: 5 * second + 500 * millisecond) == 0.5)
    }
}
