import Policy
import Testing

/// Envoy's priority load, against the worked tables of "Priority levels" in Envoy's load
/// balancing docs (intro/arch_overview/upstream/load_balancing/priority): healthy percentages
/// are written as healthy hosts out of 100 per level.
@Suite struct PriorityLoadTests {
    private func loads(_ healthy: [Int], hosts: [Int]? = nil, panic: Int = 0) -> [Int] {
        PriorityLoad.loads(healthy: healthy, hosts: hosts ?? healthy.map { _ in 100 }, panicThreshold: panic)
    }

    @Test(arguments: [
        (100, [100, 0]), (72, [100, 0]), (71, [99, 1]), (50, [70, 30]), (25, [35, 65]), (0, [0, 100]),
    ])
    func twoLevelsWithAHealthyFallback(p0: Int, expected: [Int]) {
        #expect(loads([p0, 100]) == expected)
    }

    @Test(arguments: [
        ([100, 100], [100, 0]), ([72, 72], [100, 0]), ([71, 71], [99, 1]), ([50, 50], [70, 30]),
        ([25, 100], [35, 65]), ([25, 25], [50, 50]),
    ])
    func twoLevelsNormalizedWhenTheirHealthIsBelow100(healthy: [Int], expected: [Int]) {
        #expect(loads(healthy) == expected)
    }

    @Test(arguments: [
        ([100, 100, 100], [100, 0, 0]), ([72, 72, 100], [100, 0, 0]), ([71, 71, 100], [99, 1, 0]),
        ([50, 50, 100], [70, 30, 0]), ([25, 100, 100], [35, 65, 0]), ([25, 25, 100], [35, 35, 30]),
    ])
    func threeLevels(healthy: [Int], expected: [Int]) {
        #expect(loads(healthy) == expected)
    }

    /// The doc's last row says 36/36/28 for healths 35/35/28 (total 98); Envoy's code
    /// (`distributeLoad`, then "allocate that to the first available priority") gives the 2
    /// points rounding leaves to P0: 35 + 2, 35, 28.
    @Test func roundingGoesToTheFirstHealthyLevelAsEnvoysCodeDoes() {
        #expect(loads([25, 25, 20]) == [37, 35, 28])
    }

    @Test func healthIsCappedAt100WithTheOverprovisioningFactor() {
        #expect(PriorityLoad.health(healthy: 5, hosts: 7) == 100)  // 71.4% × 1.4 = 100
        #expect(PriorityLoad.health(healthy: 1, hosts: 2) == 70)
        #expect(PriorityLoad.health(healthy: 0, hosts: 3) == 0)
    }

    @Test func nothingHealthyAndPanicOffPicksNothing() {
        #expect(PriorityLoad.choose(levels: 2, healthy: { _ in 0 }, hosts: { _ in 3 }, panicThreshold: 0, draw: 1) == nil)
    }

    /// Every level under the panic threshold: the load follows the host counts and the
    /// chosen level balances over all its hosts (`recalculateLoadInTotalPanic`).
    @Test func totalPanicSplitsByHostCount() {
        #expect(loads([0, 0], hosts: [1, 3], panic: 50) == [25, 75])
        let choice = PriorityLoad.choose(levels: 2, healthy: { _ in 0 }, hosts: { [1, 3][$0] }, panicThreshold: 50, draw: 26)
        #expect(choice == PriorityLoad.Choice(level: 1, panic: true))
    }

    /// A level under the threshold while the total is below 100 balances over all its hosts.
    @Test func aLevelUnderThePanicThresholdPanicsAlone() {
        // P0 1 of 4 healthy (health 35), P1 1 of 2 (health 70): total 105, no panic anywhere.
        #expect(PriorityLoad.choose(levels: 2, healthy: { _ in 1 }, hosts: { [4, 2][$0] }, panicThreshold: 50, draw: 1)?.panic == false)
        // P0 1 of 4 (35), P1 1 of 4 (35): total 70; both under 50% healthy, so total panic.
        #expect(PriorityLoad.choose(levels: 2, healthy: { _ in 1 }, hosts: { _ in 4 }, panicThreshold: 50, draw: 1)?.panic == true)
        // P0 1 of 4 (35; 25% ≥ 20%), P1 0 of 1 (0; in panic): total 35, P0 takes it all, not in panic.
        #expect(PriorityLoad.choose(levels: 2, healthy: { [1, 0][$0] }, hosts: { [4, 1][$0] }, panicThreshold: 20, draw: 1)
            == PriorityLoad.Choice(level: 0, panic: false))
    }
}
