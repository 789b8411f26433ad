import Policy
import Scenario
import Testing

/// Retries as Istio configures Envoy's router (policy-semantics.md "Timeouts and retries";
/// Istio retry.go `defaultPolicy`/`ConvertPolicy`/`parseRetryOn`; Envoy retry_state_impl.cc
/// `wouldRetryFromHeaders`/`wouldRetryFromReset`, router.cc `finalTimeout`/`onPerTryTimeout`,
/// backoff_strategy.cc `JitteredExponentialBackOffStrategy`).
@Suite struct RetryPolicyTests {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
    let ms: Nanoseconds = 1_000_000

    /// How the engine reports what happened to an attempt.
    let perTryTimeout = Outcome(status: 504, flag: .timeout)
    let connectFailure = Outcome(status: 503, flag: .connectFailure)
    let reset = Outcome(status: 503, flag: .connectionTermination)

    func answer(_ status: Int32) -> Outcome { Outcome(status: status, flag: .none) }

    func policy(attempts: Int = 3, retryOn: String?, perTry: Nanoseconds? = nil, routeTimeout: Nanoseconds? = nil) -> RetryPolicy {
        RetryPolicy(HTTPRetry(attempts: attempts, perTryTimeout: perTry, retryOn: retryOn, location: here), routeTimeout: routeTimeout)
    }

    @Test func withoutARetriesBlockIstioRetriesConnectFailuresTwice() {
        let istio = RetryPolicy(nil, routeTimeout: nil)
        #expect(istio.maxRetries == 2)
        #expect(istio.retryOn == [.connectFailure, .refusedStream, .unavailable, .cancelled, .retriableStatusCodes])
        #expect(istio.retriableStatusCodes.isEmpty)
        #expect(istio.perTryTimeout == nil)
        #expect(istio.isRetriable(connectFailure))
        #expect(!istio.isRetriable(answer(503)))
        #expect(!istio.isRetriable(reset))
        #expect(istio.summary == "2 retries on connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes, no route timeout")
    }

    @Test func aPerTryTimeoutIsNotRetriedUnderIstiosDefaultButIsUnder5xxGatewayErrorOrReset() {
        #expect(!RetryPolicy(nil, routeTimeout: nil).isRetriable(perTryTimeout))
        #expect(!policy(retryOn: "connect-failure,retriable-4xx,503").isRetriable(perTryTimeout))
        #expect(policy(retryOn: "5xx").isRetriable(perTryTimeout))
        #expect(policy(retryOn: "gateway-error").isRetriable(perTryTimeout))
        #expect(policy(retryOn: "reset").isRetriable(perTryTimeout))
    }

    @Test func anAbsentRetryOnKeepsIstiosDefaultConditions() {
        let retries = RetryPolicy(HTTPRetry(attempts: 5, location: here), routeTimeout: nil)
        #expect(retries.maxRetries == 5)
        #expect(retries.retryOn == RetryPolicy.istioDefaultRetryOn)
    }

    @Test func fiveXXRetriesEvery5xxAndEveryFailureWithoutAnAnswer() {
        let retries = policy(retryOn: "5xx")
        #expect([500, 501, 503, 599].allSatisfy { retries.isRetriable(answer($0)) })
        #expect(![200, 404, 409, 429].contains { retries.isRetriable(answer($0)) })
        #expect(retries.isRetriable(connectFailure))
        #expect(retries.isRetriable(reset))
    }

    @Test func gatewayErrorRetries502To504Only() {
        let retries = policy(retryOn: "gateway-error")
        #expect([502, 503, 504].allSatisfy { retries.isRetriable(answer($0)) })
        #expect(!retries.isRetriable(answer(500)))
        #expect(!retries.isRetriable(answer(501)))
        #expect(retries.isRetriable(connectFailure))
    }

    @Test func resetAndConnectFailureConditions() {
        let onReset = policy(retryOn: "reset")
        #expect(onReset.isRetriable(reset))
        #expect(onReset.isRetriable(connectFailure))
        #expect(!onReset.isRetriable(answer(503)))
        let onConnect = policy(retryOn: "connect-failure")
        #expect(onConnect.isRetriable(connectFailure))
        #expect(!onConnect.isRetriable(reset))
        #expect(!onConnect.isRetriable(answer(503)))
    }

    @Test func anInjectedAbortIsNeverRetried() {
        let retries = policy(retryOn: "5xx,gateway-error,reset,connect-failure,503")
        #expect(!retries.isRetriable(Outcome(status: 503, flag: .faultInjected)))
    }

    @Test func aCircuitBreakerOverflowIsNeverRetried() {
        let retries = policy(retryOn: "5xx,gateway-error,reset,connect-failure,503")
        #expect(!retries.isRetriable(Outcome(status: 503, flag: .overflow)))
    }

    @Test func retriable4xxRetries409Only() {
        let retries = policy(retryOn: "retriable-4xx")
        #expect(retries.isRetriable(answer(409)))
        #expect(![400, 404, 408, 429, 500].contains { retries.isRetriable(answer($0)) })
    }

    @Test func aNumberInRetryOnAddsARetriableStatusCode() {
        let retries = policy(retryOn: "gateway-error, 429")
        #expect(retries.retriableStatusCodes == [429])
        #expect(retries.retryOn.contains(.retriableStatusCodes))
        #expect(retries.isRetriable(answer(429)))
        #expect(retries.isRetriable(answer(503)))
        #expect(!retries.isRetriable(answer(500)))
        #expect(retries.summary == "3 retries on gateway-error,429, no route timeout")
    }

    @Test func aNumberGoDoesNotKnowAsAStatusIsNoStatusCode() {
        let retries = policy(retryOn: "connect-failure,599")
        #expect(retries.retriableStatusCodes.isEmpty)
        #expect(!retries.isRetriable(answer(599)))
    }

    @Test func attemptsZeroDisablesRetriesAndThePerTryTimeout() {
        let retries = policy(attempts: 0, retryOn: "5xx,connect-failure", perTry: 200 * ms)
        #expect(retries.maxRetries == 0)
        #expect(!retries.isRetriable(connectFailure))
        #expect(!retries.isRetriable(answer(503)))
        #expect(retries.perTryTimeout == nil)
        #expect(retries.summary == "no retries, no route timeout")
    }

    @Test func aPerTryTimeoutNotShorterThanTheRouteTimeoutIsIgnored() {
        let equal = policy(retryOn: "5xx", perTry: 1_000 * ms, routeTimeout: 1_000 * ms)
        #expect(equal.perTryTimeout == nil)
        #expect(equal.ignoredPerTryTimeout == 1_000 * ms)
        #expect(policy(retryOn: "5xx", perTry: 2_000 * ms, routeTimeout: 1_000 * ms).perTryTimeout == nil)
        #expect(policy(retryOn: "5xx", perTry: 200 * ms, routeTimeout: 1_000 * ms).perTryTimeout == 200 * ms)
        #expect(policy(retryOn: "5xx", perTry: 2_000 * ms, routeTimeout: nil).perTryTimeout == 2_000 * ms)
    }

    @Test func theBackoffIntervalsAre25_50_100_200_250_250Milliseconds() {
        let ceilings = (1...7).map { RetryPolicy.backoffCeiling(retry: $0) / ms }
        #expect(ceilings == [25, 50, 100, 200, 250, 250, 250])
    }

    @Test func theBackoffIsAWholeMillisecondBelowTheInterval() {
        let retries = RetryPolicy(nil, routeTimeout: nil)
        var rng = MeshScriptedRandom(ints: [24, 0, 199])
        #expect(retries.backoff(retry: 1, &rng) == 24 * ms)
        #expect(retries.backoff(retry: 2, &rng) == 0)
        #expect(retries.backoff(retry: 4, &rng) == 199 * ms)
        #expect(rng.askedBelow == [25, 50, 200])
    }

    @Test func theSummaryReadsLikeTheSpecExample() {
        let retries = policy(retryOn: "5xx,connect-failure", perTry: 200 * ms, routeTimeout: 1_000 * ms)
        #expect(retries.summary == "3 retries on 5xx,connect-failure, per try 200ms, route timeout 1s")
        let ignored = policy(attempts: 1, retryOn: "reset", perTry: 1_500 * ms, routeTimeout: 1_000 * ms)
        #expect(ignored.summary == "1 retry on reset, per try 1500ms ignored (not shorter than the route timeout), route timeout 1s")
    }
}
