import Policy
import Scenario

/// What one caller's sidecar (or gateway replica) keeps for one destination cluster, as each
/// Envoy keeps its own: the circuit breaker, the outlier detector, the load balancer, the
/// requests it has in flight to each host, and the requests waiting for a connection.
struct SidecarCluster: ~Copyable {
    /// Caller index (see `World.callerName`) and cluster index.
    let caller: Int32
    let cluster: Int32
    var breaker: CircuitBreaker
    var detector: OutlierDetector
    var balancer: LoadBalancer
    /// Requests in flight from this caller to each host of the cluster.
    var active: ContiguousArray<Int32>
    /// Calls waiting for a connection, oldest first, as (call, token) pairs. Entries whose call
    /// has moved on since (its timeout fired) are skipped when a connection frees.
    var waiting = FIFO<(call: Int32, token: UInt32)>()
    /// Locality failover: per host its priority level, and per level its hosts and (scratch,
    /// refilled per pick) its healthy hosts. `levels` is 1 without failover: one level is
    /// the plain pick, and the per-level tables stay empty.
    let level: ContiguousArray<UInt8>
    let levels: Int
    let levelHosts: ContiguousArray<Int32>
    var levelHealthy: ContiguousArray<Int32>

    /// `localityLevels`: each host's priority (see `LocalityPriority`), empty for none.
    init(
        caller: Int32, cluster: Int32, hosts: Int, policy: TrafficPolicy?, ring: RingHash?, localityLevels: [Int] = [],
        rng: inout some RandomSource
    ) {
        self.caller = caller
        self.cluster = cluster
        breaker = CircuitBreaker(policy?.connectionPool)
        detector = OutlierDetector(policy?.outlierDetection, hosts: hosts)
        balancer = LoadBalancer(policy?.loadBalancer, hosts: hosts, seed: &rng, ring: ring)
        active = ContiguousArray(repeating: 0, count: hosts)
        let levels = min(localityLevels.max().map { $0 + 1 } ?? 1, Int(UInt8.max))
        self.levels = localityLevels.count == hosts ? levels : 1
        if self.levels > 1 {
            level = ContiguousArray(localityLevels.map { UInt8(clamping: $0) })
            var counts = ContiguousArray<Int32>(repeating: 0, count: levels)
            for priority in level { counts[Int(priority)] += 1 }
            levelHosts = counts
        } else {
            level = []
            levelHosts = []
        }
        levelHealthy = ContiguousArray(repeating: 0, count: levelHosts.count)
    }

    /// The host for an attempt, nil when none is eligible. Retries avoid the hosts already
    /// tried (`previous_hosts`), except under consistent hashing, as Istio sets it.
    ///
    /// Here rather than in the simulation: the balancer changes while its closures read the
    /// detector and the active counts, and only as fields of one value can those be reached in
    /// place. From outside, the balancer had to be copied out and back (retaining its parts).
    mutating func pickHost(tried: TriedHosts, hashKey: String?, _ rng: inout RandomStream) -> Int? {
        if levels > 1 { return pickByPriority(tried: tried, hashKey: hashKey, &rng) }
        let eligibility = OutlierDetector.eligibility(
            healthy: detector.hosts - detector.ejectedCount, hosts: detector.hosts, panicThreshold: detector.config.panicThreshold)
        // Inlined: out of line, the nested function cost 0.5% of a mesh run.
        @inline(__always)
        func pick() -> Int? {
            balancer.pick(eligibility, isHealthy: { !detector.isEjected($0) }, active: { Int(active[$0]) }, hashKey: hashKey, &rng)
        }
        return Self.host(pick, avoiding: tried, hashing: balancer.hashHeader != nil)
    }

    /// With locality failover: Envoy first draws a priority level by the priority load (see
    /// `PriorityLoad`), then balances within it, over its healthy hosts or, in panic, all of
    /// them. A retry draws again, avoiding the hosts tried.
    private mutating func pickByPriority(tried: TriedHosts, hashKey: String?, _ rng: inout RandomStream) -> Int? {
        @inline(__always)
        func pick() -> Int? {
            for index in levelHealthy.indices { levelHealthy[index] = 0 }
            for host in level.indices where !detector.isEjected(host) { levelHealthy[Int(level[host])] += 1 }
            let draw = rng.nextInt(below: 100) + 1
            guard let choice = PriorityLoad.choose(
                levels: levels, healthy: { Int(levelHealthy[$0]) }, hosts: { Int(levelHosts[$0]) },
                panicThreshold: detector.config.panicThreshold, draw: draw)
            else { return nil }
            let chosen = UInt8(choice.level)
            let count = Int(choice.panic ? levelHosts[choice.level] : levelHealthy[choice.level])
            return balancer.pick(
                .healthy(count: count), isHealthy: { level[$0] == chosen && (choice.panic || !detector.isEjected($0)) },
                active: { Int(active[$0]) }, hashKey: hashKey, &rng)
        }
        return Self.host(pick, avoiding: tried, hashing: balancer.hashHeader != nil)
    }

    /// `pick`'s first choice; for a retry, Envoy's `previous_hosts` repicks away from the hosts
    /// tried, except under consistent hashing (Istio sets no predicate there).
    @inline(__always)
    private static func host(_ pick: () -> Int?, avoiding tried: TriedHosts, hashing: Bool) -> Int? {
        guard let first = pick() else { return nil }
        if tried.isEmpty || hashing { return first }
        var initial: Int? = first
        return PreviousHosts.pick(avoiding: tried) {
            if let host = initial {
                initial = nil
                return host
            }
            return pick() ?? first
        }
    }
}
