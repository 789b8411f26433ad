/// What can happen at a point in simulated time. A small value type: the queue holds
/// millions of these, so payloads are indices into the simulation's tables, and a token
/// that lets a stale event (for a request already finished) be recognised and dropped.
enum SimEvent: Sendable {
    /// An open-loop client's next arrival.
    case arrival(client: Int32)
    /// A closed-loop user sends its next request (after thinking).
    case userSend(client: Int32, user: Int32)
    case clientTimeout(request: Int32, token: UInt32)
    case clientRetry(request: Int32, token: UInt32)
    /// A job can go on: its server finished processing it, or a hang that held it ended.
    case jobReady(job: Int32, token: UInt32)
    /// An attempt failed without an answer (refused, overflowed, reset). Delivered as an
    /// event, never synchronously, so a caller launching several calls is never re-entered.
    case attemptFailed(call: Int32, token: UInt32, failure: AttemptFailure)
    /// A call's current attempt ran out of time.
    case attemptTimeout(call: Int32, token: UInt32)
    case faultStart(Int32)
    case faultEnd(Int32)
    /// End of a time-series interval.
    case tick
}
