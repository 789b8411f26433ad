import Policy
import Scenario

/// Zones compiled for the run: each caller's zone (clients, then servers, as callers are
/// numbered; a server's zone is where the instance or gateway replica runs), what a cross-zone
/// attempt adds, and each caller's labels for `failoverPriority`. Nil in `World` when no zone
/// is written anywhere, so that such runs pay nothing for it.
final class LocalityModel: Sendable {
    /// Interned zone names, as written.
    let zones: [String]
    /// Per caller, index into `zones`; -1 without a zone.
    let callerZone: [Int32]
    /// Per caller, its workload labels with the topology labels of its zone.
    let callerLabels: [[String: String]]
    /// nil when `mesh.crossZoneLatency` is 0.
    let crossZoneLatency: Sampler?

    init(zones: [String], callerZone: [Int32], callerLabels: [[String: String]], crossZoneLatency: Sampler?) {
        self.zones = zones
        self.callerZone = callerZone
        self.callerLabels = callerLabels
        self.crossZoneLatency = crossZoneLatency
    }

    func locality(ofCaller caller: Int) -> Locality? {
        let zone = callerZone[caller]
        return zone >= 0 ? Locality(zones[Int(zone)]) : nil
    }

    /// The zones of every caller, laid out as `WorldBuilder` lays out servers; nil when the
    /// scenario places nothing in a zone.
    static func build(_ scenario: Scenario) -> LocalityModel? {
        let gateway = scenario.gateway
        let versions = scenario.services.flatMap(\.versions)
        guard scenario.clients.contains(where: { $0.zone != nil }) || !(gateway?.zones.isEmpty ?? true)
            || versions.contains(where: { !$0.zones.isEmpty })
        else { return nil }
        var zones: [String] = []
        var index: [String: Int32] = [:]
        func intern(_ zone: String?) -> Int32 {
            guard let zone else { return -1 }
            if let known = index[zone] { return known }
            index[zone] = Int32(zones.count)
            zones.append(zone)
            return Int32(zones.count - 1)
        }
        var callerZone: [Int32] = []
        var callerLabels: [[String: String]] = []
        func add(_ zone: String?, _ labels: [String: String]) {
            callerZone.append(intern(zone))
            callerLabels.append(Locality.labels(labels, at: zone.map(Locality.init)))
        }
        for client in scenario.clients { add(client.zone, client.identity.labels) }
        if let gateway {
            for replica in 0..<gateway.replicas { add(ZonePlacement.zone(ofInstance: replica, zones: gateway.zones), gateway.identity.labels) }
        }
        for version in versions {
            for instance in 0..<version.replicas { add(ZonePlacement.zone(ofInstance: instance, zones: version.zones), version.identity.labels) }
        }
        let latency = Sampler(scenario.mesh.crossZoneLatency)
        return LocalityModel(zones: zones, callerZone: callerZone, callerLabels: callerLabels, crossZoneLatency: latency.isZero ? nil : latency)
    }
}
