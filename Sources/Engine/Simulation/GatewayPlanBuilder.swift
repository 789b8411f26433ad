import Policy
import Scenario

/// Compiles every (client, request template) into a `GatewayPlan`, then creates the
/// counters: one per plugin instance (global plugins share one across routes, as Kong keys
/// counters by the plugin's own route and service), times the replicas under
/// `policy: local` and for token buckets.
struct GatewayPlanBuilder {
    /// A rate-limiting plugin instance: its config, first counter slot and the identities
    /// interned so far.
    private struct Limiter {
        var config: RateLimitingConfig
        var slot: Int
        var identities: [String: Int] = [:]
    }

    let scenario: Scenario
    let replicas: Int
    /// Keyed by the plugin instance ("global:LOCATION" or "route:ROUTE:LOCATION"), in the
    /// order they were first met, so slots are numbered deterministically.
    private var limiters: [String: Limiter] = [:]
    private var limiterOrder: [String] = []
    private var nextLimiterSlot = 0
    private var buckets: [String: (config: LocalRateLimitConfig, slot: Int)] = [:]
    private var bucketOrder: [String] = []

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
                if limiters[key] == nil {
                    limiters[key] = Limiter(config: config, slot: nextLimiterSlot)
                    limiterOrder.append(key)
                    nextLimiterSlot += perReplica ? max(replicas, 1) : 1
                }
                var entry = limiters[key] ?? Limiter(config: config, slot: 0)
                let identities = (0..<client.addresses).map { address -> Int in
                    let name = RateLimitIdentifier.name(
                        config, address: RateLimitIdentifier.address(client: client.name, index: address), path: template.path,
                        headers: template.headers, service: route.service, consumer: consumer, credential: credential)
                    if let known = entry.identities[name] { return known }
                    entry.identities[name] = entry.identities.count
                    return entry.identities.count - 1
                }
                limiters[key] = entry
                steps.append(.rateLimit(limiter: entry.slot, perReplica: perReplica, identities: identities))
            case .localRateLimit(let config):
                if buckets[key] == nil {
                    buckets[key] = (config, bucketOrder.count * max(replicas, 1))
                    bucketOrder.append(key)
                }
                steps.append(.tokenBucket(firstSlot: buckets[key]?.slot ?? 0))
            }
        }
        return steps
    }

    /// The counters as they stand at t = 0, sized once every identity is known.
    func counters() -> GatewayCounters {
        var counters = GatewayCounters()
        for key in limiterOrder {
            guard let limiter = limiters[key] else { continue }
            let copies = limiter.config.policy == .local ? max(replicas, 1) : 1
            counters.limiters += Array(repeating: RateLimitingPolicy(limiter.config, identities: max(limiter.identities.count, 1)), count: copies)
        }
        for key in bucketOrder {
            guard let bucket = buckets[key] else { continue }
            counters.buckets += Array(repeating: LocalRateLimitPolicy(bucket.config), count: max(replicas, 1))
        }
        return counters
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
