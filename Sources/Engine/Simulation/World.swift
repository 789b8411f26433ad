import Policy
import Scenario

/// The scenario compiled for the hot path: every name resolved to an index, every
/// distribution to a `Sampler`, every request template to its gateway route.
///
/// Built once per run; never mutated while the simulation runs.
struct World: Sendable {
    struct ClientModel: Sendable {
        var name: String
        /// Index into `services`, or nil for the gateway.
        var targetService: Int?
        var arrival: ArrivalProcess?
        var users: Int
        var thinkTime: Sampler
        var timeout: Nanoseconds?
        var retries: ClientRetries?
        /// Cumulative weights of the request mix, for one uniform draw.
        var templateCumulativeWeights: [Double]
        /// The gateway's route and plugins for each request template (unused without a gateway).
        var gatewayPlans: [GatewayPlan]
        /// Distinct source addresses, used round-robin.
        var addresses: Int
        /// Fraction of requests sent with a wrong credential.
        var invalidCredentials: Double
        /// Each request template's path, interned (see `MeshModel.paths`).
        var templatePaths: [Int32]
        /// Per request template, how its `{1..N}` key is drawn; nil without keys.
        var keySamplers: [KeySampler?]
    }

    struct RouteModel: Sendable {
        var name: String
        /// Per backend, its index into `services`; for a composed route, the services it calls,
        /// each once (its split is then empty).
        var backends: [Int]
        var split: BackendSplit
        var timeout: Nanoseconds
        var retries: Int
        /// A composed route's calls (`gateway.routes[*].calls`); empty for a proxied route.
        var steps: [Step] = []
        var failOnCallFailure = true
        /// The work of the route's request-transformer and response-transformer; nil for none
        /// or a zero latency.
        var requestWork: Sampler? = nil
        var responseWork: Sampler? = nil
    }

    struct ServiceModel: Sendable {
        var name: String
        /// Indices into `versions`.
        var versions: Range<Int>
        /// Indices into `servers`, all versions in order (the Kubernetes Service endpoints).
        var instances: Range<Int>
    }

    struct VersionModel: Sendable {
        var name: String
        var service: Int
        var instances: Range<Int>
        var latency: Sampler
        var errors: Double
        var errorStatus: Int
        var steps: [Step]
        var failOnCallFailure: Bool
    }

    /// One step of a version's downstream calls.
    struct Step: Sendable {
        /// Calls that run at once; a sequential call is a step of one.
        var calls: [Call]
    }

    struct Call: Sendable {
        var service: Int
        var percent: Double
        /// Interned path, or -1 for the incoming request's path.
        var path: Int32
    }

    /// A gateway replica or a service instance: anything with workers and a queue.
    struct ServerModel: Sendable {
        var name: String
        /// Index into `versions`, or nil for a gateway replica.
        var version: Int?
        var capacity: Int
        var queueLimit: Int
    }

    var clients: [ClientModel]
    var routes: [RouteModel]
    var services: [ServiceModel]
    var versions: [VersionModel]
    /// Gateway replicas first (indices 0..<gatewayReplicas), then every instance.
    var servers: [ServerModel]
    var gatewayReplicas: Int
    var gatewayLatency: Sampler
    /// Rate-limit counters and token buckets as they stand at t = 0.
    var gatewayCounters: GatewayCounters
    var faults: [Fault]
    var duration: Nanoseconds
    var warmup: Nanoseconds
    var interval: Nanoseconds
    /// Nil when the mesh is disabled.
    var mesh: MeshModel?
    /// Nil unless the mesh is on and security is written (see `SecurityModel`).
    var security: SecurityModel?
    /// Nil without a `rollout` section.
    var rollout: RolloutModel?
    /// Kong upstreams (without the mesh only), and per service its upstream or -1; both
    /// empty when there are none.
    var kongUpstreams: [KongUpstreamModel] = []
    var kongUpstreamOf: [Int32] = []
    /// Nil when no zone is written anywhere.
    var locality: LocalityModel?

    var hasGateway: Bool { gatewayReplicas > 0 }

    /// Callers are numbered clients first, then servers: the egress streams and the mesh's
    /// sidecar states are indexed so.
    var callerCount: Int { clients.count + servers.count }

    func callerName(_ caller: Int) -> String {
        caller < clients.count ? clients[caller].name : servers[caller - clients.count].name
    }
}
