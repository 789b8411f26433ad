import Scenario

/// The Envoy priority Istio gives each endpoint of a cluster for one proxy
/// (`ApplyLocalityLoadBalancer`, pilot/pkg/networking/core/loadbalancer/loadbalancer.go).
///
/// Istio turns locality failover on by default (MeshConfig `localityLbSetting.enabled`), but
/// sets priorities only when the cluster has outlier detection ("Failover needs outlier
/// detection, otherwise Envoy will never drop down to a lower priority"), and not when the
/// DestinationRule says `enabled: false` or uses `distribute` (locality weights instead).
public enum LocalityPriority {
    /// One endpoint: its locality (nil without a zone) and its labels with the topology labels.
    public struct Endpoint: Sendable, Hashable {
        public var locality: Locality?
        public var labels: [String: String]

        public init(locality: Locality?, labels: [String: String]) {
            self.locality = locality
            self.labels = labels
        }
    }

    /// Whether Istio sets failover priorities for a cluster with this policy.
    public static func appliesFailover(_ setting: LocalityLbSetting?, hasOutlierDetection: Bool) -> Bool {
        guard hasOutlierDetection else { return false }
        guard let setting else { return true }
        return setting.enabled != false && setting.distribute.isEmpty
    }

    /// Each endpoint's priority, 0 (highest) to N without gaps, seen from a proxy at
    /// `locality` with `labels` (its own with the topology labels).
    /// - `failoverPriority` (`applyFailoverPriorities`): for the listed labels in order, an
    ///   endpoint whose first mismatch is at label j gets n − j (n labels, all match → 0); a
    ///   label written `key=value` compares the endpoint's label with that value
    ///   (`priorityLabelOverrides`).
    /// - Otherwise, or as well when `failover` is written (`applyLocalityFailover`): same
    ///   region, zone and subzone → 0; same region and zone → 1; same region → 2; another
    ///   region → 3, or 4 when a `failover` entry from the proxy's region names a different
    ///   region. With both, the label priority weighs 5 times the locality one.
    public static func priorities(
        for endpoints: [Endpoint], locality: Locality?, labels: [String: String], setting: LocalityLbSetting?
    ) -> [Int] {
        let byLabels = setting.map { !$0.failoverPriority.isEmpty } ?? false
        let failover = setting?.failover ?? []
        let raw = endpoints.map { endpoint -> Int in
            guard let setting, byLabels else { return localityPriority(endpoint.locality, from: locality, failover: failover) }
            // Istio skips label priorities for a proxy without labels.
            let labelled = labels.isEmpty ? 0 : labelPriority(endpoint.labels, proxy: labels, keys: setting.failoverPriority)
            return failover.isEmpty ? labelled : labelled * 5 + localityPriority(endpoint.locality, from: locality, failover: failover)
        }
        let levels = Set(raw).sorted()
        return raw.map { levels.firstIndex(of: $0) ?? 0 }
    }

    /// `util.LbPriority`, then the `failover` rule for other regions. A missing locality is
    /// Envoy's empty one: every field "".
    static func localityPriority(_ endpoint: Locality?, from proxy: Locality?, failover: [LocalityLbSetting.Failover]) -> Int {
        let here = proxy ?? Locality(region: "", zone: "")
        let there = endpoint ?? Locality(region: "", zone: "")
        guard here.region == there.region else {
            guard let rule = failover.first(where: { $0.from == here.region }) else { return 3 }
            return endpoint != nil && there.region == rule.to ? 3 : 4
        }
        // No subzones: a same-zone endpoint is at priority 0, never 1.
        return here.zone == there.zone ? 0 : 2
    }

    static func labelPriority(_ endpoint: [String: String], proxy: [String: String], keys: [String]) -> Int {
        for (index, written) in keys.enumerated() {
            let parts = written.split(separator: "=", omittingEmptySubsequences: false)
            let key = String(parts[0])
            let wanted = parts.count == 2 ? String(parts[1]) : proxy[key] ?? ""
            if (endpoint[key] ?? "") != wanted { return keys.count - index }
        }
        return 0
    }
}
