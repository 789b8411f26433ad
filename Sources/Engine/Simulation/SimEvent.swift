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
    /// A mesh hop goes on after a wait (fault delay, retry back-off, sidecar latency).
    case meshStep(call: Int32, token: UInt32, step: MeshStep)
    /// The route timeout of a mesh hop, or Kong's timeout around it (`kong`).
    case hopTimeout(call: Int32, serial: UInt32, kong: Bool)
    /// An outlier interval timer (see `MeshModel.outlierIntervals`): a destination service's,
    /// or a subset's with its own outlier detection.
    case outlierTick(timer: Int32)
    /// A gateway replica's active health-check timer (see `startKongProbes`).
    case kongProbe(timer: Int32)
    /// The rollout controller's analysis tick, and its next Argo step.
    case rolloutAnalysis
    case rolloutStep
    case faultStart(Int32)
    case faultEnd(Int32)
    /// End of a time-series interval.
    case tick
}

/// Where a mesh hop resumes after a wait.
enum MeshStep: UInt8, Sendable {
    /// The fault delay is over: pick the destination.
    case route
    /// The retry back-off is over: the next attempt.
    case attempt
    /// The request has crossed the sidecars: it reaches the host.
    case arrive
    /// Without a sidecar: the request has crossed zones (`mesh.crossZoneLatency`).
    case arriveDirect
    /// The sidecar's own answer (`MeshHop.answer`) goes to the caller. Never delivered
    /// synchronously, so a caller launching several calls is never re-entered.
    case answer
}
