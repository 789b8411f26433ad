import Policy
import Scenario
import Testing

/// Envoy's consecutive-error outlier detection as Istio configures it
/// (`outlier_detection_impl.cc`, `cluster_traffic_policy.go`); times worked by hand.
@Suite struct OutlierDetectorTests {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
    let s: Nanoseconds = 1_000_000_000

    func detection(
        consecutive5xx: Int? = nil, gateway: Int? = nil, base: Nanoseconds? = nil, maxPercent: Int? = nil, minHealth: Int? = nil
    ) -> OutlierDetection {
        OutlierDetection(
            consecutive5xxErrors: consecutive5xx, consecutiveGatewayErrors: gateway, baseEjectionTime: base,
            maxEjectionPercent: maxPercent, minHealthPercent: minHealth, location: here)
    }

    /// Records `times` answers of `status` from `host` at `now`; returns the last event.
    func answers(_ detector: inout OutlierDetector, host: Int, _ status: Int, times: Int, at now: Nanoseconds) -> OutlierEvent? {
        var last: OutlierEvent?
        for _ in 0..<times {
            last = detector.record(host: host, status: status, now: now)
        }
        return last
    }

    func ticks(_ detector: inout OutlierDetector, at now: Nanoseconds) -> [OutlierEvent] {
        var events: [OutlierEvent] = []
        detector.tick(now: now, events: &events)
        return events
    }

    @Test func fiveConsecutive5xxEjectWithTheDefaultConfig() {
        var detector = OutlierDetector(detection(), hosts: 10)
        #expect(answers(&detector, host: 3, 500, times: 4, at: 2 * s) == nil)
        #expect(detector.record(host: 3, status: 500, now: 2 * s) == .ejected(host: 3, rule: .consecutive5xx, count: 1, until: 32 * s))
        #expect(detector.isEjected(3))
        #expect(detector.ejectedCount == 1)
        #expect(detector.interval == 10 * s)
    }

    @Test func a4xxResetsTheCounters() {
        var detector = OutlierDetector(detection(gateway: 5), hosts: 10)
        #expect(answers(&detector, host: 0, 503, times: 4, at: s) == nil)
        #expect(detector.record(host: 0, status: 404, now: s) == nil)
        #expect(answers(&detector, host: 0, 503, times: 4, at: s) == nil)
        #expect(!detector.isEjected(0))
        #expect(detector.record(host: 0, status: 503, now: s) != nil)
    }

    @Test func gatewayErrorsCountButA500ResetsThatCounter() {
        var detector = OutlierDetector(detection(consecutive5xx: 0, gateway: 3, maxPercent: 100), hosts: 2)
        for status in [502, 503, 500, 504, 502] {
            #expect(detector.record(host: 0, status: status, now: s) == nil)
        }
        #expect(detector.record(host: 0, status: 503, now: s) == .ejected(host: 0, rule: .consecutiveGatewayErrors, count: 1, until: 31 * s))
    }

    @Test func aTimeoutWithoutStatusCountsAs504() {
        var detector = OutlierDetector(detection(consecutive5xx: 0, gateway: 2, maxPercent: 100), hosts: 1)
        #expect(detector.record(host: 0, status: 0, now: s) == nil)
        #expect(detector.record(host: 0, status: 0, now: s) == .ejected(host: 0, rule: .consecutiveGatewayErrors, count: 1, until: 31 * s))
    }

    @Test func withoutConsecutiveGatewayErrorsGatewayErrorsEjectThroughThe5xxRule() {
        var detector = OutlierDetector(detection(), hosts: 10)
        #expect(answers(&detector, host: 1, 503, times: 5, at: s) == .ejected(host: 1, rule: .consecutive5xx, count: 1, until: 31 * s))
    }

    @Test func whenBothRulesFireTogetherTheGatewayRuleEjects() {
        var detector = OutlierDetector(detection(consecutive5xx: 3, gateway: 3, maxPercent: 100), hosts: 1)
        #expect(answers(&detector, host: 0, 503, times: 3, at: s) == .ejected(host: 0, rule: .consecutiveGatewayErrors, count: 1, until: 31 * s))
    }

    @Test func withFourHostsAndTheDefault10PercentNothingIsEverEjected() {
        // 100 × 1 / 4 = 25 > 10.
        var detector = OutlierDetector(detection(), hosts: 4)
        for host in 0..<4 {
            #expect(answers(&detector, host: host, 500, times: 100, at: s) == nil)
        }
        #expect(detector.ejectedCount == 0)
    }

    @Test func with50PercentAndFourHostsTwoMayBeEjectedButNotThree() {
        // 100 × 1 / 4 = 25 and 100 × 2 / 4 = 50 are ≤ 50; 100 × 3 / 4 = 75 is not.
        var detector = OutlierDetector(detection(maxPercent: 50), hosts: 4)
        #expect(answers(&detector, host: 0, 500, times: 5, at: s) != nil)
        #expect(answers(&detector, host: 1, 500, times: 5, at: s) != nil)
        #expect(answers(&detector, host: 2, 500, times: 5, at: s) == nil)
        #expect(detector.ejectedCount == 2)
        #expect(!detector.isEjected(2))
    }

    @Test func aRefusedEjectionResetsTheCounterSoTheHostIsEjectedOnceThereIsRoom() {
        var detector = OutlierDetector(detection(maxPercent: 50), hosts: 4)
        _ = answers(&detector, host: 0, 500, times: 5, at: s)
        _ = answers(&detector, host: 1, 500, times: 5, at: 15 * s)
        #expect(answers(&detector, host: 2, 500, times: 5, at: 16 * s) == nil)
        // Host 0 comes back at the 40 s tick (40 − 1 ≥ 30); host 1 is still out (40 − 15 < 30).
        #expect(ticks(&detector, at: 40 * s) == [.unejected(host: 0)])
        // Had the refused detection left the counter at 5, it would pass 5 and never fire again.
        #expect(answers(&detector, host: 2, 500, times: 5, at: 41 * s) == .ejected(host: 2, rule: .consecutive5xx, count: 1, until: 71 * s))
    }

    @Test func unejectionWaitsForAnIntervalTick() {
        // Ejected at 3 s for 30 s: at the 30 s tick only 27 s have passed, at the 40 s tick 37 s.
        var detector = OutlierDetector(detection(), hosts: 10)
        _ = answers(&detector, host: 5, 500, times: 5, at: 3 * s)
        for tick in [10, 20, 30] {
            #expect(ticks(&detector, at: Nanoseconds(tick) * s).isEmpty)
            #expect(detector.isEjected(5))
        }
        #expect(ticks(&detector, at: 40 * s) == [.unejected(host: 5)])
        #expect(!detector.isEjected(5))
        #expect(detector.ejectedCount == 0)
    }

    @Test func hostsEjectedTogetherComeBackInHostOrder() {
        // Envoy's interval timer walks its hosts in order, whatever order they were ejected in.
        var detector = OutlierDetector(detection(maxPercent: 100), hosts: 10)
        for host in [8, 2, 5] { _ = answers(&detector, host: host, 500, times: 5, at: 3 * s) }
        _ = answers(&detector, host: 0, 500, times: 5, at: 12 * s)
        #expect(ticks(&detector, at: 40 * s) == [.unejected(host: 2), .unejected(host: 5), .unejected(host: 8)])
        #expect(ticks(&detector, at: 50 * s) == [.unejected(host: 0)])
        #expect(detector.ejectedCount == 0)
    }

    @Test func aSecondEjectionBeforeTheMultiplierShrinksLastsTwiceTheBase() {
        var detector = OutlierDetector(detection(), hosts: 10)
        _ = answers(&detector, host: 0, 500, times: 5, at: 3 * s)
        #expect(ticks(&detector, at: 40 * s) == [.unejected(host: 0)])
        // Re-ejected at 45 s, before the 50 s tick could lower the multiplier: 2 × 30 s.
        #expect(answers(&detector, host: 0, 500, times: 5, at: 45 * s) == .ejected(host: 0, rule: .consecutive5xx, count: 2, until: 105 * s))
        #expect(detector.ejectionMultiplier(of: 0) == 2)
        for tick in 5...10 {
            #expect(ticks(&detector, at: Nanoseconds(tick) * 10 * s).isEmpty)
        }
        #expect(ticks(&detector, at: 110 * s) == [.unejected(host: 0)])
    }

    @Test func theMultiplierShrinksByOnePerTickWithoutEjectionButNotAtTheUnejectionTick() {
        var detector = OutlierDetector(detection(), hosts: 10)
        _ = answers(&detector, host: 0, 500, times: 5, at: 3 * s)
        _ = ticks(&detector, at: 40 * s)
        _ = answers(&detector, host: 0, 500, times: 5, at: 45 * s)
        _ = ticks(&detector, at: 110 * s)
        #expect(detector.ejectionMultiplier(of: 0) == 2)
        _ = ticks(&detector, at: 120 * s)
        #expect(detector.ejectionMultiplier(of: 0) == 1)
        _ = ticks(&detector, at: 130 * s)
        #expect(detector.ejectionMultiplier(of: 0) == 0)
        _ = ticks(&detector, at: 140 * s)
        #expect(detector.ejectionMultiplier(of: 0) == 0)
        // Back to one base ejection time.
        #expect(answers(&detector, host: 0, 500, times: 5, at: 145 * s) == .ejected(host: 0, rule: .consecutive5xx, count: 3, until: 175 * s))
    }

    @Test func ejectionTimeIsCappedAt300sWhenTheBaseIsShorter() {
        // Base 200 s, max 300 s; the multiplier grows while multiplier × 200 < 500: 1, 2, 3, 3.
        var detector = OutlierDetector(detection(base: 200 * s, maxPercent: 100), hosts: 1)
        #expect(answers(&detector, host: 0, 500, times: 5, at: 0) == .ejected(host: 0, rule: .consecutive5xx, count: 1, until: 200 * s))
        #expect(ticks(&detector, at: 200 * s) == [.unejected(host: 0)])
        #expect(answers(&detector, host: 0, 500, times: 5, at: 201 * s) == .ejected(host: 0, rule: .consecutive5xx, count: 2, until: 501 * s))
        #expect(ticks(&detector, at: 510 * s) == [.unejected(host: 0)])
        #expect(answers(&detector, host: 0, 500, times: 5, at: 511 * s) == .ejected(host: 0, rule: .consecutive5xx, count: 3, until: 811 * s))
        #expect(detector.ejectionMultiplier(of: 0) == 3)
        #expect(ticks(&detector, at: 820 * s) == [.unejected(host: 0)])
        #expect(answers(&detector, host: 0, 500, times: 5, at: 821 * s) == .ejected(host: 0, rule: .consecutive5xx, count: 4, until: 1121 * s))
        #expect(detector.ejectionMultiplier(of: 0) == 3)
    }

    @Test func ejectionTimeIsCappedAtTheBaseWhenTheBaseExceeds300s() {
        var detector = OutlierDetector(detection(base: 400 * s, maxPercent: 100), hosts: 1)
        _ = answers(&detector, host: 0, 500, times: 5, at: 0)
        #expect(ticks(&detector, at: 400 * s) == [.unejected(host: 0)])
        #expect(answers(&detector, host: 0, 500, times: 5, at: 401 * s) == .ejected(host: 0, rule: .consecutive5xx, count: 2, until: 801 * s))
    }

    @Test func unejectionResetsTheCounters() {
        var detector = OutlierDetector(detection(gateway: 5, maxPercent: 100), hosts: 1)
        _ = answers(&detector, host: 0, 503, times: 5, at: s)
        // Answers of requests already in flight still count while the host is ejected.
        _ = answers(&detector, host: 0, 503, times: 3, at: 2 * s)
        #expect(ticks(&detector, at: 40 * s) == [.unejected(host: 0)])
        #expect(answers(&detector, host: 0, 503, times: 4, at: 41 * s) == nil)
        #expect(detector.record(host: 0, status: 503, now: 41 * s) != nil)
    }

    @Test func withEveryHostEjectedNoneIsEligible() {
        var detector = OutlierDetector(detection(maxPercent: 100), hosts: 2)
        _ = answers(&detector, host: 0, 500, times: 5, at: s)
        #expect(detector.eligibility() == .healthy(count: 1))
        _ = answers(&detector, host: 1, 500, times: 5, at: s)
        #expect(detector.eligibility() == .none)
    }

    @Test func crashedHostsKnownToTheCallerAreNotHealthy() {
        var detector = OutlierDetector(detection(maxPercent: 100), hosts: 4)
        _ = answers(&detector, host: 0, 500, times: 5, at: s)
        #expect(detector.eligibility(unhealthy: { $0 == 3 }) == .healthy(count: 2))
        #expect(detector.eligibility(unhealthy: { $0 == 0 }) == .healthy(count: 3))
    }

    @Test func withoutOutlierDetectionNothingIsEjectedAndThe50PercentPanicThresholdApplies() {
        var detector = OutlierDetector(nil, hosts: 4)
        #expect(!detector.isEnabled)
        #expect(answers(&detector, host: 0, 500, times: 100, at: s) == nil)
        #expect(!detector.isEjected(0) && detector.ejectionMultiplier(of: 0) == 0)
        var events: [OutlierEvent] = []
        detector.tick(now: 60 * s, events: &events)
        #expect(events.isEmpty)
        #expect(detector.eligibility(unhealthy: { $0 < 1 }) == .healthy(count: 3))
        // 50% healthy is not below 50%: no panic.
        #expect(detector.eligibility(unhealthy: { $0 < 2 }) == .healthy(count: 2))
        #expect(detector.eligibility(unhealthy: { $0 < 3 }) == .all)
        #expect(detector.eligibility(unhealthy: { _ in true }) == .all)
    }

    @Test func minHealthPercentIsThePanicThreshold() {
        var detector = OutlierDetector(detection(maxPercent: 100, minHealth: 50), hosts: 4)
        for host in 0..<3 {
            _ = answers(&detector, host: host, 500, times: 5, at: s)
        }
        #expect(detector.eligibility() == .all)
    }

    @Test func panicNeedsAvailabilityBelow100AfterTheOverprovisioningFactor() {
        // 8 of 10 healthy: 140 × 8 / 10 = 112 → 100, no panic even under a 100% threshold;
        // 7 of 10: 98 < 100 and 70% < 100%, panic.
        #expect(OutlierDetector.eligibility(healthy: 8, hosts: 10, panicThreshold: 100) == .healthy(count: 8))
        #expect(OutlierDetector.eligibility(healthy: 7, hosts: 10, panicThreshold: 100) == .all)
        #expect(OutlierDetector.eligibility(healthy: 0, hosts: 10, panicThreshold: 0) == .none)
        #expect(OutlierDetector.eligibility(healthy: 0, hosts: 0, panicThreshold: 50) == .none)
    }

    @Test func istioDefaultsAreResolvedOnce() {
        let config = OutlierDetector.Config(detection())
        #expect(config.consecutive5xxErrors == 5)
        #expect(config.consecutiveGatewayErrors == 0)
        #expect(config.interval == 10 * s)
        #expect(config.baseEjectionTime == 30 * s)
        #expect(config.maxEjectionTime == 300 * s)
        #expect(config.maxEjectionPercent == 10)
        #expect(config.panicThreshold == 0)
        #expect(OutlierDetector.Config(nil).panicThreshold == 50)
    }
}
