import Policy
import Scenario

/// Who waits for a call's answer. The token is the waiter's token when the call was made;
/// if it has changed since, the waiter has gone (timed out, reset) and the answer is dropped.
enum Waiter: Sendable {
    case request(Int32, token: UInt32)
    case job(Int32, token: UInt32)
    /// Nobody: a mirrored copy, whose answer is ignored.
    case discard
}

/// Which client request a call or job works for: what the gateway needs to decide on it and
/// which report rows it counts in. Copied whole from request to call to job to call, since
/// any of them may outlive the one it came from.
struct Attribution: Sendable {
    var client: Int32 = 0
    /// Gateway route, once the gateway has routed the request; -1 before.
    var route: Int32 = -1
    var template: Int32 = 0
    /// Source address index and whether the credential is wrong, drawn once per request.
    var address: Int32 = 0
    var badCredential = false
    /// Started after the warmup.
    var counted = false
    /// The path of the current hop (an index into `MeshModel.paths`), for VirtualService matches.
    var path: Int32 = 0
    /// The request's `{1..N}` key, drawn once per request; 0 without keys.
    var key: Int32 = 0
}

/// A client's logical request, from its first send to its final outcome (client retries included).
struct RequestRecord: SlabRecord {
    /// Changes whenever the current attempt is abandoned or the record is freed.
    var token: UInt32 = 0
    var attribution = Attribution()
    /// Closed-loop user, or -1.
    var user: Int32 = -1
    var start: Nanoseconds = 0
    var retries: Int32 = 0
    var live = false
}

/// Where a call goes.
enum CallTarget: Sendable, Equatable {
    case gateway
    case service(Int32)
}

/// One hop: a caller asks a target and waits, across the attempts that hop's retry policy allows.
struct CallRecord: SlabRecord {
    var token: UInt32 = 0
    var waiter: Waiter = .request(-1, token: 0)
    var target: CallTarget = .gateway
    /// The calling service (for partitions), -1 for a client, -2 for the gateway.
    var callerService: Int32 = -1
    var attribution = Attribution()
    /// Retries left (Kong upstream retries for gateway → service calls).
    var retriesLeft: Int32 = 0
    var attemptTimeout: Nanoseconds = 0
    var attemptStart: Nanoseconds = 0
    /// Server and job of the current attempt.
    var server: Int32 = -1
    var job: Int32 = -1
    var live = false
}

/// A job: one attempt being served by a server (gateway replica or instance).
struct JobRecord: SlabRecord {
    enum Phase: UInt8, Sendable {
        case queued, processing, calling, answering
        /// At a gateway replica, doing a request-transformer's work before the next plugin.
        case gatewayWork
    }

    var token: UInt32 = 0
    var server: Int32 = 0
    var call: Int32 = 0
    var callToken: UInt32 = 0
    var arrival: Nanoseconds = 0
    var phase: Phase = .queued
    /// Next step of the version's calls, and calls of the current step still out.
    var step: Int32 = 0
    var pending: Int32 = 0
    /// At a gateway replica: the route's next plugin step, and whether the answer has had its
    /// response-transformer's work.
    var pluginStep: Int32 = 0
    var responseWorkDone = false
    var failed = false
    /// The answer decided while a hang held the job.
    var outcome = Outcome(status: 200, flag: .none)
    /// Copied from the call, which may be gone before the job ends.
    var attribution = Attribution()
    /// Stopped by a hang fault; resumed where it stopped when the hang ends.
    var parked = false
    /// Next job in the server's wait queue.
    var nextInQueue: Int32 = -1
    /// A gateway job that missed the proxy-cache: the key its upstream answer is stored under; -1 otherwise.
    var cacheKey = -1
    var live = false
}
