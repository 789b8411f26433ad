import Policy
import Scenario
import Testing

/// Envoy's cluster circuit breakers for an HTTP/1.1 upstream (`conn_pool_base.cc`), with
/// Istio's defaults (`getDefaultCircuitBreakerThresholds`: 2^32 − 1 each).
@Suite struct CircuitBreakerTests {
    @Test func theDefaultsAreEffectivelyUnlimited() {
        for pool in [nil, ConnectionPool(), ConnectionPool(maxConnections: 0, http1MaxPendingRequests: 0, http2MaxRequests: 0, maxRetries: 0)] {
            let breaker = CircuitBreaker(pool)
            #expect(breaker.maxConnections == 4_294_967_295)
            #expect(breaker.maxPendingRequests == 4_294_967_295)
            #expect(breaker.maxRequests == 4_294_967_295)
            #expect(breaker.maxRetries == 4_294_967_295)
        }
        var breaker = CircuitBreaker(nil)
        for _ in 0..<10_000 {
            #expect(breaker.admit() == .send)
            #expect(breaker.admitRetry() == true)
        }
        #expect(breaker.inFlight == 10_000)
        #expect(breaker.pending == 0)
    }

    @Test func http2MaxRequestsOverflowAnswersUO() {
        var breaker = CircuitBreaker(ConnectionPool(http2MaxRequests: 2))
        #expect(breaker.admit() == .send)
        #expect(breaker.admit() == .send)
        #expect(breaker.admit() == .overflow)
        #expect(breaker.inFlight == 2)
        #expect(breaker.release() == false)
        #expect(breaker.admit() == .send)
    }

    /// Istio's circuit-breaking example: one connection, one pending request.
    @Test func beyondMaxConnectionsRequestsWaitUpToHttp1MaxPendingRequests() {
        var breaker = CircuitBreaker(ConnectionPool(maxConnections: 1, http1MaxPendingRequests: 1))
        #expect(breaker.admit() == .send)
        #expect(breaker.admit() == .queue)
        #expect(breaker.admit() == .overflow)
        #expect((breaker.inFlight, breaker.pending) == (1, 1))
        // The freed connection goes to the pending request.
        #expect(breaker.release() == true)
        #expect((breaker.inFlight, breaker.pending) == (1, 0))
        #expect(breaker.admit() == .queue)
        breaker.cancelPending()
        #expect(breaker.release() == false)
        #expect((breaker.inFlight, breaker.pending) == (0, 0))
    }

    @Test func aRequestCapBelowTheConnectionCapOverflowsWithoutQueueing() {
        var breaker = CircuitBreaker(ConnectionPool(maxConnections: 10, http1MaxPendingRequests: 5, http2MaxRequests: 2))
        #expect(breaker.admit() == .send)
        #expect(breaker.admit() == .send)
        #expect(breaker.admit() == .overflow)
        #expect(breaker.pending == 0)
    }

    @Test func theMaxRetriesBudgetRefusesARetry() {
        var breaker = CircuitBreaker(ConnectionPool(maxRetries: 1))
        #expect(breaker.admitRetry() == true)
        #expect(breaker.admitRetry() == false)
        breaker.releaseRetry()
        #expect(breaker.admitRetry() == true)
        #expect(breaker.retriesInFlight == 1)
    }
}
