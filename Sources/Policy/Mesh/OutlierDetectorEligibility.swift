extension OutlierDetector {
    /// The hosts a request may be balanced over, after Envoy's panic check.
    public enum Eligibility: Sendable, Equatable {
        /// Only the healthy hosts, of which there are `count` (1 or more).
        case healthy(count: Int)
        /// Panic: every host, healthy or not.
        case all
        /// No healthy host and panic off (threshold 0): the caller answers 503 `no healthy
        /// upstream`, flag `UH`.
        case none
    }

    /// Envoy's overprovisioning factor, in percent (`kDefaultOverProvisioningFactor`).
    public static let overprovisioningFactor = 140

    /// Where requests may go now. A host is healthy when it is not ejected and not
    /// `unhealthy` in the caller's own health view (e.g. a crashed instance it knows of).
    /// Costs one pass over the hosts; callers that keep the healthy count themselves can use
    /// `eligibility(healthy:hosts:panicThreshold:)` directly.
    public func eligibility(unhealthy: (Int) -> Bool = { _ in false }) -> Eligibility {
        var healthy = 0
        for host in 0..<hosts where !isEjected(host) && !unhealthy(host) {
            healthy += 1
        }
        return Self.eligibility(healthy: healthy, hosts: hosts, panicThreshold: config.panicThreshold)
    }

    /// Envoy's panic decision for one priority level (`recalculatePerPriorityState`,
    /// `recalculatePerPriorityPanic` and `isHostSetInPanic` in `load_balancer_impl.cc`):
    /// - availability = min(100, 140 × healthy / hosts), in integers;
    /// - with panic threshold 0 and availability 0 nothing is eligible;
    /// - the level panics when availability < 100 and 100 × healthy / hosts < threshold, so with
    ///   thresholds above 71% a few unhealthy hosts do not cause panic.
    public static func eligibility(healthy: Int, hosts: Int, panicThreshold: Int) -> Eligibility {
        guard hosts > 0 else { return .none }
        let healthy = min(max(0, healthy), hosts)
        let availability = min(100, overprovisioningFactor * healthy / hosts)
        if panicThreshold <= 0, availability == 0 { return .none }
        if availability < 100, 100 * healthy < panicThreshold * hosts { return .all }
        return .healthy(count: healthy)
    }
}
