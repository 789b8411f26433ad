import Policy
import Scenario

/// Zones: the priority levels a caller's sidecar gives a cluster's hosts, the latency and the
/// count of an attempt that crosses zones, and locality.csv. Used only when `world.locality`
/// is set (a zone is written somewhere).
extension Simulation {
    /// Per host of the cluster, its Envoy priority as Istio sets it for this caller; empty when
    /// locality failover does not apply (no zone, no outlier detection, disabled,
    /// `distribute`), so that the sidecar balances over all hosts as before.
    func localityLevels(caller: Int, cluster: Int, _ model: MeshModel) -> [Int] {
        guard let locality = world.locality else { return [] }
        let policy = model.clusterPolicies[cluster]
        guard LocalityPriority.appliesFailover(policy?.localityLbSetting, hasOutlierDetection: policy?.outlierDetection != nil) else {
            return []
        }
        let first = world.clients.count
        let endpoints = model.clusters[cluster].instances.map { server in
            LocalityPriority.Endpoint(locality: locality.locality(ofCaller: first + server), labels: locality.callerLabels[first + server])
        }
        return LocalityPriority.priorities(
            for: endpoints, locality: locality.locality(ofCaller: caller), labels: locality.callerLabels[caller],
            setting: policy?.localityLbSetting)
    }

    /// Counts an attempt from `caller` to `server` of `service` and returns what crossing
    /// zones adds to it: `mesh.crossZoneLatency` when both have a zone and they differ.
    mutating func crossZone(caller: Int, server: Int, service: Int, counted: Bool) -> Nanoseconds {
        guard let locality = world.locality else { return 0 }
        let from = locality.callerZone[caller]
        let to = locality.callerZone[world.clients.count + server]
        if counted {
            let zones = locality.zones.count + 1
            localityAttempts[(service * zones + Int(from) + 1) * zones + Int(to) + 1] += 1
        }
        guard from >= 0, to >= 0, from != to, let latency = locality.crossZoneLatency else { return 0 }
        return latency.sample(&egress[caller])
    }

    /// A direct (sidecar-less) attempt reaches its instance after crossing zones: refused if
    /// the instance crashed or is cut off meanwhile, as `dispatchAttempt` refuses at once.
    mutating func arriveDirect(_ call: Int32) {
        let server = Int(calls[call].server)
        let token = calls[call].token
        if servers[server].crashed > 0 || isPartitioned(from: calls[call].callerService, toServer: server) {
            queue.push(.attemptFailed(call: call, token: token, failure: .connectFailure), at: now)
            return
        }
        if world.security != nil, hops[call].direct {
            sendDirect(call, token: token, server: server)
            return
        }
        admit(call: call, token: token, at: server)
    }

    /// locality.csv: every (service, caller zone, host zone) with attempts, sorted by name.
    func localityRows() -> [LocalityRow]? {
        guard let locality = world.locality else { return nil }
        let zones = locality.zones.count + 1
        func name(_ zone: Int) -> String { zone == 0 ? "-" : locality.zones[zone - 1] }
        var rows: [LocalityRow] = []
        for service in world.services.indices {
            for from in 0..<zones {
                let base = (service * zones + from) * zones
                let total = (0..<zones).reduce(0) { $0 + localityAttempts[base + $1] }
                for to in 0..<zones where localityAttempts[base + to] > 0 {
                    let attempts = localityAttempts[base + to]
                    rows.append(LocalityRow(
                        service: world.services[service].name, fromZone: name(from), toZone: name(to), attempts: attempts,
                        share: Double(attempts) / Double(total)))
                }
            }
        }
        return rows.sorted { ($0.service, $0.fromZone, $0.toZone) < ($1.service, $1.fromZone, $1.toZone) }
    }
}
