import Policy
import Scenario

/// The gateway replica's work on a request after its own processing: the route, then the
/// route's plugins in Kong's order, then the route's backend, then the call upstream with
/// Kong's retries and timeout.
extension Simulation {
    mutating func routeAtGateway(_ job: Int32) {
        if recordsTelemetry { telemetry?.gatewayRouting(job) }
        let record = jobs[job]
        let plan = world.clients[Int(record.attribution.client)].gatewayPlans[Int(record.attribution.template)]
        if let routeIndex = plan.route { jobs[job].attribution.route = Int32(routeIndex) }
        // Istio's ingress gateway runs its jwt_authn and RBAC filters before its local rate
        // limit and router (Istio inserts them first; the rate limit goes before the router):
        // a 401/403 counts on the matched route, as a 429 does, and comes before a 404.
        if let rejection = gatewayRejection(job) {
            answer(job, outcome: rejection.outcome)
            return
        }
        guard plan.route != nil else {
            // Kong answers before its plugins; Envoy's filters (the steps of an Istio gateway
            // plan) run before its router finds no route.
            if case .answer(let outcome) = applyPlugins(plan.steps, to: job) {
                answer(job, outcome: outcome)
                return
            }
            answer(job, outcome: Outcome(status: 404, flag: .noRoute))
            return
        }
        proceedAtGateway(job)
    }

    /// The route's plugins from the job's next step (a transformer's work pauses them), then
    /// the route's backend and the call upstream.
    mutating func proceedAtGateway(_ job: Int32) {
        let record = jobs[job]
        let routeIndex = Int(record.attribution.route)
        let plan = world.clients[Int(record.attribution.client)].gatewayPlans[Int(record.attribution.template)]
        switch applyPlugins(plan.steps, to: job) {
        case .answer(let outcome):
            answer(job, outcome: outcome)
            return
        case .paused:
            return
        case .passed:
            break
        }
        if let model = world.mesh, model.edge != nil {
            callFromIstioGateway(job, rule: routeIndex, model)
            return
        }
        if composes(job) {
            startComposition(job)
            return
        }
        let route = world.routes[routeIndex]
        // Kong's plugins run before its balancer, so a split with nothing to send to still
        // authenticates and counts the request first.
        guard let backend = route.split.pick(&routeRNG[routeIndex]) else {
            answer(job, outcome: Outcome(status: 500, flag: .none))
            return
        }
        jobs[job].phase = .calling
        jobs[job].pending = 1
        var call = CallRecord()
        call.waiter = .job(job, token: record.token)
        // Picked once per request: Kong's retries below re-balance among this backend's
        // instances and never re-pick the backend (docs/model.md says how Kong differs).
        call.target = .service(Int32(route.backends[backend]))
        call.callerService = -2
        call.attribution = record.attribution
        call.attribution.route = Int32(routeIndex)
        call.retriesLeft = Int32(clamping: route.retries)
        call.attemptTimeout = route.timeout
        if recordsTelemetry { telemetry?.upstreamStarted(job, at: now) }
        dispatchAttempt(openCall(call), pickerServer: record.server)
    }

    /// Runs the plugins in order from the job's next step; the first that answers ends the
    /// request (auth runs first, so a rejected request is never counted by a rate limiter).
    private mutating func applyPlugins(_ steps: [GatewayPlan.Step], to index: Int32) -> PluginResult {
        let job = jobs[index]
        let replica = Int(job.server)
        var next = Int(job.pluginStep)
        while next < steps.count {
            let step = steps[next]
            next += 1
            switch step {
            case .fixed(let good, let bad):
                if let rejection = job.attribution.badCredential ? bad : good { return .answer(rejection) }
            case .jwtClaims(let policy, let expiresIn, let notBefore, let bad):
                if job.attribution.badCredential { return .answer(bad) }
                // Claims are minted relative to the send time, which is when the job arrived.
                let expiresAt = expiresIn.map { Self.floorSeconds(job.arrival + $0) }
                let notBeforeAt = notBefore.map { Self.floorSeconds(job.arrival + $0) }
                if let verdict = policy.checkClaims(expiresAt: expiresAt, notBefore: notBeforeAt, now: now),
                   let rejection = GatewayPlanBuilder.outcome(verdict) {
                    return .answer(rejection)
                }
            case .rateLimit(let limiter, let perReplica, let identity):
                let slot = perReplica ? limiter + replica : limiter
                let identity = switch identity {
                case .shared(let identity): identity
                case .perAddress(let table): addressIdentities.identity(table: table, address: Int(job.attribution.address), limiters: &limiters)
                }
                if !limiters[slot].check(identity: identity, now: now).allowed {
                    return .answer(Outcome(status: 429, flag: .rateLimited))
                }
            case .tokenBucket(let firstSlot):
                if !buckets[firstSlot + replica].take(now: now) {
                    return .answer(Outcome(status: 429, flag: .rateLimited))
                }
            case .proxyCache(let lookup):
                if let hit = lookUpCache(lookup, job: index, replica: replica) { return .answer(hit) }
            case .requestWork:
                if pauseForRequestWork(index, resumingAt: next) { return .paused }
            }
        }
        return .passed
    }

    private static func floorSeconds(_ time: Nanoseconds) -> Int64 {
        time >= 0 ? time / 1_000_000_000 : -((-time + 999_999_999) / 1_000_000_000)
    }
}
