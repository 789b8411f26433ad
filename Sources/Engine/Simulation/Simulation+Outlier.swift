import Policy
import Scenario

/// Outlier detection in the run: each sidecar state's detector ticks on its service's
/// interval, and every ejection and un-ejection goes to events.csv with the caller and the
/// rule, and into the counts behind the `ejected` and `ejections` columns.
extension Simulation {
    /// The first tick of every detector is one interval after the start.
    mutating func startOutlierTimers() {
        guard let model = world.mesh else { return }
        for (service, host) in model.hosts.enumerated() {
            if let interval = host.outlierInterval {
                queue.push(.outlierTick(service: Int32(service)), at: interval)
            }
        }
    }

    mutating func outlierTick(_ service: Int) {
        guard let interval = world.mesh?.hosts[service].outlierInterval else { return }
        for sidecar in mesh.sidecarsOfService[service] {
            mesh.outlierEvents.removeAll(keepingCapacity: true)
            mesh.sidecars[Int(sidecar)].detector.tick(now: now, events: &mesh.outlierEvents)
            for event in mesh.outlierEvents { outlierChanged(event, sidecar: Int(sidecar)) }
        }
        // Once clients have stopped and nothing is in flight, nobody is left to ask.
        if now < world.duration || calls.liveCount > 0 {
            queue.push(.outlierTick(service: Int32(service)), at: now.plusSaturating(interval))
        }
    }

    mutating func outlierChanged(_ event: OutlierEvent, sidecar: Int) {
        guard let model = world.mesh else { return }
        let state = (caller: Int(mesh.sidecars[sidecar].caller), cluster: Int(mesh.sidecars[sidecar].cluster))
        let callerName = model.callerNames[state.caller]
        let instances = model.clusters[state.cluster].instances
        switch event {
        case .ejected(let host, let rule, let count, let until):
            let server = instances.lowerBound + host
            guard let version = world.servers[server].version else { return }
            mesh.ejectedBy[server] += 1
            if mesh.ejectedBy[server] == 1 { mesh.ejectedInstances[version] += 1 }
            mesh.ejections[version] += 1
            let threshold = mesh.sidecars[sidecar].detector.config.threshold(rule)
            events.append(EventRecord(
                time: now, kind: "eject", target: world.servers[server].name,
                detail: "\(rule.rawValue)=\(threshold) caller=\(callerName) ejections=\(count) for=\(DurationText.format(until - now))"))
        case .unejected(let host):
            let server = instances.lowerBound + host
            guard let version = world.servers[server].version else { return }
            mesh.ejectedBy[server] -= 1
            if mesh.ejectedBy[server] == 0 { mesh.ejectedInstances[version] -= 1 }
            events.append(EventRecord(time: now, kind: "uneject", target: world.servers[server].name, detail: "caller=\(callerName)"))
        }
    }
}
