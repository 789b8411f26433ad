import Policy
import Scenario

/// Attempts within a mesh hop: the circuit breaker admits, queues or overflows; the load
/// balancer picks a host the outlier detector has not ejected (avoiding hosts already tried);
/// the request crosses both sidecars; the answer feeds the outlier detector and the retry
/// policy, which may retry after a back-off within the breaker's `maxRetries`.
///
/// The mesh model is passed down the handlers rather than bound from `world.mesh` in each:
/// every binding retained and released it (a parameter is borrowed), about 6% of a mesh run.
extension Simulation {
    mutating func startMeshAttempt(_ call: Int32, _ model: MeshModel) {
        calls[call].token &+= 1
        let sidecar = Int(hops[call].sidecar)
        switch mesh.sidecars[sidecar].breaker.admit() {
        case .send:
            sendMeshAttempt(call, model)
        case .queue:
            hops[call].phase = .pending
            calls[call].attemptStart = now
            mesh.sidecars[sidecar].waiting.push((call, calls[call].token))
        case .overflow:
            releaseAdmittedRetry(call)
            endHopLocally(call, Outcome(status: 503, flag: .overflow))
        }
    }

    /// Holds a connection: picks the host and sends the request across the sidecars.
    private mutating func sendMeshAttempt(_ call: Int32, _ model: MeshModel) {
        let sidecar = Int(hops[call].sidecar)
        let caller = Int(hops[call].caller)
        guard let host = pickHost(for: call, sidecar: sidecar, model) else {
            hops[call].phase = .routing
            releaseAdmittedRetry(call)
            releaseConnection(sidecar)
            endHopLocally(call, Outcome(status: 503, flag: .noHealthyUpstream))
            return
        }
        let server = model.clusters[Int(mesh.sidecars[sidecar].cluster)].instances.lowerBound + host
        hops[call].phase = .inFlight
        hops[call].host = Int32(host)
        hops[call].tried.append(host)
        mesh.sidecars[sidecar].active[host] += 1
        calls[call].server = Int32(server)
        calls[call].attemptStart = now
        let token = calls[call].token
        if !hops[call].mirror, let perTry = model.hosts[Int(hops[call].routeHost)].rules[Int(hops[call].rule)].retry.perTryTimeout {
            queue.push(.attemptTimeout(call: call, token: token), after: perTry, from: now)
        }
        let fromEdge = hops[call].routeHost == model.edgeHost
        let latency: Nanoseconds
        if world.security == nil {
            latency = fromEdge ? model.edgeDelay(&egress[caller]) : model.sidecarDelay(&egress[caller])
            mesh.sidecarPasses += fromEdge ? 1 : 2
        } else {
            latency = securedMeshDelay(server: server, caller: caller, fromEdge: fromEdge)
        }
        if calls[call].attribution.counted { mesh.addedLatency = mesh.addedLatency.plusSaturating(latency) }
        let crossing = world.locality == nil ? 0
            : crossZone(caller: caller, server: server, service: model.clusters[Int(mesh.sidecars[sidecar].cluster)].service, counted: calls[call].attribution.counted)
        // The timer lane holds one fixed delay: the edge's, a secured hop's and a zone crossing's differ.
        if crossing > 0 {
            queue.push(.meshStep(call: call, token: token, step: .arrive), at: now.plusSaturating(latency).plusSaturating(crossing))
        } else if latency > 0, !fromEdge, model.fixedSidecarDelay != nil, world.security == nil {
            queue.push(.meshStep(call: call, token: token, step: .arrive), after: latency, from: now)
        } else if latency > 0 {
            queue.push(.meshStep(call: call, token: token, step: .arrive), at: now.plusSaturating(latency))
        } else {
            arrive(call)
        }
    }

    /// The request reaches the host: a crashed host or a partition refuses the connection;
    /// the host's sidecar may answer 401 or 403 itself (see `inboundRejection`).
    mutating func arrive(_ call: Int32) {
        let server = Int(calls[call].server)
        let token = calls[call].token
        if servers[server].crashed > 0 || isPartitioned(from: calls[call].callerService, toServer: server) {
            queue.push(.attemptFailed(call: call, token: token, failure: .connectFailure), at: now)
            return
        }
        if recordsTelemetry { telemetry?.arrived(call, at: now) }
        if world.security != nil, let rejection = inboundRejection(call, server: server) {
            queue.push(.attemptFailed(call: call, token: token, failure: rejection), at: now)
            return
        }
        admit(call: call, token: token, at: server)
    }

    /// The attempt in flight ended with `outcome` (an answer, a failure, or its per-try
    /// timeout): the outlier detector hears of it, then the retry policy decides.
    ///
    /// The model is read through `world.mesh` where needed, not bound: a binding is retained
    /// across the mutating calls here, on every answer of the mesh.
    mutating func meshAttemptEnded(_ call: Int32, outcome: Outcome) {
        guard hops[call].phase == .inFlight, world.mesh != nil, case .service = calls[call].target else { return }
        if recordsTelemetry { reportDestination(call, outcome) }
        endAttempt(call, status: Self.outlierStatus(outcome))
        let hop = hops[call]
        if hop.mirror {
            finishHop(call, outcome)
            return
        }
        let (host, rule) = (Int(hop.routeHost), Int(hop.rule))
        // An upstream's full queue is a 503 answer to this router, not its own overflow.
        let answer = outcome.flag == .overflow ? Outcome(status: 503, flag: .none) : outcome
        guard world.mesh?.hosts[host].rules[rule].retry.isRetriable(answer) == true else {
            finishHop(call, outcome)
            return
        }
        guard hop.retriesLeft > 0 else {
            finishHop(call, Outcome(status: outcome.status, flag: .retriesExhausted))
            return
        }
        // Envoy stops retrying once the downstream has gone (a client timeout, a reset caller).
        guard isWaiting(calls[call].waiter) else {
            finishHop(call, outcome)
            return
        }
        let sidecar = Int(hop.sidecar)
        guard mesh.sidecars[sidecar].breaker.admitRetry() else {
            endHopLocally(call, Outcome(status: outcome.status, flag: .overflow), countsAsAttempt: false)
            return
        }
        hops[call].retryAdmitted = true
        hops[call].retriesLeft -= 1
        hops[call].retriesMade += 1
        recordRetry(of: calls[call], server: calls[call].server)
        let wait = world.mesh?.hosts[host].rules[rule].retry.backoff(retry: Int(hops[call].retriesMade), &egress[Int(hop.caller)]) ?? 0
        calls[call].token &+= 1
        queue.push(.meshStep(call: call, token: calls[call].token, step: .attempt), at: now.plusSaturating(wait))
    }

    /// Cancels whatever the hop has under way (the route timeout or Kong's fired): a pending
    /// request leaves the breaker's queue; an attempt in flight counts as a 504 for the
    /// service and for outlier detection, as Envoy reports a timed-out request to the detector.
    mutating func abandonAttempt(_ call: Int32) {
        let hop = hops[call]
        switch hop.phase {
        case .routing:
            releaseAdmittedRetry(call)
        case .pending:
            mesh.sidecars[Int(hop.sidecar)].breaker.cancelPending()
            hops[call].phase = .routing
            releaseAdmittedRetry(call)
        case .inFlight:
            let record = calls[call]
            let timeout = Outcome(status: 504, flag: .timeout)
            if let version = world.servers[Int(record.server)].version {
                let latency = now - record.attemptStart
                recordCanary(version: version, outcome: timeout, latency: latency)
                if record.attribution.counted {
                    recordAnswer(timeout, latency: latency, scope: scopes.versions + version)
                }
            }
            if recordsTelemetry { reportDestination(call, timeout) }
            endAttempt(call, status: 504)
        }
        calls[call].token &+= 1
    }

    /// The attempt gives back its connection and retry budget; the detector records its status.
    private mutating func endAttempt(_ call: Int32, status: Int) {
        let sidecar = Int(hops[call].sidecar)
        let host = Int(hops[call].host)
        hops[call].phase = .routing
        mesh.sidecars[sidecar].active[host] -= 1
        releaseAdmittedRetry(call)
        if let event = mesh.sidecars[sidecar].record(host: host, status: status, now: now) {
            outlierChanged(event, sidecar: sidecar)
        }
        releaseConnection(sidecar)
    }

    private mutating func releaseAdmittedRetry(_ call: Int32) {
        guard hops[call].retryAdmitted else { return }
        hops[call].retryAdmitted = false
        mesh.sidecars[Int(hops[call].sidecar)].breaker.releaseRetry()
    }

    /// A connection freed: the breaker hands it to the oldest request still pending.
    private mutating func releaseConnection(_ sidecar: Int) {
        guard mesh.sidecars[sidecar].breaker.release() else { return }
        while let next = mesh.sidecars[sidecar].waiting.pop() {
            if calls[next.call].live, calls[next.call].token == next.token, hops[next.call].phase == .pending, let model = world.mesh {
                sendMeshAttempt(next.call, model)
                return
            }
        }
    }

    /// Envoy reports a connect failure or a reset to the outlier detector as 503 and a
    /// timeout as 504.
    private static func outlierStatus(_ outcome: Outcome) -> Int {
        switch outcome.flag {
        case .connectFailure, .connectionTermination: return 503
        case .timeout: return 504
        default: return Int(outcome.status)
        }
    }

    /// Inlined: see `Simulation` on non-mutating helpers.
    @inline(__always)
    private func isWaiting(_ waiter: Waiter) -> Bool {
        switch waiter {
        case .request(let request, let token): return requests[request].live && requests[request].token == token
        case .job(let job, let token): return jobs[job].live && jobs[job].token == token
        case .discard: return true
        }
    }

    /// The host for the call's next attempt, nil when none is eligible.
    private mutating func pickHost(for call: Int32, sidecar: Int, _ model: MeshModel) -> Int? {
        var hashKey: String?
        if let header = mesh.sidecars[sidecar].balancer.hashHeader {
            let attribution = calls[call].attribution
            let shape = model.templates[model.firstTemplate[Int(attribution.client)] + Int(attribution.template)]
            hashKey = shape.headers.first { $0.name.lowercased() == header.lowercased() }?.value
        }
        return mesh.sidecars[sidecar].pickHost(tried: hops[call].tried, hashKey: hashKey, &egress[Int(hops[call].caller)])
    }
}
