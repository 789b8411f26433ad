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
    /// Changed only through `record` and `tick`, which keep `eligible` in step.
    private(set) var detector: OutlierDetector
    var balancer: LoadBalancer
    /// Requests in flight from this caller to each host of the cluster.
    var active: ContiguousArray<Int32>
    /// Calls waiting for a connection, oldest first, as (call, token) pairs. Entries whose call
    /// has moved on since (its timeout fired) are skipped when a connection frees.
    var waiting = FIFO<(call: Int32, token: UInt32)>()
    /// The hosts not ejected, as positions: host order without failover, else `levelOrder`'s.
    private var eligible: EligibleHosts
    /// Locality failover: per host its priority level, per level its hosts and its healthy
    /// hosts, the hosts ordered by level then host, and per host its place in that order.
    /// `levels` is 1 without failover: one level is the plain pick, and the per-level tables
    /// stay empty.
    let level: ContiguousArray<UInt8>
    let levels: Int
    let levelHosts: ContiguousArray<Int32>
    private var levelHealthy: ContiguousArray<Int32>
    private let levelOrder: ContiguousArray<Int32>
    private let levelPosition: ContiguousArray<Int32>

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
        eligible = EligibleHosts(positions: hosts)
        let levels = min(localityLevels.max().map { $0 + 1 } ?? 1, Int(UInt8.max))
        self.levels = localityLevels.count == hosts ? levels : 1
        if self.levels > 1 {
            level = ContiguousArray(localityLevels.map { UInt8(clamping: min(max(0, $0), levels - 1)) })
            var counts = ContiguousArray<Int32>(repeating: 0, count: levels)
            for priority in level { counts[Int(priority)] += 1 }
            levelHosts = counts
            // In host order within a level, so a level's k-th host is its k-th in host order.
            var next = ContiguousArray<Int32>(repeating: 0, count: levels)
            for index in 1..<levels { next[index] = next[index - 1] + counts[index - 1] }
            var order = ContiguousArray<Int32>(repeating: 0, count: hosts)
            var position = ContiguousArray<Int32>(repeating: 0, count: hosts)
            for host in level.indices {
                let place = next[Int(level[host])]
                order[Int(place)] = Int32(host)
                position[host] = place
                next[Int(level[host])] += 1
            }
            levelOrder = order
            levelPosition = position
        } else {
            level = []
            levelHosts = []
            levelOrder = []
            levelPosition = []
        }
        levelHealthy = levelHosts
    }

    /// Reports an answer to the detector (see `OutlierDetector.record`); an ejection leaves
    /// the eligible hosts.
    mutating func record(host: Int, status: Int, now: Nanoseconds) -> OutlierEvent? {
        let event = detector.record(host: host, status: status, now: now)
        if case .ejected(let ejected, _, _, _)? = event { setEligible(ejected, false) }
        return event
    }

    /// The detector's interval timer (see `OutlierDetector.tick`); the hosts it brings back
    /// rejoin the eligible hosts in their place.
    mutating func tick(now: Nanoseconds, events: inout [OutlierEvent]) {
        let first = events.count
        detector.tick(now: now, events: &events)
        for event in events[first...] {
            if case .unejected(let host) = event { setEligible(host, true) }
        }
    }

    /// As Envoy updates its healthy host set (and per-priority counts) when a host's health
    /// changes, rather than filtering the hosts on every pick.
    private mutating func setEligible(_ host: Int, _ isEligible: Bool) {
        guard levels > 1 else {
            if isEligible { eligible.restore(host) } else { eligible.remove(host) }
            return
        }
        guard levelPosition.indices.contains(host) else { return }
        let position = Int(levelPosition[host])
        guard eligible.isEligible(position) != isEligible else { return }
        if isEligible { eligible.restore(position) } else { eligible.remove(position) }
        levelHealthy[Int(level[host])] += isEligible ? 1 : -1
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
            healthy: eligible.count, hosts: detector.hosts, panicThreshold: detector.config.panicThreshold)
        // Inlined: out of line, the nested function cost 0.5% of a mesh run.
        @inline(__always)
        func pick() -> Int? {
            balancer.pick(
                eligibility, kth: { eligible.position(ofKth: $0) }, isHealthy: { !detector.isEjected($0) },
                active: { Int(active[$0]) }, hashKey: hashKey, &rng)
        }
        return Self.host(pick, avoiding: tried, hashing: balancer.hashHeader != nil)
    }

    /// With locality failover: Envoy first draws a priority level by the priority load (see
    /// `PriorityLoad`), then balances within it, over its healthy hosts or, in panic, all of
    /// them. A retry draws again, avoiding the hosts tried.
    private mutating func pickByPriority(tried: TriedHosts, hashKey: String?, _ rng: inout RandomStream) -> Int? {
        @inline(__always)
        func pick() -> Int? {
            let draw = rng.nextInt(below: 100) + 1
            guard let choice = PriorityLoad.choose(
                levels: levels, healthy: { Int(levelHealthy[$0]) }, hosts: { Int(levelHosts[$0]) },
                panicThreshold: detector.config.panicThreshold, draw: draw)
            else { return nil }
            let chosen = UInt8(choice.level)
            let count = Int(choice.panic ? levelHosts[choice.level] : levelHealthy[choice.level])
            let start = levelHosts[..<choice.level].reduce(0) { $0 + Int($1) }
            // The level's k-th host, or k-th healthy one: past the eligible positions of the
            // levels before it.
            let skipped = choice.panic ? 0 : eligible.count(before: start)
            return balancer.pick(
                .healthy(count: count),
                kth: { Int(levelOrder[choice.panic ? start + $0 : eligible.position(ofKth: skipped + $0)]) },
                isHealthy: { level[$0] == chosen && (choice.panic || !detector.isEjected($0)) },
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
