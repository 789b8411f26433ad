import Policy
import Scenario

/// Outlier detection in the run: each sidecar state's detector ticks on its cluster's
/// interval (the service's, or a subset's with its own `outlierDetection`), and every
/// ejection and un-ejection goes to events.csv with the caller and the rule, and into the
/// counts behind the `ejected` and `ejections` columns.
extension Simulation {
    /// The first tick of every detector is one interval after the start.
    mutating func startOutlierTimers() {
        guard let model = world.mesh else { return }
        for (timer, interval) in model.outlierIntervals.enumerated() {
            if let interval, interval <= world.duration {
                armOutlierTimer(timer, at: interval)
            }
        }
    }

    mutating func outlierTick(_ timer: Int) {
        mesh.outlierTimerArmed[timer] = false
        guard let interval = world.mesh?.outlierIntervals[timer] else { return }
        var ejected = false
        for sidecar in mesh.sidecarsOfTimer[timer] {
            mesh.outlierEvents.removeAll(keepingCapacity: true)
            mesh.sidecars[Int(sidecar)].tick(now: now, events: &mesh.outlierEvents)
            for event in mesh.outlierEvents { outlierChanged(event, sidecar: Int(sidecar)) }
            if mesh.sidecars[Int(sidecar)].detector.ejectedCount > 0 { ejected = true }
        }
        // After the clients stop, the timer only has hosts to bring back: with none ejected it
        // rests (a drain held by a hang would otherwise tick to the end of time), and an
        // ejection re-arms it.
        let next = now.plusSaturating(interval)
        if next <= world.duration || ejected { armOutlierTimer(timer, at: next) }
    }

    /// Arms an interval timer for `time` unless it is armed already.
    private mutating func armOutlierTimer(_ timer: Int, at time: Nanoseconds) {
        guard !mesh.outlierTimerArmed[timer] else { return }
        mesh.outlierTimerArmed[timer] = true
        queue.push(.outlierTick(timer: Int32(timer)), at: time)
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
            let timer = Int(model.clusters[state.cluster].timer)
            if timer >= 0, let interval = model.outlierIntervals[timer], interval > 0 {
                let (ticks, overflow) = (now / interval).addingReportingOverflow(1)
                let (time, tooFar) = ticks.multipliedReportingOverflow(by: interval)
                armOutlierTimer(timer, at: overflow || tooFar ? .max : time)
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
