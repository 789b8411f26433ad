import Policy
import Scenario
import Testing

/// lua-resty-healthcheck's counters (lib/resty/healthcheck.lua `incr_counter`) and the
/// worked examples of Kong's health-check guide
/// (https://docs.konghq.com/gateway/latest/how-kong-works/health-checks/).
@Suite struct KongTargetHealthTests {
    /// Kong's passive defaults with the thresholds of the guide's example.
    func passive(httpFailures: Int = 0, tcpFailures: Int = 0, timeouts: Int = 0, successes: Int = 0) -> KongHealthchecks.Passive {
        var checks = KongHealthchecks.Passive()
        checks.unhealthy.httpFailures = httpFailures
        checks.unhealthy.tcpFailures = tcpFailures
        checks.unhealthy.timeouts = timeouts
        checks.healthy.successes = successes
        return checks
    }

    func record(_ health: inout KongTargetHealth, _ report: KongTargetHealth.Report, _ checks: KongHealthchecks.Passive) -> KongTargetHealth.Transition? {
        health.record(report, healthy: checks.healthy, unhealthy: checks.unhealthy)
    }

    @Test func threeConsecutive500sMakeATargetUnhealthyOnTheThird() {
        let checks = passive(httpFailures: 3)
        var health = KongTargetHealth()
        #expect(record(&health, .httpStatus(500), checks) == nil)
        #expect(record(&health, .httpStatus(500), checks) == nil)
        #expect(health.isUp)
        #expect(health.state == .mostlyHealthy)
        #expect(record(&health, .httpStatus(500), checks) == .becameUnhealthy(.httpFailures, threshold: 3))
        #expect(!health.isUp)
    }

    @Test func aSuccessInBetweenResetsTheFailures() {
        let checks = passive(httpFailures: 3, successes: 1)
        var health = KongTargetHealth()
        _ = record(&health, .httpStatus(500), checks)
        _ = record(&health, .httpStatus(500), checks)
        _ = record(&health, .httpStatus(200), checks)
        #expect(health.httpFailures == 0)
        #expect(record(&health, .httpStatus(500), checks) == nil)
        #expect(record(&health, .httpStatus(500), checks) == nil)
        #expect(health.isUp)
        #expect(record(&health, .httpStatus(500), checks) == .becameUnhealthy(.httpFailures, threshold: 3))
    }

    /// `incr_counter` returns before touching any counter when the success threshold is 0:
    /// with `healthy.successes` off, successes do not reset the failures.
    @Test func withSuccessesOffASuccessDoesNotReset() {
        let checks = passive(httpFailures: 3)
        var health = KongTargetHealth()
        _ = record(&health, .httpStatus(500), checks)
        _ = record(&health, .httpStatus(500), checks)
        _ = record(&health, .httpStatus(200), checks)
        #expect(record(&health, .httpStatus(500), checks) == .becameUnhealthy(.httpFailures, threshold: 3))
    }

    @Test func aFailureResetsTheSuccessesAndCountersAreSeparate() {
        let checks = passive(httpFailures: 2, tcpFailures: 2, timeouts: 2, successes: 2)
        var health = KongTargetHealth()
        _ = record(&health, .httpStatus(500), checks)
        _ = record(&health, .tcpFailure, checks)
        _ = record(&health, .timeout, checks)
        #expect(health.isUp)
        #expect(record(&health, .tcpFailure, checks) == .becameUnhealthy(.tcpFailures, threshold: 2))
        // Down: one success is "mostly unhealthy", a failure then clears it.
        _ = record(&health, .httpStatus(200), checks)
        #expect(health.state == .mostlyUnhealthy)
        _ = record(&health, .httpStatus(500), checks)
        #expect(health.successes == 0)
        _ = record(&health, .httpStatus(200), checks)
        #expect(record(&health, .httpStatus(200), checks) == .becameHealthy(.successes, threshold: 2))
    }

    @Test func statusesInNeitherListAndOffCountersAreIgnored() {
        let checks = passive(httpFailures: 1)
        var health = KongTargetHealth()
        // 502 is in neither passive list (unhealthy: 429, 500, 503); timeouts are off.
        #expect(record(&health, .httpStatus(502), checks) == nil)
        #expect(record(&health, .timeout, checks) == nil)
        #expect(health.state == .healthy)
        #expect(record(&health, .httpStatus(503), checks) == .becameUnhealthy(.httpFailures, threshold: 1))
    }

    /// Active checks: unhealthy.interval probes of a down target bring it back after
    /// `healthy.successes` good probes in a row.
    @Test func activeProbesBringATargetBackAfterHealthySuccesses() {
        var active = KongHealthchecks.Active()
        active.unhealthy.tcpFailures = 1
        active.healthy.successes = 2
        var health = KongTargetHealth()
        #expect(health.record(.tcpFailure, healthy: active.healthy, unhealthy: active.unhealthy) == .becameUnhealthy(.tcpFailures, threshold: 1))
        #expect(health.record(.httpStatus(200), healthy: active.healthy, unhealthy: active.unhealthy) == nil)
        #expect(!health.isUp)
        #expect(health.record(.httpStatus(302), healthy: active.healthy, unhealthy: active.unhealthy) == .becameHealthy(.successes, threshold: 2))
        #expect(health.state == .healthy)
    }
}
