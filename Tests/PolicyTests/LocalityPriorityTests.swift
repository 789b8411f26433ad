import Policy
import Scenario
import Testing

/// Istio's priorities for locality failover (pilot/pkg/networking/core/loadbalancer), against
/// the worked example of Istio's "Locality failover" task.
@Suite struct LocalityPriorityTests {
    private let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    private func endpoint(_ zone: String?, _ labels: [String: String] = [:]) -> LocalityPriority.Endpoint {
        let locality = zone.map(Locality.init)
        return LocalityPriority.Endpoint(locality: locality, labels: Locality.labels(labels, at: locality))
    }

    /// The task's table for a caller in region1/zone1 with `failover: region1 → region2`:
    /// region1.zone1 0, region1.zone2 2, region2.zone3 3, region3.zone4 4; Envoy gets them
    /// without gaps, so the failover order is zone1, zone2, region2, region3.
    @Test func istioFailoverTaskOrder() {
        let setting = LocalityLbSetting(enabled: true, failover: [.init(from: "region1", to: "region2", location: here)], location: here)
        let endpoints = ["region3/zone4", "region2/zone3", "region1/zone2", "region1/zone1"].map { endpoint($0) }
        let priorities = LocalityPriority.priorities(
            for: endpoints, locality: Locality("region1/zone1"), labels: [:], setting: setting)
        #expect(priorities == [3, 2, 1, 0])
    }

    @Test func withoutFailoverEveryOtherRegionSharesTheLastLevel() {
        let endpoints = ["r1/a", "r1/b", "r2/c", "r3/d"].map { endpoint($0) }
        let priorities = LocalityPriority.priorities(for: endpoints, locality: Locality("r1/a"), labels: [:], setting: nil)
        #expect(priorities == [0, 1, 2, 2])
    }

    /// Zones written without a region are zones of one unnamed region.
    @Test func zonesWithoutRegionFailOverWithinTheirRegion() {
        let endpoints = ["a", "b", "c", "a"].map { endpoint($0) }
        #expect(LocalityPriority.priorities(for: endpoints, locality: Locality("b"), labels: [:], setting: nil) == [1, 0, 1, 1])
    }

    /// `failoverPriority` (Istio's docs example with topology labels): the first label that
    /// differs, at index j of n, gives n − j; all equal gives 0.
    @Test func failoverPriorityCountsMatchingLabelsInOrder() {
        let setting = LocalityLbSetting(failoverPriority: [Locality.regionLabel, Locality.zoneLabel], location: here)
        let endpoints = [endpoint("r1/a"), endpoint("r1/b"), endpoint("r2/a")]
        let caller = Locality("r1/a")
        let priorities = LocalityPriority.priorities(
            for: endpoints, locality: caller, labels: Locality.labels(["app": "web"], at: caller), setting: setting)
        #expect(priorities == [0, 1, 2])
    }

    /// `key=value` compares endpoints with the value, not with the proxy's label.
    @Test func failoverPriorityWithAnOverriddenValue() {
        let setting = LocalityLbSetting(failoverPriority: ["version=v2"], location: here)
        let endpoints = [endpoint(nil, ["version": "v1"]), endpoint(nil, ["version": "v2"])]
        let priorities = LocalityPriority.priorities(for: endpoints, locality: nil, labels: ["version": "v1"], setting: setting)
        #expect(priorities == [1, 0])
    }

    /// Labels first (×5), then locality, as Istio combines them when `failover` is written too.
    @Test func failoverPriorityThenLocality() {
        let setting = LocalityLbSetting(
            failover: [.init(from: "r1", to: "r2", location: here)], failoverPriority: ["track"], location: here)
        let endpoints = [
            endpoint("r1/a", ["track": "blue"]), endpoint("r2/a", ["track": "blue"]), endpoint("r1/a", ["track": "green"]),
        ]
        let caller = Locality("r1/a")
        let priorities = LocalityPriority.priorities(
            for: endpoints, locality: caller, labels: Locality.labels(["track": "blue"], at: caller), setting: setting)
        // Raw: 0·5 + 0, 0·5 + 3, 1·5 + 0 → levels 0, 1, 2.
        #expect(priorities == [0, 1, 2])
    }

    @Test func failoverNeedsOutlierDetectionAndNoDistribute() {
        #expect(LocalityPriority.appliesFailover(nil, hasOutlierDetection: true))
        #expect(!LocalityPriority.appliesFailover(nil, hasOutlierDetection: false))
        #expect(!LocalityPriority.appliesFailover(LocalityLbSetting(enabled: false, location: here), hasOutlierDetection: true))
        let distribute = LocalityLbSetting(distribute: [.init(from: "r1/*", to: [("r1/*", 100)], location: here)], location: here)
        #expect(!LocalityPriority.appliesFailover(distribute, hasOutlierDetection: true))
    }
}
