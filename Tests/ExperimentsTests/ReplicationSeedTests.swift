import Engine
import Testing

@testable import Experiments

@Suite struct ReplicationSeedTests {
    @Test func replicationOneKeepsTheScenarioSeed() {
        #expect(Replication.seed(base: 42, replication: 1) == 42)
    }

    @Test func laterReplicationsGetDistinctSeedsFromTheirNumber() {
        let seeds = (1...50).map { Replication.seed(base: 42, replication: $0) }
        #expect(Set(seeds).count == 50)
        // Derived from the base: another base gives other seeds for the same replication.
        #expect(Replication.seed(base: 43, replication: 2) != Replication.seed(base: 42, replication: 2))
    }
}
