import Policy
import Scenario

/// Kong's active health checks: lua-resty-healthcheck runs one timer for the targets it
/// holds healthy (every `healthy.interval`) and one for those it holds unhealthy (every
/// `unhealthy.interval`), the first check one interval after start; 0 turns a timer off.
/// Each gateway replica probes with its own timers, as each Kong node does; a crashed replica
/// does not probe.
///
/// A probe's result comes from the instance when the timer fires: a crashed instance or one
/// partitioned from the gateway refuses (TCP failure); a hung one, or one whose drawn service
/// time (with latency faults) exceeds `active.timeout`, times out; else the status is drawn
/// from its error faults and its version's error rate, 200 otherwise.
extension Simulation {
    /// Timer `(upstream * replicas + replica) * 2 + (unhealthy ? 1 : 0)`.
    mutating func startKongProbes() {
        for (upstream, model) in world.kongUpstreams.enumerated() {
            for replica in 0..<world.gatewayReplicas {
                for unhealthy in [false, true] {
                    let interval = probeInterval(model, unhealthy: unhealthy)
                    guard interval > 0, interval <= world.duration else { continue }
                    let timer = (upstream * world.gatewayReplicas + replica) * 2 + (unhealthy ? 1 : 0)
                    queue.push(.kongProbe(timer: Int32(timer)), at: interval)
                }
            }
        }
    }

    /// Probes the targets in the timer's state, then re-arms it while clients still send.
    mutating func kongProbe(_ timer: Int) {
        let unhealthy = timer % 2 == 1
        let upstream = timer / 2 / world.gatewayReplicas
        let replica = timer / 2 % world.gatewayReplicas
        let model = world.kongUpstreams[upstream]
        let base = model.firstSlot + replica * model.targets.count
        let active = model.checks.active
        // A crashed Kong node probes nothing; its timers go on for when it is back.
        let probing = servers[replica].crashed == 0
        for target in 0..<model.targets.count where probing && kong.health[base + target].isUp != unhealthy {
            let server = model.targets.lowerBound + target
            let report = probe(server, replica: replica, timeout: active.timeout)
            if let transition = kong.health[base + target].record(report, healthy: active.healthy, unhealthy: active.unhealthy) {
                kongHealthChanged(transition, server: server, replica: replica, mode: "active")
            }
        }
        let next = now.plusSaturating(probeInterval(model, unhealthy: unhealthy))
        if next <= world.duration { queue.push(.kongProbe(timer: Int32(timer)), at: next) }
    }

    private func probeInterval(_ model: KongUpstreamModel, unhealthy: Bool) -> Nanoseconds {
        unhealthy ? model.checks.active.unhealthy.interval : model.checks.active.healthy.interval
    }

    private mutating func probe(_ server: Int, replica: Int, timeout: Nanoseconds) -> KongTargetHealth.Report {
        if servers[server].crashed > 0 || isPartitioned(from: -2, toServer: server) { return .tcpFailure }
        if servers[server].hung > 0 { return .timeout }
        var latency = serviceTime[server].sample(&kong.probeRNG[replica])
        for fault in servers[server].latencyFaults {
            latency = latency.plusSaturating(faultLatency[Int(fault)].sample(&kong.probeRNG[replica]))
        }
        if latency > timeout { return .timeout }
        for fault in servers[server].errorFaults {
            if case .errors(let rate, let status) = world.faults[Int(fault)].kind, kong.probeRNG[replica].nextUnit() < rate {
                return .httpStatus(status)
            }
        }
        if let version = world.servers[server].version, world.versions[version].errors > 0,
           kong.probeRNG[replica].nextUnit() < world.versions[version].errors {
            return .httpStatus(world.versions[version].errorStatus)
        }
        return .httpStatus(200)
    }
}
