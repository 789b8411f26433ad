import Scenario

/// What a route's fault injection does to one request.
public enum FaultDecision: Sendable, Equatable {
    case none
    /// Wait, then route the request as usual (flag DI).
    case delay(Nanoseconds)
    /// Answer at once with the status (flag FI); the request is never routed.
    case abort(status: Int)
    /// Wait, then answer with the status (flags DI and FI).
    case delayThenAbort(Nanoseconds, status: Int)
}
