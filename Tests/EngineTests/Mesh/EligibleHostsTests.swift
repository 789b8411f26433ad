@testable import Engine
import Policy
import Scenario
import Testing

/// The eligible-host set a sidecar keeps as Envoy keeps its healthy host list: the k-th
/// eligible host in host order, patched on ejection and return. Hand-worked cases, a filtered
/// array as the model, and the picks of the balancer walking the hosts (the way picks were
/// made before the set) as the reference for the same random draws.
@Suite struct EligibleHostsTests {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
    let s: Nanoseconds = 1_000_000_000

    @Test func tenHostsWithoutThreeAndSeven() {
        var hosts = EligibleHosts(positions: 10)
        hosts.remove(3)
        hosts.remove(7)
        #expect(hosts.count == 8)
        #expect((0..<8).map { hosts.position(ofKth: $0) } == [0, 1, 2, 4, 5, 6, 8, 9])
        #expect(hosts.count(before: 5) == 4 && hosts.count(before: 10) == 8)
        #expect(!hosts.isEligible(3) && hosts.isEligible(4))
        hosts.restore(3)
        #expect((0..<9).map { hosts.position(ofKth: $0) } == [0, 1, 2, 3, 4, 5, 6, 8, 9])
        // A second removal of a host already out, or restore of one in, changes nothing.
        hosts.remove(7)
        hosts.restore(3)
        #expect(hosts.count == 9 && hosts.count(before: 8) == 7)
    }

    @Test func untouchedSetIsEveryPosition() {
        let hosts = EligibleHosts(positions: 5)
        #expect(hosts.count == 5)
        #expect((0..<5).map { hosts.position(ofKth: $0) } == [0, 1, 2, 3, 4])
        #expect(hosts.count(before: 3) == 3)
    }

    /// Sizes around the 64-bit words, against `filter` over the positions.
    @Test(arguments: [1, 2, 63, 64, 65, 130, 1_000])
    func matchesAFilteredArray(positions: Int) {
        var rng = RandomStream(seed: UInt64(positions))
        var hosts = EligibleHosts(positions: positions)
        var out = Set<Int>()
        for _ in 0..<(4 * positions + 20) {
            let position = rng.nextInt(below: positions)
            if rng.nextInt(below: 3) < 2 {
                hosts.remove(position)
                out.insert(position)
            } else {
                hosts.restore(position)
                out.remove(position)
            }
            let model = (0..<positions).filter { !out.contains($0) }
            #expect(hosts.count == model.count)
            let probe = rng.nextInt(below: positions + 1)
            #expect(hosts.count(before: probe) == model.filter { $0 < probe }.count)
            if !model.isEmpty {
                let k = rng.nextInt(below: model.count)
                #expect(hosts.position(ofKth: k) == model[k])
            }
        }
        let model = (0..<positions).filter { !out.contains($0) }
        #expect(model.indices.map { hosts.position(ofKth: $0) } == model)
    }

    /// Ejected on the first 503 for 30 s (times the multiplier); `minHealth` is Istio's
    /// `minHealthPercent`, Envoy's panic threshold.
    private func cluster(
        _ balancer: TrafficPolicy.LoadBalancer, hosts: Int, levels: [Int] = [], minHealth: Int = 0, seed: UInt64 = 5
    ) -> SidecarCluster {
        let detection = OutlierDetection(
            consecutive5xxErrors: 1, interval: 10 * s, baseEjectionTime: 30 * s, maxEjectionPercent: 100, minHealthPercent: minHealth,
            location: here)
        var rng = RandomStream(seed: seed)
        return SidecarCluster(
            caller: 0, cluster: 0, hosts: hosts, policy: TrafficPolicy(loadBalancer: balancer, outlierDetection: detection, location: here),
            ring: nil, localityLevels: levels, rng: &rng)
    }

    /// 10 hosts, 3 and 7 ejected: round robin visits the other 8 in host order; 3 back, and
    /// it is visited again in its place.
    @Test func roundRobinSkipsEjectedHostsInOrder() {
        var sidecar = cluster(.roundRobin, hosts: 10)
        var rng = RandomStream(seed: 1)
        #expect(sidecar.record(host: 3, status: 503, now: 0) != nil)
        #expect(sidecar.record(host: 7, status: 503, now: 10 * s) != nil)
        var picks: [Int] = []
        for _ in 0..<16 { picks.append(sidecar.pickHost(tried: TriedHosts(), hashKey: nil, &rng) ?? -1) }
        let eight = [0, 1, 2, 4, 5, 6, 8, 9]
        let start = eight.firstIndex(of: picks[0]) ?? -1
        #expect(start >= 0 && picks == (0..<16).map { eight[(start + $0) % 8] })

        // Ejected at 0 for 30 s, 3 returns at the 30 s tick; 7 (ejected at 10 s) stays out.
        var events: [OutlierEvent] = []
        sidecar.tick(now: 30 * s, events: &events)
        #expect(events == [.unejected(host: 3)])
        picks = []
        for _ in 0..<18 { picks.append(sidecar.pickHost(tried: TriedHosts(), hashKey: nil, &rng) ?? -1) }
        let nine = [0, 1, 2, 3, 4, 5, 6, 8, 9]
        let next = nine.firstIndex(of: picks[0]) ?? -1
        #expect(next >= 0 && picks == (0..<18).map { nine[(next + $0) % 9] })
    }

    /// Host 3 has no request in flight and every other host one: were it drawn, least request
    /// would take it. Ejected, it is never drawn; the other eight all are.
    @Test func leastRequestDrawsAmongEligibleHostsOnly() {
        var sidecar = cluster(.leastRequest, hosts: 10)
        var rng = RandomStream(seed: 2)
        for host in 0..<10 where host != 3 { sidecar.active[host] = 1 }
        _ = sidecar.record(host: 3, status: 503, now: 0)
        _ = sidecar.record(host: 7, status: 503, now: 0)
        var seen = Set<Int>()
        for _ in 0..<400 { seen.insert(sidecar.pickHost(tried: TriedHosts(), hashKey: nil, &rng) ?? -1) }
        #expect(seen == [0, 1, 2, 4, 5, 6, 8, 9])
    }

    /// Random ejections and returns, answers in flight and retries: the sidecar's picks are
    /// the balancer's when it walks the hosts for the k-th healthy one, draw for draw (with
    /// panic at 50%, some picks are over every host).
    @Test(arguments: [TrafficPolicy.LoadBalancer.roundRobin, .leastRequest, .random], [0, 50])
    func picksAreTheWalkingBalancers(_ algorithm: TrafficPolicy.LoadBalancer, minHealth: Int) {
        let hosts = 70
        var sidecar = cluster(algorithm, hosts: hosts, minHealth: minHealth)
        var seed = RandomStream(seed: 5)
        var reference = LoadBalancer(algorithm, hosts: hosts, seed: &seed)
        var model = ReferencePicker(hosts: hosts)
        var draws = RandomStream(seed: 8)
        var sidecarRNG = RandomStream(seed: 9)
        var referenceRNG = RandomStream(seed: 9)
        var now: Nanoseconds = 0
        for step in 0..<3_000 {
            now += s / 10
            model.step(&sidecar, &draws, now: now, tick: step % 100 == 99)
            let tried = model.tried(&draws)
            let got = sidecar.pickHost(tried: tried, hashKey: nil, &sidecarRNG)
            let expected = model.pick(&reference, tried: tried, panicThreshold: sidecar.detector.config.panicThreshold, &referenceRNG)
            #expect(got == expected)
        }
        #expect(model.ejectionsSeen > 100)
    }

    /// The same with three priority levels: the level drawn by the priority load, then the
    /// k-th host (healthy, or any in panic) of that level.
    @Test(arguments: [TrafficPolicy.LoadBalancer.roundRobin, .leastRequest, .random], [0, 50])
    func priorityPicksAreTheWalkingBalancers(_ algorithm: TrafficPolicy.LoadBalancer, minHealth: Int) {
        let hosts = 40
        let levels = (0..<hosts).map { ($0 * 7) % 3 }
        var sidecar = cluster(algorithm, hosts: hosts, levels: levels, minHealth: minHealth)
        var seed = RandomStream(seed: 5)
        var reference = LoadBalancer(algorithm, hosts: hosts, seed: &seed)
        var model = ReferencePicker(hosts: hosts, levels: levels)
        var draws = RandomStream(seed: 3)
        var sidecarRNG = RandomStream(seed: 4)
        var referenceRNG = RandomStream(seed: 4)
        var now: Nanoseconds = 0
        for step in 0..<3_000 {
            now += s / 10
            model.step(&sidecar, &draws, now: now, tick: step % 100 == 99)
            let tried = model.tried(&draws)
            let got = sidecar.pickHost(tried: tried, hashKey: nil, &sidecarRNG)
            let expected = model.pick(&reference, tried: tried, panicThreshold: sidecar.detector.config.panicThreshold, &referenceRNG)
            #expect(got == expected)
        }
        #expect(model.ejectionsSeen > 100)
    }
}
