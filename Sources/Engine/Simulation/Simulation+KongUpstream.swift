import Policy
import Scenario

/// Kong upstreams without the mesh: each gateway replica balances a service's calls with
/// its upstream's algorithm among the targets its own health checker has up, counts every
/// attempt's result (passive checks) and probes the targets on its timers (active checks).
///
/// Probes are judged from the instance's state when they are sent, take no worker and no
/// time, and are not requests: they appear in no count but `kong_unhealthy`/`kong_healthy`.
extension Simulation {
    /// Returned by `kongPick` when every target is down.
    static var noHealthyTarget: Int { -2 }

    /// The upstream the gateway's attempt of `call` goes through, nil when Kong's plain
    /// round-robin applies (no upstream, not the gateway, or a rollout's version pick).
    @inline(__always)
    func kongUpstream(of call: Int32, picker: Int32) -> Int? {
        guard !world.kongUpstreamOf.isEmpty, picker >= 0, picker < world.gatewayReplicas,
              calls[call].callerService == -2, case .service(let service) = calls[call].target,
              Int(service) != rolloutService else { return nil }
        let upstream = Int(world.kongUpstreamOf[Int(service)])
        return upstream >= 0 ? upstream : nil
    }

    /// The target server for the attempt, `noHealthyTarget` when none is up, nil when no
    /// upstream applies. A retry (the call has a previous server) is steered off that server by
    /// least-connections and latency, as their `failedAddresses`; consistent-hashing keeps the
    /// key's target while it is up.
    mutating func kongPick(_ call: Int32, picker: Int32) -> Int? {
        guard let upstream = kongUpstream(of: call, picker: picker) else { return nil }
        let model = world.kongUpstreams[upstream]
        let replica = Int(picker)
        let count = model.targets.count
        let base = model.firstSlot + replica * count
        let health = kong.health
        let isUp = { (target: Int) in health[base + target].isUp }
        let previous = Int(calls[call].server) - model.targets.lowerBound
        let avoid = previous >= 0 && previous < count ? previous : -1
        let picked: Int?
        switch model.algorithm {
        case .roundRobin:
            let cursor = upstream * world.gatewayReplicas + replica
            picked = KongBalancer.roundRobin(cursor: &kong.cursors[cursor], targets: count, isUp: isUp)
        case .leastConnections:
            let connections = kong.connections
            picked = KongBalancer.leastConnections(targets: count, avoid: avoid, connections: { Int(connections[base + $0]) }, isUp: isUp)
        case .latency:
            let (ewma, touched, now) = (kong.ewma, kong.touched, now)
            picked = KongBalancer.latency(
                targets: count, avoid: avoid,
                score: { KongBalancer.decayedEWMA(ewma[base + $0], touched: touched[base + $0], rtt: 0, now: now) }, isUp: isUp)
        case .consistentHashing:
            let attribution = calls[call].attribution
            let plan = world.clients[Int(attribution.client)].gatewayPlans[Int(attribution.template)]
            let hash: UInt64 = switch plan.kongHashes.isEmpty ? .value(0) : plan.kongHashes[upstream] {
            case .value(let value): value
            case .address: KongHashKey.address(client: attribution.client, address: attribution.address)
            }
            picked = model.ring?.target(for: hash, isUp: isUp)
        }
        guard let picked else { return Self.noHealthyTarget }
        kong.connections[base + picked] += 1
        return model.targets.lowerBound + picked
    }

    /// The attempt on `server` ended with `outcome`: its connection closes, latency's EWMA
    /// takes the response time, and the passive checker counts the result (a refused or reset
    /// connection as a TCP failure, a timeout or a 504 as a timeout, else the status).
    mutating func kongAttemptEnded(_ call: Int32, outcome: Outcome, server: Int32, picker: Int32) {
        guard let upstream = kongUpstream(of: call, picker: picker) else { return }
        let model = world.kongUpstreams[upstream]
        let target = Int(server) - model.targets.lowerBound
        guard target >= 0, target < model.targets.count else { return }
        let slot = model.firstSlot + Int(picker) * model.targets.count + target
        kong.connections[slot] -= 1
        if model.algorithm == .latency {
            let rtt = Double(now - calls[call].attemptStart) / 1e9
            kong.ewma[slot] = KongBalancer.decayedEWMA(kong.ewma[slot], touched: kong.touched[slot], rtt: rtt, now: now)
            kong.touched[slot] = now
        }
        guard model.passive else { return }
        // Kong's log phase reports an answered 504 as a timeout too (runloop/handler.lua).
        let report: KongTargetHealth.Report = switch outcome.flag {
        case .connectFailure, .connectionTermination: .tcpFailure
        case .timeout: .timeout
        default: outcome.status == 504 ? .timeout : .httpStatus(Int(outcome.status))
        }
        let passive = model.checks.passive
        if let transition = kong.health[slot].record(report, healthy: passive.healthy, unhealthy: passive.unhealthy) {
            kongHealthChanged(transition, server: Int(server), replica: Int(picker), mode: "passive")
        }
    }

    /// A crashed replica's attempts are gone with its jobs (their ends are never counted), so
    /// its connections close. Its checker's health states are kept.
    mutating func kongNodeCrashed(_ replica: Int) {
        for model in world.kongUpstreams {
            let base = model.firstSlot + replica * model.targets.count
            for target in 0..<model.targets.count { kong.connections[base + target] = 0 }
        }
    }

    /// Counts the change into `ejected`/`ejections` (a replica is a caller) and writes the event.
    mutating func kongHealthChanged(_ transition: KongTargetHealth.Transition, server: Int, replica: Int, mode: String) {
        guard let version = world.servers[server].version else { return }
        let caller = world.servers[replica].name
        switch transition {
        case .becameUnhealthy(let counter, let threshold):
            kong.downBy[server] += 1
            if kong.downBy[server] == 1 { mesh.ejectedInstances[version] += 1 }
            mesh.ejections[version] += 1
            events.append(EventRecord(
                time: now, kind: "kong_unhealthy", target: world.servers[server].name,
                detail: "\(mode) \(counter.rawValue)=\(threshold) caller=\(caller)"))
        case .becameHealthy(let counter, let threshold):
            kong.downBy[server] -= 1
            if kong.downBy[server] == 0 { mesh.ejectedInstances[version] -= 1 }
            events.append(EventRecord(
                time: now, kind: "kong_healthy", target: world.servers[server].name,
                detail: "\(mode) \(counter.rawValue)=\(threshold) caller=\(caller)"))
        }
    }
}
