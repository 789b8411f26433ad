import Foundation
import Policy
import Scenario
import Testing

/// SplitMix64 (Steele, Lea and Flood), enough for statistical tests of the balancer.
private struct SplitMix64: RandomSource {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func nextInt(below n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// Hands out the given integers in order.
private struct ScriptedRandom: RandomSource {
    var draws: [Int]

    mutating func nextUnit() -> Double { 0 }
    mutating func nextInt(below n: Int) -> Int { draws.removeFirst() % n }
}

/// Envoy's LEAST_REQUEST (two choices), ROUND_ROBIN, RANDOM and ring hash; shares checked
/// against closed forms with tolerances of 4 standard deviations.
@Suite struct LoadBalancerTests {
    func balancer(_ policy: TrafficPolicy.LoadBalancer?, hosts: Int, seed: UInt64 = 1) -> LoadBalancer {
        var rng = SplitMix64(state: seed)
        return LoadBalancer(policy, hosts: hosts, seed: &rng)
    }

    /// Share of `picks` picks per host.
    func shares(_ balancer: inout LoadBalancer, hosts: Int, picks: Int, active: [Int], key: (Int) -> String? = { _ in nil }) -> [Double] {
        var rng = SplitMix64(state: 99)
        var counts = Array(repeating: 0, count: hosts)
        for index in 0..<picks {
            if let host = balancer.pick(.all, isHealthy: { _ in true }, active: { active[$0] }, hashKey: key(index), &rng) {
                counts[host] += 1
            }
        }
        return counts.map { Double($0) / Double(picks) }
    }

    func fourSigma(_ p: Double, _ n: Int) -> Double { 4 * (p * (1 - p) / Double(n)).squareRoot() }

    @Test func leastRequestIsTheIstioDefault() {
        #expect(balancer(nil, hosts: 3).algorithm == .leastRequest)
        #expect(balancer(.consistentHashHeader("x-user"), hosts: 3).hashHeader == "x-user")
    }

    @Test func leastRequestKeepsTheFirstDrawOnATieAndTakesTheSecondOnlyWhenLessLoaded() {
        var lb = balancer(.leastRequest, hosts: 3)
        func pick(_ draws: [Int], _ active: [Int]) -> Int? {
            var rng = ScriptedRandom(draws: draws)
            return lb.pick(.all, isHealthy: { _ in true }, active: { active[$0] }, hashKey: nil, &rng)
        }
        #expect(pick([2, 0], [3, 3, 3]) == 2)
        #expect(pick([0, 2], [3, 3, 3]) == 0)
        #expect(pick([0, 1], [5, 2, 9]) == 1)
        #expect(pick([1, 0], [5, 2, 9]) == 1)
    }

    /// The idle host wins unless both draws (with replacement) miss it: 1 − ((n − 1)/n)².
    @Test(arguments: [2, 4]) func leastRequestFavoursTheHostWithFewerActiveRequests(hosts: Int) {
        var lb = balancer(.leastRequest, hosts: hosts)
        let picks = 20_000
        let active = [0] + Array(repeating: 10, count: hosts - 1)
        let expected = 1 - pow(Double(hosts - 1) / Double(hosts), 2)
        let idle = shares(&lb, hosts: hosts, picks: picks, active: active)[0]
        #expect(abs(idle - expected) <= fourSigma(expected, picks))
    }

    @Test func roundRobinCyclesThroughTheEligibleHosts() {
        var lb = balancer(.roundRobin, hosts: 4)
        var rng = SplitMix64(state: 5)
        let all = (0..<8).compactMap { _ in lb.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: nil, &rng) }
        #expect(all == (0..<8).map { (all[0] + $0) % 4 })
        let healthy = [0, 2, 3]
        let picks = (0..<6).compactMap { _ in lb.pick(.healthy(count: 3), isHealthy: { $0 != 1 }, active: { _ in 0 }, hashKey: nil, &rng) }
        let start = healthy.firstIndex(of: picks[0]) ?? -1
        #expect(picks == (0..<6).map { healthy[(start + $0) % 3] })
    }

    @Test func roundRobinStartsAtARandomPosition() {
        var starts = Set<Int>()
        for seed in 0..<40 {
            var lb = balancer(.roundRobin, hosts: 4, seed: UInt64(seed))
            var rng = SplitMix64(state: 0)
            starts.insert(lb.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: nil, &rng) ?? -1)
        }
        #expect(starts == [0, 1, 2, 3])
    }

    /// χ² with 4 degrees of freedom stays below 18.47 with probability 0.999.
    @Test func randomIsUniform() {
        var lb = balancer(.random, hosts: 5)
        let picks = 10_000
        let observed = shares(&lb, hosts: 5, picks: picks, active: Array(repeating: 0, count: 5)).map { $0 * Double(picks) }
        let expected = Double(picks) / 5
        let chiSquare = observed.reduce(0) { $0 + ($1 - expected) * ($1 - expected) / expected }
        #expect(chiSquare < 18.47)
    }

    @Test(arguments: [TrafficPolicy.LoadBalancer.leastRequest, .roundRobin, .random, .consistentHashHeader("x-user")])
    func onlyEligibleHostsArePicked(policy: TrafficPolicy.LoadBalancer) {
        var lb = balancer(policy, hosts: 4)
        var rng = SplitMix64(state: 3)
        for index in 0..<200 {
            let host = lb.pick(.healthy(count: 2), isHealthy: { $0 == 1 || $0 == 3 }, active: { _ in 0 }, hashKey: "user-\(index)", &rng)
            #expect(host == 1 || host == 3)
        }
        #expect(lb.pick(.none, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: "k", &rng) == nil)
        #expect(lb.pick(.healthy(count: 0), isHealthy: { _ in false }, active: { _ in 0 }, hashKey: "k", &rng) == nil)
    }

    @Test func ringHashSendsTheSameKeyToTheSameHost() {
        var first = balancer(.consistentHashHeader("x-user"), hosts: 5, seed: 1)
        var second = balancer(.consistentHashHeader("x-user"), hosts: 5, seed: 2)
        var rng = SplitMix64(state: 4)
        for index in 0..<200 {
            let key = "user-\(index)"
            let host = first.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng)
            #expect(host != nil)
            #expect(first.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng) == host)
            #expect(second.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng) == host)
        }
    }

    /// Envoy builds a ring from the hosts alone, so one ring can serve every caller's sidecar:
    /// a balancer given a shared ring maps every key where one that built its own does.
    /// Callers differ in their seed, so the shared ring must not depend on it; and the ring
    /// given is the one used (a one-host ring sends every key to host 0).
    @Test func aSharedRingMapsKeysLikeAnOwnRing() {
        var own = balancer(.consistentHashHeader("x-user"), hosts: 7, seed: 1)
        var seed = SplitMix64(state: 99)
        var shared = LoadBalancer(.consistentHashHeader("x-user"), hosts: 7, seed: &seed, ring: RingHash(hosts: 7))
        var oneHost = LoadBalancer(.consistentHashHeader("x-user"), hosts: 7, seed: &seed, ring: RingHash(hosts: 1))
        var rng = SplitMix64(state: 4)
        var hosts: Set<Int> = []
        for index in 0..<500 {
            let key = "user-\(index)"
            let host = own.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng)
            hosts.insert(host ?? -1)
            #expect(shared.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng) == host)
            #expect(oneHost.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng) == 0)
        }
        #expect(hosts == Set(0..<7))
    }

    /// A host owns 256 of 1024 random points, so its arc is Beta(256, 768): variance
    /// 256 × 768 / (1024² × 1025); the keys add binomial variance.
    static let ringShareTolerance: Double = {
        let arc = 256.0 * 768.0 / (1024.0 * 1024.0 * 1025.0)
        let sampling = 0.25 * 0.75 / 4000.0
        return 4 * (arc + sampling).squareRoot()
    }()

    @Test func ringHashSpreadsKeysOverTheHosts() {
        var lb = balancer(.consistentHashHeader("x-user"), hosts: 4)
        for share in shares(&lb, hosts: 4, picks: 4000, active: [0, 0, 0, 0], key: { "user-\($0)" }) {
            #expect(abs(share - 0.25) <= Self.ringShareTolerance)
        }
    }

    @Test func ringHashWithoutTheHeaderPicksAtRandom() {
        var lb = balancer(.consistentHashHeader("x-user"), hosts: 4)
        for share in shares(&lb, hosts: 4, picks: 4000, active: [0, 0, 0, 0]) {
            #expect(abs(share - 0.25) <= Self.ringShareTolerance)
        }
    }

    @Test func removingAHostMovesOnlyItsKeys() {
        var lb = balancer(.consistentHashHeader("x-user"), hosts: 4)
        var rng = SplitMix64(state: 6)
        var moved = 0
        for index in 0..<1000 {
            let key = "user-\(index)"
            let before = lb.pick(.all, isHealthy: { _ in true }, active: { _ in 0 }, hashKey: key, &rng)
            let after = lb.pick(.healthy(count: 3), isHealthy: { $0 != 2 }, active: { _ in 0 }, hashKey: key, &rng)
            if before == 2 {
                moved += 1
                #expect(after != nil && after != 2)
            } else {
                #expect(after == before)
            }
        }
        #expect(moved > 0)
    }

    @Test func theRingHasAtLeast1024Points() {
        #expect(RingHash(hosts: 3).count == 3 * 342)
        #expect(RingHash(hosts: 4).count == 1024)
        #expect(RingHash(hosts: 2000).count == 2000)
    }
}
