import Policy
import Scenario

/// A `gateway.upstreams` entry compiled for the run, only without the mesh (with it, Kong
/// sends to the Service and the sidecar balances). Its targets are the service's instances.
struct KongUpstreamModel: Sendable {
    var service: Int
    var algorithm: KongUpstream.Algorithm
    var checks: KongHealthchecks
    /// The continuum, for consistent-hashing only.
    var ring: KongHashRing?
    /// Indices into `World.servers`.
    var targets: Range<Int>
    /// Replica 0's first slot in `KongUpstreamRuntime`'s tables; replica r's is
    /// `firstSlot + r * targets.count`.
    var firstSlot: Int

    /// Whether any passive counter is on; without, attempts report nothing.
    var passive: Bool {
        let unhealthy = checks.passive.unhealthy
        return checks.passive.healthy.successes > 0 || unhealthy.httpFailures > 0 || unhealthy.tcpFailures > 0 || unhealthy.timeouts > 0
    }

    /// The upstreams in `gateway.upstreams` order (the order `GatewayPlan.kongHashes` uses),
    /// and per service its upstream's index or -1. Empty with the mesh.
    static func build(_ scenario: Scenario, services: [World.ServiceModel], servers: [World.ServerModel], replicas: Int) -> (models: [Self], ofService: [Int32]) {
        guard let gateway = scenario.gateway, !scenario.mesh.enabled, !gateway.upstreams.isEmpty else { return ([], []) }
        var ofService = [Int32](repeating: -1, count: services.count)
        var models: [Self] = []
        var slots = 0
        for upstream in gateway.upstreams {
            guard let service = services.firstIndex(where: { $0.name == upstream.service }) else { continue }
            let targets = services[service].instances
            let ring = upstream.algorithm == .consistentHashing
                ? KongHashRing(slots: upstream.slots, names: targets.map { servers[$0].name }) : nil
            ofService[service] = Int32(models.count)
            models.append(Self(
                service: service, algorithm: upstream.algorithm, checks: upstream.healthchecks, ring: ring, targets: targets,
                firstSlot: slots))
            slots += targets.count * replicas
        }
        return (models, ofService)
    }
}

/// What a request hashes to under an upstream's `hash_on` (then `hash_fallback`), found once
/// per request template: a fixed value (a header, the consumer, or Kong's "" when neither
/// gives one), or the client's source address, which changes per request.
enum KongHashKey: Sendable, Equatable {
    case value(UInt64)
    case address

    static func resolve(_ upstream: KongUpstream, headers: [Header], consumer: String?) -> Self {
        switch KongHashInput.resolve(upstream, headers: headers, consumer: consumer) {
        case .text(let text): .value(RingHash.hash(text))
        case .address: .address
        }
    }

    /// A source address as a hash: client and address index mixed (MurmurHash3's fmix64), an
    /// integer stand-in for Kong's hash of `remote_addr`.
    static func address(client: Int32, address: Int32) -> UInt64 {
        RingHash.mix(UInt64(UInt32(bitPattern: client)) << 32 | UInt64(UInt32(bitPattern: address)))
    }
}

/// The Kong balancers' and health checkers' state during a run: per (upstream, gateway
/// replica, target) slot, as Kong keeps it per node. Empty without upstreams.
struct KongUpstreamRuntime: Sendable {
    var health: ContiguousArray<KongTargetHealth> = []
    /// Attempts in flight from the replica to the target (least-connections).
    var connections: ContiguousArray<Int32> = []
    /// latency.lua's EWMA in seconds and when it was last updated.
    var ewma: ContiguousArray<Double> = []
    var touched: ContiguousArray<Nanoseconds> = []
    /// Per upstream and replica, its round-robin cursor.
    var cursors: ContiguousArray<Int> = []
    /// Per replica, the stream its active probes draw from ("kong-probe:gateway/N"), apart
    /// from every other stream so that probing leaves the traffic's draws as they were.
    var probeRNG: ContiguousArray<RandomStream> = []
    /// Per server, the replicas that have it down now.
    var downBy: ContiguousArray<Int32> = []

    init() {}

    init(world: World, seed: UInt64) {
        guard let last = world.kongUpstreams.last else { return }
        let slots = last.firstSlot + last.targets.count * world.gatewayReplicas
        health = ContiguousArray(repeating: KongTargetHealth(), count: slots)
        connections = ContiguousArray(repeating: 0, count: slots)
        ewma = ContiguousArray(repeating: 0, count: slots)
        touched = ContiguousArray(repeating: 0, count: slots)
        cursors = ContiguousArray(repeating: 0, count: world.kongUpstreams.count * world.gatewayReplicas)
        probeRNG = ContiguousArray((0..<world.gatewayReplicas).map { RandomStream(seed: seed, key: "kong-probe:\(world.servers[$0].name)") })
        downBy = ContiguousArray(repeating: 0, count: world.servers.count)
    }
}
