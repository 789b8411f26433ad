import Policy
/// The mutable side of a gateway replica or an instance: busy workers, its wait queue
/// (an intrusive list through `JobRecord.nextInQueue`), the faults acting on it, and its
/// own random stream.
struct ServerState: Sendable {
    var active = 0
    var queued = 0
    var queueHead: Int32 = -1
    var queueTail: Int32 = -1
    /// Counts, not flags, so overlapping faults of one kind end independently.
    var crashed = 0
    var hung = 0
    /// Indices of active latency and error faults (rarely more than one).
    var latencyFaults: [Int32] = []
    var errorFaults: [Int32] = []
    var rng: RandomStream
    /// Round-robin position per routed service (see `Simulation.cursorSlots`), used when
    /// this server is a gateway replica.
    var cursors: [Int] = []

    init(rng: RandomStream) {
        self.rng = rng
    }
}

/// Why an attempt failed before a server answered it.
enum AttemptFailure: UInt8, Sendable {
    /// Crashed instance or partition: the connection was refused.
    case connectFailure
    /// Workers and queue full.
    case overflow
    /// The instance crashed while handling the request.
    case reset
    /// Kong's balancer has no target up: "failure to get a peer from the ring-balancer".
    case noHealthyUpstream
    /// The destination's sidecar rejected the request's JWT (Envoy's jwt_authn sets no flag).
    case unauthenticated
    /// An AuthorizationPolicy at the destination's sidecar denied the request.
    case rbacDenied

    var outcome: Outcome {
        switch self {
        case .noHealthyUpstream: return Outcome(status: 503, flag: .noHealthyUpstream)
        case .connectFailure: return Outcome(status: 503, flag: .connectFailure)
        case .overflow: return Outcome(status: 503, flag: .overflow)
        case .reset: return Outcome(status: 503, flag: .connectionTermination)
        case .unauthenticated: return Outcome(status: 401, flag: .none)
        case .rbacDenied: return Outcome(status: 403, flag: .rbacDenied)
        }
    }
}
