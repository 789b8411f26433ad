@testable import Engine
import Policy
import Scenario

/// Drives a sidecar through random ejections, returns and requests in flight, and picks as
/// the sidecar did before it kept an eligible-host set: each pick counts the healthy hosts
/// and walks the hosts for the k-th one (`LoadBalancer.pick(_:isHealthy:...)`).
struct ReferencePicker {
    let hosts: Int
    /// Per host its priority level; empty without failover.
    let levels: [Int]
    private(set) var ejected = Set<Int>()
    private(set) var ejectionsSeen = 0
    private var active: [Int]

    init(hosts: Int, levels: [Int] = []) {
        self.hosts = hosts
        self.levels = levels
        active = Array(repeating: 0, count: hosts)
    }

    /// One random change: an answer (a 503 ejects a host at once), a request in flight more
    /// or less; and the detector's tick when `tick`.
    mutating func step(_ sidecar: inout SidecarCluster, _ rng: inout RandomStream, now: Nanoseconds, tick: Bool) {
        let host = rng.nextInt(below: hosts)
        switch rng.nextInt(below: 4) {
        case 0:
            if case .ejected(let out, _, _, _)? = sidecar.record(host: host, status: 503, now: now) {
                ejected.insert(out)
                ejectionsSeen += 1
            }
        case 1:
            active[host] += 1
            sidecar.active[host] += 1
        case 2 where active[host] > 0:
            active[host] -= 1
            sidecar.active[host] -= 1
        default:
            _ = sidecar.record(host: host, status: 200, now: now)
        }
        guard tick else { return }
        var events: [OutlierEvent] = []
        sidecar.tick(now: now, events: &events)
        for case .unejected(let back) in events { ejected.remove(back) }
    }

    /// No host tried, or one or two (a retry).
    func tried(_ rng: inout RandomStream) -> TriedHosts {
        var tried = TriedHosts()
        for _ in 0..<max(0, rng.nextInt(below: 5) - 2) { tried.append(rng.nextInt(below: hosts)) }
        return tried
    }

    /// The first pick; for a retry, repicks away from the hosts tried (`previous_hosts`).
    func pick(_ balancer: inout LoadBalancer, tried: TriedHosts, panicThreshold: Int, _ rng: inout RandomStream) -> Int? {
        guard let first = pickOnce(&balancer, panicThreshold: panicThreshold, &rng) else { return nil }
        if tried.isEmpty { return first }
        var initial: Int? = first
        return PreviousHosts.pick(avoiding: tried) {
            if let host = initial {
                initial = nil
                return host
            }
            return pickOnce(&balancer, panicThreshold: panicThreshold, &rng) ?? first
        }
    }

    private func pickOnce(_ balancer: inout LoadBalancer, panicThreshold: Int, _ rng: inout RandomStream) -> Int? {
        let ejected = ejected
        let active = active
        guard !levels.isEmpty else {
            let eligibility = OutlierDetector.eligibility(healthy: hosts - ejected.count, hosts: hosts, panicThreshold: panicThreshold)
            return balancer.pick(eligibility, isHealthy: { !ejected.contains($0) }, active: { active[$0] }, hashKey: nil, &rng)
        }
        let count = (levels.max() ?? 0) + 1
        var healthy = Array(repeating: 0, count: count)
        var all = Array(repeating: 0, count: count)
        for host in 0..<hosts {
            all[levels[host]] += 1
            if !ejected.contains(host) { healthy[levels[host]] += 1 }
        }
        let draw = rng.nextInt(below: 100) + 1
        guard let choice = PriorityLoad.choose(
            levels: count, healthy: { healthy[$0] }, hosts: { all[$0] }, panicThreshold: panicThreshold, draw: draw)
        else { return nil }
        let levels = levels
        return balancer.pick(
            .healthy(count: choice.panic ? all[choice.level] : healthy[choice.level]),
            isHealthy: { levels[$0] == choice.level && (choice.panic || !ejected.contains($0)) },
            active: { active[$0] }, hashKey: nil, &rng)
    }
}
