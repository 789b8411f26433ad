import Policy
import Scenario

/// What the gateway does for one request template of one client: its route and the
/// route's plugins, compiled so that a request costs integer work only. Stateless
/// decisions (key-auth, the JWT issuer and signature) are made once here by the same
/// policy values `meshsim eval` uses; what depends on time or counters stays per request.
struct GatewayPlan: Sendable {
    /// One plugin of the route's chain, in Kong's priority order.
    enum Step: Sendable {
        /// Answer decided at build time for a request with a good and with a wrong credential (nil = passes).
        case fixed(good: Outcome?, bad: Outcome?)
        /// JWT whose issuer is known: a wrong credential fails the signature; a good one has its
        /// exp and nbf claims checked at the time it is sent.
        case jwtClaims(JWTPolicy, expiresIn: Nanoseconds?, notBefore: Nanoseconds?, bad: Outcome)
        /// Kong rate-limiting: counter slot (per replica under `local`) and the identity the
        /// client's source addresses count under.
        case rateLimit(limiter: Int, perReplica: Bool, identity: AddressIdentity)
        /// Envoy local rate limit: one token bucket per replica.
        case tokenBucket(firstSlot: Int)
        /// Kong proxy-cache: a hit answers, a miss stores the upstream's answer.
        case proxyCache(CacheLookup)
        /// The route's request-transformer: its work on the replica (`World.RouteModel.requestWork`).
        case requestWork
    }

    /// nil: no route matches (404).
    var route: Int?
    var steps: [Step]
    /// Per Kong upstream (`World.kongUpstreams`), what the request hashes to; empty when no
    /// upstream hashes.
    var kongHashes: [KongHashKey] = []
}

/// The identity a rate limiter counts a client's requests under.
enum AddressIdentity: Sendable, Equatable {
    /// The same for every source address (a consumer, a credential, the service...).
    case shared(Int)
    /// One per source address (Kong's `ip`, or its fallback to it), handed out when the
    /// address first sends: the index of the client's table in `GatewayCounters.addressTables`.
    /// A client may have billions of addresses; the run pays only for those it uses.
    case perAddress(table: Int)
}

/// The counters the plugins need, one entry per counting scope.
struct GatewayCounters: Sendable {
    /// A client's per-address identities under one rate-limiting instance.
    struct AddressTable: Sendable, Equatable {
        /// The instance's number, into `identityCounts`.
        var instance: Int
        /// Its counters: `copies` slots from `firstSlot` (one per replica under `local`).
        var firstSlot: Int
        var copies: Int
    }

    var limiters: [RateLimitingPolicy] = []
    var buckets: [LocalRateLimitPolicy] = []
    var addressTables: [AddressTable] = []
    /// Per rate-limiting instance, the identities named at build time; the run hands out the
    /// next ones to addresses as they first send.
    var identityCounts: [Int] = []
}
