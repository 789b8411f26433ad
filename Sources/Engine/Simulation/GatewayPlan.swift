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
        /// Kong rate-limiting: counter slot (per replica under `local`) and the identity of
        /// each of the client's source addresses.
        case rateLimit(limiter: Int, perReplica: Bool, identities: [Int])
        /// Envoy local rate limit: one token bucket per replica.
        case tokenBucket(firstSlot: Int)
    }

    /// nil: no route matches (404).
    var route: Int?
    var steps: [Step]
}

/// The counters the plugins need, one entry per counting scope.
struct GatewayCounters: Sendable {
    var limiters: [RateLimitingPolicy] = []
    var buckets: [LocalRateLimitPolicy] = []
}
