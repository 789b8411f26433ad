import Scenario
import Synchronization
import Testing

@testable import Experiments

/// A cell's scenario is loaded once and dropped when the last of the units that run it has
/// taken it; under a shard that is the shard's share of the replications, not all of them.
@Suite struct CellCacheTests {
    /// Shard 1/2 of three replications: units 0, 1, 2 form cell 0 and the shard runs 0 and
    /// 2 (u mod 2 = 0); units 3, 4, 5 form cell 1 and it runs 4 only.
    @Test func aShardRunsItsShareOfEachCell() throws {
        let plan = ExperimentPlan(
            command: .run, scenarioName: "s", seed: 1, setups: [.init(name: "s", assertions: [])],
            axes: [.init(path: "x", values: ["1", "2"])], replications: 3)
        let shard = try #require(Shard(index: 1, count: 2))
        let runner = ExperimentRunner(plan: plan, jobs: 1, shard: shard)
        #expect(runner.unitCount(point: 0, setup: 0) == 2)
        #expect(runner.unitCount(point: 1, setup: 0) == 1)
        #expect(ExperimentRunner(plan: plan, jobs: 1).unitCount(point: 1, setup: 0) == 3)
    }

    /// Two takers: the first loads, the second takes the kept copy and drops it, so a third
    /// request loads again (were it kept for the plan's count, it would stay for good).
    @Test func theScenarioIsDroppedWhenItsLastUnitHasTakenIt() {
        let loads = Mutex(0)
        let cache = CellCache(takers: { _, _ in 2 }) { _, _ in
            loads.withLock { $0 += 1 }
            return .success(Scenario(name: "s", seed: 1, duration: 1, clients: [], services: []))
        }
        _ = cache.scenario(point: 0, setup: 0)
        _ = cache.scenario(point: 0, setup: 0)
        #expect(loads.withLock { $0 } == 1)
        _ = cache.scenario(point: 0, setup: 0)
        #expect(loads.withLock { $0 } == 2)
    }

    /// One taker: nothing is kept.
    @Test func aCellRunOnceIsNotKept() {
        let loads = Mutex(0)
        let cache = CellCache(takers: { _, _ in 1 }) { _, _ in
            loads.withLock { $0 += 1 }
            return .success(Scenario(name: "s", seed: 1, duration: 1, clients: [], services: []))
        }
        _ = cache.scenario(point: 0, setup: 0)
        _ = cache.scenario(point: 0, setup: 0)
        #expect(loads.withLock { $0 } == 2)
    }
}
