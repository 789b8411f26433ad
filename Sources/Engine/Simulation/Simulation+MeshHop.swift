import Policy
import Scenario

/// Mesh hops: a call to a service passes the caller's sidecar (or the gateway replica, for
/// its upstreams), which matches the destination's VirtualService rule, injects its faults,
/// picks the destination by weight, mirrors, and bounds the whole hop by the route timeout.
/// The attempts within a hop are in `Simulation+MeshAttempt`.
extension Simulation {
    /// Callers are numbered clients first, then servers (see `World.callerName`).
    func callerIndex(pickerServer: Int32, client: Int32) -> Int32 {
        pickerServer >= 0 ? Int32(world.clients.count) + pickerServer : client
    }

    /// Starts a hop from the top: a new call, or a gateway call that Kong retries after its
    /// own timeout. Kong's per-attempt timeout covers the whole hop, retries included.
    /// `edgeRule` ≥ 0: a hop from an Istio gateway replica, on that rule of the gateway's
    /// VirtualService instead of the called service's own.
    mutating func startHop(_ call: Int32, caller: Int32, edgeRule: Int32 = -1) {
        guard let model = world.mesh, case .service(let service) = calls[call].target else { return }
        calls[call].token &+= 1
        var hop = MeshHop()
        // Tokens only grow within a slot, so a hop's timers can never match a later hop's.
        hop.serial = calls[call].token
        hop.caller = caller
        hops[call] = hop
        calls[call].attemptStart = now
        if recordsTelemetry { telemetry?.hopStarted(call, at: now) }
        if calls[call].callerService == -2, calls[call].attemptTimeout > 0 {
            queue.push(.hopTimeout(call: call, serial: hop.serial, kong: true), after: calls[call].attemptTimeout, from: now)
        }
        var host = Int(service)
        let rule: Int32
        if edgeRule >= 0, let edge = model.edge {
            (host, rule) = (edge, edgeRule)
        } else {
            guard let matched = meshRule(for: calls[call].attribution, service: host, model) else {
                endHopLocally(call, Outcome(status: 404, flag: .noRoute))
                return
            }
            rule = matched
        }
        hops[call].rule = rule
        hops[call].routeHost = Int32(host)
        let token = calls[call].token
        switch model.hosts[host].rules[Int(rule)].fault.decide(&egress[Int(caller)]) {
        case .none:
            routeHop(call, model)
        case .abort(let status):
            endHopLocally(call, Outcome(status: Int32(clamping: status), flag: .faultInjected))
        case .delay(let wait):
            hops[call].delayed = true
            queue.push(.meshStep(call: call, token: token, step: .route), at: now.plusSaturating(wait))
        case .delayThenAbort(let wait, let status):
            hops[call].delayed = true
            hops[call].abortStatus = Int32(clamping: status)
            queue.push(.meshStep(call: call, token: token, step: .route), at: now.plusSaturating(wait))
        }
    }

    /// After any fault delay: the weighted pick of a destination, the mirror, the route
    /// timeout, then the first attempt.
    mutating func routeHop(_ call: Int32, _ model: MeshModel) {
        let hop = hops[call]
        if hop.abortStatus != 0 {
            endHopLocally(call, Outcome(status: hop.abortStatus, flag: .faultInjected))
            return
        }
        // Read through `model` in place: binding a host or rule would copy its tables.
        let (host, rule, caller) = (Int(hop.routeHost), Int(hop.rule), Int(hop.caller))
        // A single destination takes everything without a draw, as the router would decide:
        // asking it reads its tables, a cache miss per hop in a large mesh.
        let single = model.hosts[host].rules[rule].destinations.count == 1
        guard let pick = single ? 0 : model.hosts[host].pickDestination(rule: rule, &egress[caller]),
              model.hosts[host].rules[rule].destinations.indices.contains(pick)
        else {
            endHopLocally(call, Outcome(status: 503, flag: .noHealthyUpstream))
            return
        }
        // The rollout owns its rule's destinations: stable and canary, by the current weight.
        let rolloutRule = host == rolloutService && world.rollout?.rule == rule
        // A subset no DestinationRule defines has no cluster: Envoy's router answers 503 NC at
        // once, before it mirrors anything.
        guard rolloutRule || model.hosts[host].rules[rule].destinations[pick] >= 0 else {
            endHopLocally(call, Outcome(status: 503, flag: .noClusterFound))
            return
        }
        let mirror = model.hosts[host].rules[rule].mirror
        if mirror >= 0, model.hosts[host].shouldMirror(rule: rule, &egress[caller]) {
            self.mirror(call, to: Int(mirror), timeout: model.hosts[host].rules[rule].retry.routeTimeout, model)
        }
        var cluster = Int(model.hosts[host].rules[rule].destinations[pick])
        if rolloutRule, let version = rolloutVersion(of: host, caller: caller) {
            cluster = model.hosts[host].firstCluster + 1 + version - world.services[host].versions.lowerBound
        }
        guard cluster >= 0 else {
            endHopLocally(call, Outcome(status: 503, flag: .noClusterFound))
            return
        }
        // From the gateway, the call is to whichever service the rule picked.
        if host == model.edge { calls[call].target = .service(Int32(model.clusters[cluster].service)) }
        hops[call].sidecar = sidecarState(caller: caller, cluster: cluster, model)
        hops[call].retriesLeft = Int32(clamping: model.hosts[host].rules[rule].retry.maxRetries)
        if let timeout = model.hosts[host].rules[rule].retry.routeTimeout {
            queue.push(.hopTimeout(call: call, serial: hop.serial, kong: false), after: timeout, from: now)
        }
        startMeshAttempt(call, model)
    }

    /// A copy of the request to the mirror cluster: one attempt, no retries, the mirroring
    /// rule's timeout, its answer dropped.
    private mutating func mirror(_ call: Int32, to cluster: Int, timeout: Nanoseconds?, _ model: MeshModel) {
        let original = calls[call]
        var copy = CallRecord()
        copy.waiter = .discard
        copy.target = .service(Int32(model.clusters[cluster].service))
        copy.callerService = original.callerService
        copy.attribution = original.attribution
        copy.attemptStart = now
        let caller = hops[call].caller
        let index = openCall(copy)
        hops[index].caller = caller
        hops[index].routeHost = hops[call].routeHost
        hops[index].mirror = true
        hops[index].sidecar = sidecarState(caller: Int(caller), cluster: cluster, model)
        hops[index].serial = calls[index].token
        if recordsTelemetry { telemetry?.hopStarted(index, at: now) }
        if let timeout {
            queue.push(.hopTimeout(call: index, serial: calls[index].token, kong: false), after: timeout, from: now)
        }
        startMeshAttempt(index, model)
    }

    /// The route timeout, or Kong's timeout around the hop, fired: what is in progress is
    /// cancelled, and Kong retries (a new hop) while it has retries left.
    mutating func hopTimedOut(_ call: Int32, serial: UInt32, kong: Bool) {
        guard calls[call].live, hops[call].serial == serial else { return }
        abandonAttempt(call)
        if kong, calls[call].retriesLeft > 0 {
            // Kong's retry is a new request from its side of the sidecar: this one ends here.
            if recordsTelemetry { reportSource(call, Outcome(status: 504, flag: .timeout)) }
            calls[call].retriesLeft -= 1
            recordRetry(of: calls[call], server: calls[call].server)
            startHop(call, caller: hops[call].caller)
            return
        }
        if kong, recordsTelemetry, case .job(let job, _) = calls[call].waiter { telemetry?.kongTimedOut(job) }
        finishHop(call, Outcome(status: 504, flag: .timeout))
    }

    /// Ends the hop with an answer the caller's sidecar made itself (no route, fault abort, no
    /// destination, overflow, no healthy upstream). It counts for the service like an attempt,
    /// unless it stands for an attempt already counted (`countsAsAttempt` false: a retry the
    /// breaker refused), and reaches the caller through an event.
    mutating func endHopLocally(_ call: Int32, _ outcome: Outcome, countsAsAttempt: Bool = true) {
        let record = calls[call]
        if countsAsAttempt, record.attribution.counted {
            var service: Int?
            var version: Int?
            if hops[call].sidecar >= 0, let model = world.mesh {
                let cluster = model.clusters[Int(mesh.sidecars[Int(hops[call].sidecar)].cluster)]
                service = cluster.service
                // A whole-service cluster of a single version is that version's.
                version = cluster.version ?? (world.services[cluster.service].versions.count == 1 ? world.services[cluster.service].versions.lowerBound : nil)
            } else if case .service(let target) = record.target {
                service = Int(target)
                if world.services[Int(target)].versions.count == 1 { version = world.services[Int(target)].versions.lowerBound }
            }
            let latency = now - record.attemptStart
            if let version {
                recordAnswer(outcome, latency: latency, scope: scopes.versions + version)
            } else if let service {
                recordAnswer(outcome, latency: latency, scope: scopes.services + service)
            }
        }
        hops[call].answer = outcome
        calls[call].token &+= 1
        queue.push(.meshStep(call: call, token: calls[call].token, step: .answer), at: now)
    }

    /// Hands the hop's answer to whoever waits for it. A request that a fault delayed and
    /// that has no other flag carries `DI`.
    mutating func finishHop(_ call: Int32, _ outcome: Outcome) {
        var outcome = outcome
        if hops[call].delayed, outcome.flag == .none { outcome.flag = .delayInjected }
        if recordsTelemetry { reportSource(call, outcome) }
        let waiter = calls[call].waiter
        calls.remove(call)
        deliver(outcome, to: waiter)
    }

    /// The index of the first rule of `service`'s VirtualService that matches the hop's
    /// request, nil when none does; cached per (template, path, service) for a host whose
    /// rule depends on the request.
    private mutating func meshRule(for attribution: Attribution, service: Int, _ model: MeshModel) -> Int32? {
        let fixed = model.hosts[service].fixedRule
        if fixed != MeshRuntime.unknownRule { return fixed >= 0 ? fixed : nil }
        let template = model.firstTemplate[Int(attribution.client)] + Int(attribution.template)
        let cell = (template * max(model.paths.count, 1) + Int(attribution.path)) * world.services.count + service
        if let rule = mesh.ruleCache[cell] { return rule >= 0 ? rule : nil }
        let shape = model.templates[template]
        let path = model.paths.indices.contains(Int(attribution.path)) ? model.paths[Int(attribution.path)] : shape.path
        let request = MeshRequest(method: shape.method, path: path, headers: shape.headers)
        let rule = model.hosts[service].match(request).map { Int32($0) }
        if mesh.ruleCache.count < MeshRuntime.maximumCacheCells { mesh.ruleCache[cell] = rule ?? -1 }
        return rule
    }

    /// The caller's sidecar state for a cluster, created on first use.
    private mutating func sidecarState(caller: Int, cluster: Int, _ model: MeshModel) -> Int32 {
        if let state = mesh.sidecar(caller: caller, cluster: cluster) { return state }
        let destination = model.clusters[cluster]
        let policy = model.clusterPolicies[cluster]
        let hosts = destination.instances.count
        var ring: RingHash?
        if case .consistentHashHeader? = policy?.loadBalancer {
            ring = mesh.rings[hosts] ?? RingHash(hosts: hosts)
            mesh.rings[hosts] = ring
        }
        let state = SidecarCluster(
            caller: Int32(caller), cluster: Int32(cluster), hosts: hosts, policy: policy, ring: ring,
            localityLevels: localityLevels(caller: caller, cluster: cluster, model), rng: &egress[caller])
        let index = Int32(mesh.sidecars.count)
        mesh.sidecars.append(state)
        mesh.addSidecar(index, caller: caller, cluster: cluster)
        if destination.timer >= 0 { mesh.sidecarsOfTimer[Int(destination.timer)].append(index) }
        return index
    }
}
