import Policy
import Scenario

/// A call's progress through the caller's sidecar (unused without a mesh): the VirtualService
/// rule, the destination cluster's sidecar state, and the attempt under way.
struct MeshHop: Sendable {
    enum Phase: UInt8, Sendable {
        /// Matching, fault delay, or waiting out a retry back-off: holds nothing.
        case routing
        /// Waiting for a connection in the circuit breaker.
        case pending
        /// An attempt holds a connection to `host`.
        case inFlight
    }

    /// The call's token when the hop started: hop-wide timers carry it, and go stale when the
    /// call starts another hop or its slot is reused.
    var serial: UInt32 = 0
    /// Caller index (see `World.callerName`), sidecar state and VirtualService rule.
    var caller: Int32 = -1
    var sidecar: Int32 = -1
    var rule: Int32 = -1
    /// The `MeshModel.hosts` entry `rule` belongs to: the called service, or the ingress
    /// gateway's VirtualService (`MeshModel.edge`) for a hop from an Istio gateway replica.
    var routeHost: Int32 = -1
    var phase = Phase.routing
    var retriesLeft: Int32 = 0
    var retriesMade: Int32 = 0
    /// Host of the current attempt within the cluster, -1 before the first.
    var host: Int32 = -1
    var tried = TriedHosts()
    /// A retry admitted under the breaker's `maxRetries`, to be released when its attempt ends.
    var retryAdmitted = false
    /// A fault delay was injected (flag DI on an answer that has no other flag).
    var delayed = false
    /// A fault abort to answer once the delay is over; 0 for none.
    var abortStatus: Int32 = 0
    /// The answer the sidecar made itself, on its way to the caller.
    var answer = Outcome(status: 0, flag: .none)
    /// A mirrored copy: one attempt, no retries, answer ignored.
    var mirror = false
    /// A mirror's timeout, taken from the mirroring rule.
    var mirrorTimeout: Nanoseconds = 0
    /// The caller has no sidecar: the call goes to the Kubernetes Service directly, as
    /// without the mesh (`dispatchAttempt`), and only `caller` is used.
    var direct = false
}

/// The hosts a call's attempts have tried, for Envoy's `previous_hosts` predicate. Keeps the
/// last four inline, so a record stays a plain value; retries beyond four may return to a
/// host tried five or more attempts ago.
struct TriedHosts: RandomAccessCollection, Sendable {
    private var slots: (Int32, Int32, Int32, Int32) = (-1, -1, -1, -1)
    private var stored = 0

    var startIndex: Int { 0 }
    var endIndex: Int { Swift.min(stored, 4) }

    subscript(position: Int) -> Int {
        switch position & 3 {
        case 0: return Int(slots.0)
        case 1: return Int(slots.1)
        case 2: return Int(slots.2)
        default: return Int(slots.3)
        }
    }

    mutating func append(_ host: Int) {
        let value = Int32(truncatingIfNeeded: host)
        switch stored & 3 {
        case 0: slots.0 = value
        case 1: slots.1 = value
        case 2: slots.2 = value
        default: slots.3 = value
        }
        stored += 1
    }
}
