import Policy
import Scenario

/// Calls: one hop from a caller to the gateway or a service, across the attempts its
/// retry policy allows. Without a mesh the only hop-level policy is Kong's at the edge:
/// upstream retries on connect failures and timeouts, and the route timeout per attempt.
extension Simulation {
    /// With the mesh, the call's slot in `hops` starts afresh, so that no timer of the slot's
    /// previous call can match it. Inlined for the reason `Slab.insert` is.
    @inline(__always)
    mutating func openCall(_ call: CallRecord) -> Int32 {
        let index = calls.insert(call)
        checkInFlight()
        if world.mesh != nil {
            if Int(index) == hops.count { hops.append(MeshHop()) } else { hops[index] = MeshHop() }
        }
        return index
    }

    /// Sends the call's next attempt. `pickerServer` is the calling server (a gateway
    /// replica balances round-robin; an instance or a client picks at random), −1 for a client.
    mutating func dispatchAttempt(_ call: Int32, pickerServer: Int32) {
        if world.mesh != nil, case .service = calls[call].target {
            let caller = callerIndex(pickerServer: pickerServer, client: calls[call].attribution.client)
            guard world.security?.callerSidecar[Int(caller)] == false else {
                startHop(call, caller: caller)
                return
            }
            hops[call].direct = true
            hops[call].caller = caller
        }
        calls[call].token &+= 1
        calls[call].attemptStart = now
        let token = calls[call].token
        let server: Int
        switch calls[call].target {
        case .gateway:
            server = nextGatewayReplica
            nextGatewayReplica = (nextGatewayReplica + 1) % world.gatewayReplicas
        case .service(let service):
            server = kongPick(call, picker: pickerServer)
                ?? pickInstance(of: Int(service), picker: pickerServer, client: Int(calls[call].attribution.client))
        }
        calls[call].server = Int32(server)
        if server == Self.noHealthyTarget {
            queue.push(.attemptFailed(call: call, token: token, failure: .noHealthyUpstream), at: now)
            return
        }
        if calls[call].attemptTimeout > 0 {
            queue.push(.attemptTimeout(call: call, token: token), after: calls[call].attemptTimeout, from: now)
        }
        if world.locality != nil, server >= 0, case .service(let service) = calls[call].target {
            let caller = Int(callerIndex(pickerServer: pickerServer, client: calls[call].attribution.client))
            let crossing = crossZone(caller: caller, server: server, service: Int(service), counted: calls[call].attribution.counted)
            if crossing > 0 {
                queue.push(.meshStep(call: call, token: token, step: .arriveDirect), at: now.plusSaturating(crossing))
                return
            }
        }
        // No instance to pick (replicas 0): refused, as when every instance has crashed.
        if server < 0 || servers[server].crashed > 0 || isPartitioned(from: calls[call].callerService, toServer: server) {
            queue.push(.attemptFailed(call: call, token: token, failure: .connectFailure), at: now)
            return
        }
        if world.security != nil, case .service = calls[call].target, hops[call].direct {
            sendDirect(call, token: token, server: server)
            return
        }
        admit(call: call, token: token, at: server)
    }

    /// Without a mesh: a gateway replica goes round the instances with its own cursor, any
    /// other caller picks one at random. During a rollout the version is drawn by weight first.
    /// -1 when there is none to pick (0 replicas). Inlined into its one caller: every call
    /// without the mesh picks.
    @inline(__always)
    private mutating func pickInstance(of service: Int, picker: Int32, client: Int) -> Int {
        let caller = Int(callerIndex(pickerServer: picker, client: Int32(client)))
        var instances = world.services[service].instances
        if let version = rolloutVersion(of: service, caller: caller) { instances = world.versions[version].instances }
        guard !instances.isEmpty else { return -1 }
        if picker >= 0 && picker < world.gatewayReplicas {
            let replica = Int(picker)
            let slot = cursorSlots[service]
            let position = servers[replica].cursors[slot] % instances.count
            servers[replica].cursors[slot] = position + 1
            return instances.lowerBound + position
        }
        // One instance is no choice: no draw (an M/M/c service is one instance with c workers).
        guard instances.count > 1 else { return instances.lowerBound }
        return instances.lowerBound + egress[caller].nextInt(below: instances.count)
    }

    /// Whether a partition cuts the caller (a service, or -2 for the gateway) off from the
    /// server's service. Inlined: see `Simulation` on non-mutating helpers.
    @inline(__always)
    func isPartitioned(from callerService: Int32, toServer server: Int) -> Bool {
        guard !partitions.isEmpty, callerService >= -2, callerService != -1, let version = world.servers[server].version else { return false }
        let from = callerService == -2 ? 0 : Int(callerService) + 1
        return partitions.contains(from * world.services.count + world.versions[version].service)
    }

    /// The current attempt ended, from the caller's side: an answer, a failure, or its timeout.
    /// Stale attempts (the call moved on, or is gone) are ignored. Inlined into its three
    /// callers: every attempt ends here.
    @inline(__always)
    mutating func resolveAttempt(_ call: Int32, token: UInt32, outcome: Outcome, server: Int32) {
        guard calls[call].live, calls[call].token == token else { return }
        // Fields are read in place: a copy of the whole record cost more than the reads.
        if server >= 0, let version = world.servers[Int(server)].version {
            let latency = now - calls[call].attemptStart
            recordCanary(version: version, outcome: outcome, latency: latency)
            if calls[call].attribution.counted {
                recordAnswer(outcome, latency: latency, scope: scopes.versions + version)
            }
        } else if server < 0, calls[call].attribution.counted, case .service(let service) = calls[call].target {
            recordAnswer(outcome, latency: now - calls[call].attemptStart, scope: scopeWithoutInstance(Int(service)))
        }
        if world.mesh != nil, case .service = calls[call].target, !hops[call].direct {
            meshAttemptEnded(call, outcome: outcome)
            return
        }
        if !world.kongUpstreams.isEmpty, server >= 0 {
            kongAttemptEnded(call, outcome: outcome, server: server, picker: pickerServer(of: calls[call]))
        }
        let retriable = outcome.flag == .connectFailure || outcome.flag == .timeout
        if retriable && calls[call].retriesLeft > 0 {
            calls[call].retriesLeft -= 1
            let record = calls[call]
            recordRetry(of: record, server: server)
            dispatchAttempt(call, pickerServer: pickerServer(of: record))
            return
        }
        let waiter = calls[call].waiter
        calls.remove(call)
        deliver(outcome, to: waiter)
    }

    /// Where an attempt that reached no instance counts: the service's only version, else
    /// the service itself, as the mesh counts an answer of a whole-service cluster.
    private func scopeWithoutInstance(_ service: Int) -> Int {
        let versions = world.services[service].versions
        return versions.count == 1 ? scopes.versions + versions.lowerBound : scopes.services + service
    }

    func pickerServer(of call: CallRecord) -> Int32 {
        if case .job(let job, _) = call.waiter, jobs[job].live { return jobs[job].server }
        return -1
    }

    mutating func recordRetry(of call: CallRecord, server: Int32) {
        let attribution = call.attribution
        guard attribution.counted else { return }
        stats[scopes.clients + Int(attribution.client)].recordRetry()
        if attribution.route >= 0 { stats[scopes.routes + Int(attribution.route)].recordRetry() }
        if server >= 0, let version = world.servers[Int(server)].version {
            stats[scopes.versions + version].recordRetry()
        } else if case .service(let service) = call.target {
            stats[scopes.services + Int(service)].recordRetry()
        }
    }

    /// Inlined: it runs on every answer, and is mostly a switch.
    @inline(__always)
    mutating func deliver(_ outcome: Outcome, to waiter: Waiter) {
        switch waiter {
        case .request(let request, let token):
            if requests[request].live, requests[request].token == token { finishAttempt(request, outcome: outcome) }
        case .job(let job, let token):
            if jobs[job].live, jobs[job].token == token { childAnswered(job, outcome: outcome) }
        case .discard:
            break
        }
    }
}
