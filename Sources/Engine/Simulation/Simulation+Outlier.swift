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
            if let interval = host.outlierInterval, interval <= world.duration {
                armOutlierTimer(service, at: interval)
            }
        }
    }

    mutating func outlierTick(_ service: Int) {
        mesh.outlierTimerArmed[service] = false
        guard let interval = world.mesh?.hosts[service].outlierInterval else { return }
        var ejected = false
        for sidecar in mesh.sidecarsOfService[service] {
            mesh.outlierEvents.removeAll(keepingCapacity: true)
            mesh.sidecars[Int(sidecar)].detector.tick(now: now, events: &mesh.outlierEvents)
            for event in mesh.outlierEvents { outlierChanged(event, sidecar: Int(sidecar)) }
            if mesh.sidecars[Int(sidecar)].detector.ejectedCount > 0 { ejected = true }
        }
        // After the clients stop, the timer only has hosts to bring back: with none ejected it
        // rests (a drain held by a hang would otherwise tick to the end of time), and an
        // ejection re-arms it.
        let next = now.plusSaturating(interval)
        if next <= world.duration || ejected { armOutlierTimer(service, at: next) }
    }

    /// Arms the service's interval timer for `time` unless it is armed already.
    private mutating func armOutlierTimer(_ service: Int, at time: Nanoseconds) {
        guard !mesh.outlierTimerArmed[service] else { return }
        mesh.outlierTimerArmed[service] = true
        queue.push(.outlierTick(service: Int32(service)), at: time)
    }

    mutating func outlierChanged(_ event: OutlierEvent, sidecar: Int) {
        guard let model = world.mesh else { return }
        let state = (caller: Int(mesh.sidecars[sidecar].caller), cluster: Int(mesh.sidecars[sidecar].cluster))
        let callerName = world.callerName(state.caller)
        let instances = model.clusters[state.cluster].instances
        switch event {
        case .ejected(let host, let rule, let count, let until):
            let server = instances.lowerBound + host
            guard let version = world.servers[server].version else { return }
            mesh.ejectedBy[server] += 1
            if mesh.ejectedBy[server] == 1 { mesh.ejectedInstances[version] += 1 }
            mesh.ejections[version] += 1
            // The timer ticks on multiples of the interval from t = 0.
            let service = model.clusters[state.cluster].service
            if let interval = model.hosts[service].outlierInterval, interval > 0 {
                let (ticks, overflow) = (now / interval).addingReportingOverflow(1)
                let (time, tooFar) = ticks.multipliedReportingOverflow(by: interval)
                armOutlierTimer(service, at: overflow || tooFar ? .max : time)
            }
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
