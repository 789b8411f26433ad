import Scenario

/// One target's health as one Kong node's checker sees it: lua-resty-healthcheck's four
/// states and four counters (lib/resty/healthcheck.lua, `incr_counter`).
///
/// A report in the direction the target already fully is (a success while `healthy`, a
/// failure while `unhealthy`) is ignored. A success clears the three failure counters, a
/// failure clears the success counter. Reaching a non-zero threshold moves the target fully to
/// that side; a first report against the current side only makes it "mostly" so, which does
/// not change whether the balancer uses it. Counters are not cleared on a change of state.
public struct KongTargetHealth: Sendable, Hashable {
    public enum State: UInt8, Sendable {
        case healthy, mostlyHealthy, mostlyUnhealthy, unhealthy
    }

    /// What one proxied attempt or probe showed.
    public enum Report: Sendable, Hashable {
        case httpStatus(Int)
        case tcpFailure
        case timeout
    }

    /// The counter that moved a target, with Kong's field name.
    public enum Counter: String, Sendable, Hashable {
        case successes
        case httpFailures = "http_failures"
        case tcpFailures = "tcp_failures"
        case timeouts
    }

    /// A change of whether the balancer uses the target: the caller writes the event.
    public enum Transition: Sendable, Hashable {
        case becameHealthy(Counter, threshold: Int)
        case becameUnhealthy(Counter, threshold: Int)
    }

    public private(set) var state: State = .healthy
    public private(set) var successes = 0
    public private(set) var httpFailures = 0
    public private(set) var tcpFailures = 0
    public private(set) var timeouts = 0

    public init() {}

    /// Whether the balancer sends to the target (healthy or mostly healthy).
    public var isUp: Bool { state == .healthy || state == .mostlyHealthy }

    /// Counts `report` against `healthy`/`unhealthy` (the passive or the active thresholds).
    /// A status in neither list is ignored, as Kong's `report_http_status` does.
    public mutating func record(
        _ report: Report, healthy: KongHealthchecks.Thresholds, unhealthy: KongHealthchecks.Thresholds
    ) -> Transition? {
        switch report {
        case .httpStatus(let status):
            if healthy.httpStatuses.contains(status) { return count(.successes, limit: healthy.successes) }
            if unhealthy.httpStatuses.contains(status) { return count(.httpFailures, limit: unhealthy.httpFailures) }
            return nil
        case .tcpFailure: return count(.tcpFailures, limit: unhealthy.tcpFailures)
        case .timeout: return count(.timeouts, limit: unhealthy.timeouts)
        }
    }

    private mutating func count(_ counter: Counter, limit: Int) -> Transition? {
        guard limit > 0 else { return nil }
        let success = counter == .successes
        if success && state == .healthy || !success && state == .unhealthy { return nil }
        let wasUp = isUp
        let value: Int
        if success {
            (httpFailures, tcpFailures, timeouts) = (0, 0, 0)
            successes = min(successes + 1, 255)
            value = successes
        } else {
            successes = 0
            switch counter {
            case .httpFailures: httpFailures = min(httpFailures + 1, 255); value = httpFailures
            case .tcpFailures: tcpFailures = min(tcpFailures + 1, 255); value = tcpFailures
            default: timeouts = min(timeouts + 1, 255); value = timeouts
            }
        }
        if value >= limit {
            state = success ? .healthy : .unhealthy
        } else if state == .healthy && !success {
            state = .mostlyHealthy
        } else if state == .unhealthy && success {
            state = .mostlyUnhealthy
        }
        guard isUp != wasUp else { return nil }
        return isUp ? .becameHealthy(counter, threshold: limit) : .becameUnhealthy(counter, threshold: limit)
    }
}
