/// What the circuit breaker does with a new request.
public enum CircuitBreakerAction: Sendable, Equatable {
    /// A connection is free (or may be opened): send the request now.
    case send
    /// Every allowed connection is busy: the request waits, pending, until one frees
    /// (`CircuitBreaker.release()` returns true).
    case queue
    /// A limit is full: answer 503 at once with flag `UO`; outlier detection is not told.
    case overflow
}
