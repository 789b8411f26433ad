import Testing
@testable import Reports

/// Steps worked by hand: span / target, then the nearest of 1, 2, 5, 10 × 10^k (Heckbert's
/// thresholds 1.5, 3, 7).
@Suite struct NiceTicksTests {
    @Test func latencyAxisEndsOnATickAboveTheMaximum() {
        // 87 / 5 = 17.4 → 1.74 × 10 → 2 × 10.
        let ticks = NiceTicks.covering(0, 87)
        #expect(ticks.values == [0, 20, 40, 60, 80, 100])
        #expect(ticks.values.map(ticks.label) == ["0", "20", "40", "60", "80", "100"])
    }

    @Test func timeAxisStaysInsideTheRun() {
        // 60 / 6 = 10 → 1 × 10.
        #expect(NiceTicks.within(0, 60).values == [0, 10, 20, 30, 40, 50, 60])
        // 45 / 6 = 7.5 → 0.75 × 10 → 1 × 10; 45 is not a tick, so the last is 40.
        #expect(NiceTicks.within(0, 45).values == [0, 10, 20, 30, 40])
    }

    @Test func largeAndSmallSpans() {
        // 1234 / 5 = 246.8 → 2.468 × 100 → 2 × 100; 1234 / 200 = 6.17 → up to 7 × 200.
        #expect(NiceTicks.covering(0, 1234).values == [0, 200, 400, 600, 800, 1000, 1200, 1400])
        // 0.87 / 5 = 0.174 → 2 × 0.1: labels carry one decimal.
        let small = NiceTicks.covering(0, 0.87)
        #expect(small.values.map(small.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        // 3 / 5 = 0.6 → 6 × 0.1 → 5 × 0.1.
        #expect(NiceTicks.covering(0, 3).values.map(NiceTicks.covering(0, 3).label) == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"])
    }

    @Test func degenerateSpansDoNotTrap() {
        #expect(NiceTicks.niceStep(0) == 1)
        #expect(NiceTicks.niceStep(.nan) == 1)
        #expect(NiceTicks.covering(-.infinity, .infinity).values.count == 2)
    }
}
