import Policy
import Scenario
import Testing

/// Kong's balancer algorithms (kong/runloop/balancer/*.lua), worked by hand.
@Suite struct KongBalancerTests {
    @Test func roundRobinSkipsDownTargetsAndMovesTheCursorPastThePick() {
        var cursor = 1
        let down: Set = [2]
        let picks = (0..<4).map { _ in KongBalancer.roundRobin(cursor: &cursor, targets: 4, isUp: { !down.contains($0) }) }
        #expect(picks == [1, 3, 0, 1])
        #expect(KongBalancer.roundRobin(cursor: &cursor, targets: 4, isUp: { _ in false }) == nil)
    }

    @Test func leastConnectionsPicksTheFewestInFlight() {
        let connections = [3, 1, 2, 1]
        #expect(KongBalancer.leastConnections(targets: 4, avoid: -1, connections: { connections[$0] }, isUp: { _ in true }) == 1)
        // Target 1 is down: the tie between 1 and 3 is gone.
        #expect(KongBalancer.leastConnections(targets: 4, avoid: -1, connections: { connections[$0] }, isUp: { $0 != 1 }) == 3)
        // A retry avoids the target that failed, unless nothing else is up.
        #expect(KongBalancer.leastConnections(targets: 4, avoid: 1, connections: { connections[$0] }, isUp: { _ in true }) == 3)
        #expect(KongBalancer.leastConnections(targets: 4, avoid: 1, connections: { connections[$0] }, isUp: { $0 == 1 }) == 1)
    }

    /// latency.lua: ewma × e^(−Δt / 10 s) + rtt × (1 − e^(−Δt / 10 s)).
    @Test func latencyDecaysTheEWMAOverTenSeconds() {
        let second: Nanoseconds = 1_000_000_000
        let decayed = KongBalancer.decayedEWMA(0.2, touched: 0, rtt: 0, now: 10 * second)
        #expect(abs(decayed - 0.2 * 0.367_879_441) < 1e-9)
        let updated = KongBalancer.decayedEWMA(0.2, touched: 0, rtt: 0.1, now: 10 * second)
        #expect(abs(updated - (0.2 * 0.367_879_441 + 0.1 * 0.632_120_559)) < 1e-9)
        let scores = [0.3, 0.1, 0.2]
        #expect(KongBalancer.latency(targets: 3, avoid: -1, score: { scores[$0] }, isUp: { _ in true }) == 1)
        #expect(KongBalancer.latency(targets: 3, avoid: 1, score: { scores[$0] }, isUp: { _ in true }) == 2)
    }

    @Test func consistentHashKeepsKeysOnTheirTargetAndMovesOnlyTheDownTargetsKeys() {
        let ring = KongHashRing(slots: 10_000, names: ["a", "b", "c", "d"])
        let keys = (0..<1000).map { RingHash.hash("user-\($0)") }
        let before = keys.map { ring.target(for: $0, isUp: { _ in true }) }
        #expect(before == keys.map { ring.target(for: $0, isUp: { _ in true }) })
        // Every target gets some keys (160 points each on the continuum).
        #expect(Set(before.compactMap { $0 }) == [0, 1, 2, 3])
        let after = keys.map { ring.target(for: $0, isUp: { $0 != 2 }) }
        for (old, new) in zip(before, after) {
            if old == 2 { #expect(new != 2 && new != nil) } else { #expect(new == old) }
        }
        #expect(ring.target(for: keys[0], isUp: { _ in false }) == nil)
    }

    /// get_value_to_hash: hash_on first, then hash_fallback, else "".
    @Test func theHashInputFallsBackThenHashesNothing() {
        let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
        let upstream = KongUpstream(service: "s", algorithm: .consistentHashing, hashOn: .header("x-user"), hashFallback: .consumer, location: here)
        #expect(KongHashInput.resolve(upstream, headers: [Header(name: "X-User", value: "ann")], consumer: "bob") == .text("ann"))
        #expect(KongHashInput.resolve(upstream, headers: [], consumer: "bob") == .text("bob"))
        #expect(KongHashInput.resolve(upstream, headers: [], consumer: nil) == .text(""))
    }
}
