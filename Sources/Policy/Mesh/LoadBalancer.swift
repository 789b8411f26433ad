import Scenario

/// Envoy's host selection for one caller and one destination cluster of equal-weight hosts
/// 0..<hosts, as Istio configures it (default LEAST_REQUEST, `applyLoadBalancer` in
/// `cluster_traffic_policy.go`).
///
/// The candidates are the healthy hosts, or every host in panic (see
/// `OutlierDetector.Eligibility`); a pick among them, read from Envoy:
/// - LEAST_REQUEST (`least_request_lb.cc`, `unweightedHostPickNChoices`, 2 choices): two
///   uniform draws with replacement; the second replaces the first only with strictly fewer
///   active requests, so a tie keeps the first.
/// - ROUND_ROBIN (`round_robin_lb.h`, `unweightedHostPick`): candidates[index % count],
///   index + 1; one index for the healthy list and one for the panic list, both starting at
///   the same random seed, so the position survives changes of the list.
/// - RANDOM (`random_lb.cc`): candidates[uniform].
/// - consistentHash on a header: `RingHash`; without the header Envoy looks up a random
///   64-bit number instead (`thread_aware_lb_impl.cc`).
public struct LoadBalancer: Sendable {
    public enum Algorithm: Sendable, Equatable {
        case leastRequest
        case roundRobin
        case random
        case ringHash(header: String)
    }

    public let algorithm: Algorithm
    public let hosts: Int
    private let ring: RingHash?
    private var healthyIndex: UInt64
    private var panicIndex: UInt64

    /// nil is Istio's default, LEAST_REQUEST. Takes one draw from `rng` (Envoy's round-robin
    /// seed, drawn whatever the algorithm so that the stream does not depend on it).
    /// `ring` is a ring already built for `hosts` hosts: rings of the same size are equal, so
    /// the sidecars of many callers can share one instead of building one each.
    public init(_ policy: TrafficPolicy.LoadBalancer?, hosts: Int, seed rng: inout some RandomSource, ring shared: RingHash? = nil) {
        self.hosts = max(0, hosts)
        switch policy {
        case nil, .leastRequest: algorithm = .leastRequest
        case .roundRobin: algorithm = .roundRobin
        case .random: algorithm = .random
        case .consistentHashHeader(let header): algorithm = .ringHash(header: header)
        }
        ring = if case .ringHash = algorithm { shared ?? RingHash(hosts: self.hosts) } else { nil }
        let seed = UInt64(truncatingIfNeeded: rng.nextInt(below: Int.max))
        healthyIndex = seed
        panicIndex = seed
    }

    /// The request header whose value the caller passes as `hashKey`, for consistent hashing.
    public var hashHeader: String? {
        if case .ringHash(let header) = algorithm { return header }
        return nil
    }

    /// Picks a host among the eligible ones, finding the k-th of them by walking the hosts
    /// (for callers without a healthy host list of their own).
    /// - Parameters:
    ///   - eligibility: from `OutlierDetector.eligibility`; with `.healthy(count:)`, `count`
    ///     must be the number of hosts for which `isHealthy` is true.
    ///   - isHealthy: consulted only when some hosts are not eligible.
    ///   - active: requests this caller has in flight to a host (LEAST_REQUEST only).
    ///   - hashKey: the value of `hashHeader` on the request, nil when absent.
    /// - Returns: nil when no host is eligible (the caller answers 503 `UH`).
    public mutating func pick<R: RandomSource>(
        _ eligibility: OutlierDetector.Eligibility, isHealthy: (Int) -> Bool, active: (Int) -> Int,
        hashKey: String?, _ rng: inout R
    ) -> Int? {
        let hosts = hosts
        return pick(eligibility, kth: { Self.kthHost($0, of: hosts, where: isHealthy) }, isHealthy: isHealthy, active: active, hashKey: hashKey, &rng)
    }

    /// Picks a host among the eligible ones, as Envoy does from its healthy host list.
    /// - Parameters:
    ///   - kth: the k-th (from 0) host, in host order, for which `isHealthy` is true, for
    ///     k below the eligible count; consulted only when some hosts are not eligible.
    ///   - isHealthy: read by consistent hashing only, when some hosts are not eligible.
    ///   The others as in `pick(_:isHealthy:active:hashKey:_:)`.
    public mutating func pick<R: RandomSource>(
        _ eligibility: OutlierDetector.Eligibility, kth: (Int) -> Int?, isHealthy: (Int) -> Bool, active: (Int) -> Int,
        hashKey: String?, _ rng: inout R
    ) -> Int? {
        let count: Int
        switch eligibility {
        case .none: return nil
        case .all: count = hosts
        case .healthy(let healthy): count = min(healthy, hosts)
        }
        guard count > 0 else { return nil }
        let filtered = count < hosts
        func candidate(_ k: Int) -> Int? {
            filtered ? kth(k) : k
        }
        switch algorithm {
        case .leastRequest:
            guard let first = candidate(rng.nextInt(below: count)), let second = candidate(rng.nextInt(below: count)) else {
                return nil
            }
            return active(second) < active(first) ? second : first
        case .roundRobin:
            let index: UInt64
            if case .all = eligibility {
                index = panicIndex
                panicIndex &+= 1
            } else {
                index = healthyIndex
                healthyIndex &+= 1
            }
            return candidate(Int(index % UInt64(count)))
        case .random:
            return candidate(rng.nextInt(below: count))
        case .ringHash:
            let hash = hashKey.map(RingHash.hash) ?? Self.randomHash(&rng)
            return ring?.host(for: hash) { host in !filtered || isHealthy(host) }
        }
    }

    /// The k-th host (from 0) that satisfies `predicate`, nil when there are not that many.
    private static func kthHost(_ k: Int, of hosts: Int, where predicate: (Int) -> Bool) -> Int? {
        var remaining = k
        for host in 0..<hosts where predicate(host) {
            if remaining == 0 { return host }
            remaining -= 1
        }
        return nil
    }

    /// A uniform 64-bit value from two 32-bit draws.
    private static func randomHash<R: RandomSource>(_ rng: inout R) -> UInt64 {
        let high = UInt64(truncatingIfNeeded: rng.nextInt(below: 1 << 32))
        let low = UInt64(truncatingIfNeeded: rng.nextInt(below: 1 << 32))
        return high << 32 | low
    }
}
