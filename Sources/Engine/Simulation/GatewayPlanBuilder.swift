import Policy
import Scenario

/// Compiles every (client, request template) into a `GatewayPlan`, and creates the
/// rate-limit counters: one per plugin instance (global plugins share one across routes,
/// as Kong keys counters by the plugin's own route and service), times the replicas
/// under `policy: local`.
struct GatewayPlanBuilder {
    let scenario: Scenario
    let replicas: Int
    private(set) var counters = GatewayCounters()
    /// Counter slot of each plugin instance, keyed by "global:INDEX" or "route:ROUTE:INDEX".
    private var limiterSlots: [String: (slot: Int, identities: [String: Int])] = [:]
    private var bucketSlots: [String: Int] = [:]

    init(scenario: Scenario) {
        self.scenario = scenario
        replicas = scenario.gateway?.replicas ?? 0
    }

    mutating func plans(for client: Client, routes: [Int?]) -> [GatewayPlan] {
        zip(client.requests, routes).map { template, route in
            GatewayPlan(route: route, steps: route.map { steps(client, template, routeIndex: $0) } ?? [])
        }
    }

    private mutating func steps(_ client: Client, _ template: RequestTemplate, routeIndex: Int) -> [GatewayPlan.Step] {
        guard let gateway = scenario.gateway else { return [] }
        let route = gateway.routes[routeIndex]
        var steps: [GatewayPlan.Step] = []
        var consumer: String?
        var credential: String?
        for plugin in PluginChain.effective(global: gateway.plugins, route: route.plugins) {
            let key = instanceKey(plugin, gateway: gateway, route: route)
            switch plugin.config {
            case .keyAuth(let config):
                let policy = KeyAuthPolicy(config)
                let headerName = config.keyNames.first ?? "apikey"
                var good: AuthVerdict = policy.authenticate(headers: template.headers)
                var bad = good
                if case .apiKey(let apiKey) = client.credential {
                    good = policy.authenticate(headers: template.headers + [Header(name: headerName, value: apiKey)])
                    bad = policy.authenticate(headers: template.headers + [Header(name: headerName, value: "wrong-\(apiKey)")])
                }
                if case .authenticated(let name, let id) = good {
                    consumer = name
                    credential = id
                }
                steps.append(.fixed(good: Self.outcome(good), bad: Self.outcome(bad)))
            case .jwt(let config):
                let policy = JWTPolicy(config)
                guard case .jwt(let issuer, let expiresIn, let notBefore) = client.credential else {
                    let verdict = Self.outcome(policy.authenticate(nil, now: 0))
                    steps.append(.fixed(good: verdict, bad: verdict))
                    continue
                }
                let forged = JWTToken(issuer: issuer, expiresAt: nil, notBefore: nil, signatureValid: false)
                let bad = Self.outcome(policy.authenticate(forged, now: 0)) ?? Outcome(status: 401, flag: .unauthorized)
                guard let name = policy.consumer(forIssuer: issuer) else {
                    steps.append(.fixed(good: bad, bad: bad))
                    continue
                }
                consumer = name
                credential = issuer
                steps.append(.jwtClaims(policy, expiresIn: expiresIn, notBefore: notBefore, bad: bad))
            case .rateLimiting(let config):
                let perReplica = config.policy == .local
                var entry = limiterSlots[key] ?? (slot: counters.limiters.count, identities: [:])
                let identities = (0..<client.addresses).map { address -> Int in
                    let name = RateLimitIdentifier.name(
                        config, address: RateLimitIdentifier.address(client: client.name, index: address), path: template.path,
                        headers: template.headers, service: route.service, consumer: consumer, credential: credential)
                    if let known = entry.identities[name] { return known }
                    entry.identities[name] = entry.identities.count
                    return entry.identities.count - 1
                }
                if limiterSlots[key] == nil {
                    let copies = perReplica ? max(replicas, 1) : 1
                    counters.limiters += Array(repeating: RateLimitingPolicy(config, identities: 0), count: copies)
                }
                limiterSlots[key] = entry
                steps.append(.rateLimit(limiter: entry.slot, perReplica: perReplica, identities: identities))
            case .localRateLimit(let config):
                let slot = bucketSlots[key] ?? counters.buckets.count
                if bucketSlots[key] == nil {
                    counters.buckets += Array(repeating: LocalRateLimitPolicy(config), count: max(replicas, 1))
                    bucketSlots[key] = slot
                }
                steps.append(.tokenBucket(firstSlot: slot))
            }
        }
        return steps
    }

    /// Sizes the counters once every identity is known.
    mutating func finish() {
        for (_, entry) in limiterSlots {
            let config = counters.limiters[entry.slot].config
            let copies = config.policy == .local ? max(replicas, 1) : 1
            for copy in 0..<copies {
                counters.limiters[entry.slot + copy] = RateLimitingPolicy(config, identities: max(entry.identities.count, 1))
            }
        }
    }

    private func instanceKey(_ plugin: Plugin, gateway: Gateway, route: GatewayRoute) -> String {
        if route.plugins.contains(where: { $0.location == plugin.location }) {
            return "route:\(route.name):\(plugin.location)"
        }
        return "global:\(plugin.location)"
    }

    static func outcome(_ verdict: AuthVerdict) -> Outcome? {
        if case .rejected(let status, _) = verdict { return Outcome(status: Int32(status), flag: .unauthorized) }
        return nil
    }
}
