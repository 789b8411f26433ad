import Scenario

/// Envoy's outlier detector (consecutive-error detectors only, as Istio configures it) for one
/// caller and one destination cluster: every calling sidecar and gateway replica keeps its
/// own, so two callers can disagree about a host. Hosts are the indices 0..<hosts.
///
/// Behaviour read from Envoy `source/common/upstream/outlier_detection_impl.cc`:
/// - `putHttpResponseCode`: a 502/503/504 increments the gateway-error counter, another 5xx
///   resets it; every 5xx increments the 5xx counter; anything else resets both. A detector
///   fires when its counter *equals* its threshold.
/// - `onConsecutiveErrorWorker`: a detection for a host that is already ejected is dropped
///   without resetting the counter; otherwise the host is ejected if `ejectHost` allows it and
///   the firing counter is reset either way.
/// - `ejectHost`: allowed when 100 × (ejected + 1) / hosts ≤ maxEjectionPercent; the
///   multiplier then grows (see `Config.multiplier(afterEjectionWith:)`).
/// - `onIntervalTimer` (every `interval`, the first one `interval` after the start):
///   `checkHostForUneject` un-ejects a host once min(base × multiplier, max) ≤ now − ejection
///   time and resets its counters; then a host that is not ejected, and was un-ejected at
///   least one interval ago, has its multiplier lowered by 1 (not below 0).
/// Jitter (`max_ejection_time_jitter`) is 0 as Istio leaves it.
public struct OutlierDetector: Sendable {
    /// False for a cluster without `outlierDetection`: nothing is ever ejected.
    public let isEnabled: Bool
    public let config: Config
    public let hosts: Int
    /// Hosts ejected now.
    public private(set) var ejectedCount = 0
    private var monitors: [HostMonitor]
    /// The hosts `tick` may change (ejected, or with a multiplier above 0), so that a tick
    /// visits those rather than every host; sorted before a tick when `watchedSorted` is false.
    private var watched: [Int32] = []
    private var watchedSorted = true

    /// nil is a cluster without outlier detection (its panic threshold is then Envoy's 50%).
    public init(_ detection: OutlierDetection?, hosts: Int) {
        isEnabled = detection != nil
        config = Config(detection)
        self.hosts = max(0, hosts)
        // A disabled detector never reads a monitor: none are kept, so that thousands of
        // callers of a large cluster without outlier detection cost no memory here.
        monitors = isEnabled ? Array(repeating: HostMonitor(), count: self.hosts) : []
    }

    /// The period of `tick(now:events:)`.
    public var interval: Nanoseconds { config.interval }

    public func isEjected(_ host: Int) -> Bool {
        monitors.indices.contains(host) && monitors[host].isEjected
    }

    /// The host's ejection-time multiplier (0 for a host never ejected or long forgiven).
    public func ejectionMultiplier(of host: Int) -> Int {
        monitors.indices.contains(host) ? monitors[host].multiplier : 0
    }

    /// Reports one answer from `host` at `now`. Pass 503 for a connect failure and 504 for a
    /// timeout, as Envoy maps them; status 0 (a timeout, see `Outcome`) counts as 504.
    /// Circuit-breaker overflows and local answers must not be reported. Returns the ejection
    /// this answer caused, if any.
    public mutating func record(host: Int, status: Int, now: Nanoseconds) -> OutlierEvent? {
        guard isEnabled, monitors.indices.contains(host) else { return nil }
        let status = status == 0 ? 504 : status
        guard (500...599).contains(status) else {
            monitors[host].resetCounters()
            return nil
        }
        var event: OutlierEvent?
        if status == 502 || status == 503 || status == 504 {
            monitors[host].consecutiveGatewayErrors += 1
            if monitors[host].consecutiveGatewayErrors == config.consecutiveGatewayErrors {
                event = detected(.consecutiveGatewayErrors, host: host, now: now)
            }
        } else {
            monitors[host].consecutiveGatewayErrors = 0
        }
        monitors[host].consecutive5xx += 1
        if monitors[host].consecutive5xx == config.consecutive5xxErrors {
            // When both fire at once the gateway detection came first and ejected the host,
            // so this one is dropped (and its counter kept), as Envoy processes them in order.
            let fiveXX = detected(.consecutive5xx, host: host, now: now)
            event = event ?? fiveXX
        }
        return event
    }

    private mutating func detected(_ rule: OutlierRule, host: Int, now: Nanoseconds) -> OutlierEvent? {
        guard !monitors[host].isEjected else { return nil }
        monitors[host].resetCounter(of: rule)
        guard config.mayEject(alreadyEjected: ejectedCount, hosts: hosts) else { return nil }
        ejectedCount += 1
        monitors[host].isEjected = true
        monitors[host].ejections += 1
        monitors[host].lastEjection = now
        monitors[host].multiplier = config.multiplier(afterEjectionWith: monitors[host].multiplier)
        if !monitors[host].isWatched {
            monitors[host].isWatched = true
            watched.append(Int32(host))
            watchedSorted = false
        }
        let duration = config.ejectionDuration(multiplier: monitors[host].multiplier)
        let (until, overflow) = now.addingReportingOverflow(duration)
        return .ejected(host: host, rule: rule, count: monitors[host].ejections, until: overflow ? .max : until)
    }

    /// The interval timer, to be called at every multiple of `interval` from the start.
    /// Appends an `.unejected` event per host returned to service to the caller's reused
    /// buffer, so steady state does not allocate.
    /// Only watched hosts can change here; they are visited in host order, as Envoy's timer
    /// walks its hosts, so the events come in the same order.
    public mutating func tick(now: Nanoseconds, events: inout [OutlierEvent]) {
        guard isEnabled else { return }
        if !watchedSorted {
            watched.sort()
            watchedSorted = true
        }
        var kept = 0
        for index in watched.indices {
            let host = Int(watched[index])
            visit(host, now: now, events: &events)
            if monitors[host].isEjected || monitors[host].multiplier > 0 {
                watched[kept] = watched[index]
                kept += 1
            } else {
                monitors[host].isWatched = false
            }
        }
        watched.removeLast(watched.count - kept)
    }

    /// Envoy's `checkHostForUneject`, then the multiplier's decay.
    private mutating func visit(_ host: Int, now: Nanoseconds, events: inout [OutlierEvent]) {
        if monitors[host].isEjected {
            let duration = config.ejectionDuration(multiplier: monitors[host].multiplier)
            guard duration <= Self.elapsed(from: monitors[host].lastEjection, to: now) else { return }
            monitors[host].isEjected = false
            monitors[host].resetCounters()
            monitors[host].lastUnejection = now
            ejectedCount -= 1
            events.append(.unejected(host: host))
        } else if let unejected = monitors[host].lastUnejection, monitors[host].multiplier > 0,
            Self.elapsed(from: unejected, to: now) >= config.interval
        {
            monitors[host].multiplier -= 1
        }
    }

    /// Saturating, so that no pair of times can trap.
    private static func elapsed(from start: Nanoseconds, to end: Nanoseconds) -> Nanoseconds {
        let (difference, overflow) = end.subtractingReportingOverflow(start)
        return overflow ? (end < start ? .min : .max) : difference
    }
}

/// Envoy's `DetectorHostMonitorImpl`, reduced to what the consecutive detectors use.
private struct HostMonitor: Sendable {
    var consecutive5xx = 0
    var consecutiveGatewayErrors = 0
    var isEjected = false
    var ejections = 0
    var multiplier = 0
    var lastEjection: Nanoseconds = 0
    var lastUnejection: Nanoseconds?
    /// In the detector's `watched`.
    var isWatched = false

    mutating func resetCounters() {
        consecutive5xx = 0
        consecutiveGatewayErrors = 0
    }

    mutating func resetCounter(of rule: OutlierRule) {
        switch rule {
        case .consecutive5xx: consecutive5xx = 0
        case .consecutiveGatewayErrors: consecutiveGatewayErrors = 0
        }
    }
}
