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
    /// `gateway.consumers`' groups by username, for acl.
    private let consumerGroups: [String: [String]]
    /// In the order they were first met, so slots are numbered deterministically; found by the
    /// plugin instance ("global:LOCATION" or "route:ROUTE:LOCATION"). An array, so that a
    /// template's identity is added in place: a limiter copied out of a dictionary and back
    /// copied its whole identity table per template.
    private var limiters: [Limiter] = []
    private var limiterIndex: [String: Int] = [:]
    /// Per-address identity tables, by instance key, then client name.
    private var addressTables: [String: [String: Int]] = [:]
    private var tableList: [GatewayCounters.AddressTable] = []
    private var nextLimiterSlot = 0
    private var buckets: [String: (config: LocalRateLimitConfig, slot: Int)] = [:]
    private var bucketOrder: [String] = []
    /// Kong's cache keys met so far (without the request's key number), by text.
    var cacheKeys: [String: Int] = [:]

    init(scenario: Scenario) {
        self.scenario = scenario
        replicas = scenario.gateway?.replicas ?? 0
        consumerGroups = Dictionary((scenario.gateway?.consumers ?? []).map { ($0.username, $0.groups) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func plans(for client: Client, routes: [Int?]) -> [GatewayPlan] {
        if let gateway = scenario.gateway, gateway.kind == .istio {
            return routes.map { GatewayPlan(route: $0, steps: envoySteps(gateway)) }
        }
        return zip(client.requests, routes).map { template, route in
            let chain = route.map { steps(client, template, routeIndex: $0) }
            var plan = GatewayPlan(route: route, steps: chain?.steps ?? [])
            if let upstreams = scenario.gateway?.upstreams, !scenario.mesh.enabled,
               upstreams.contains(where: { $0.algorithm == .consistentHashing }) {
                plan.kongHashes = upstreams.map { KongHashKey.resolve($0, headers: template.headers, consumer: chain?.consumer) }
            }
            return plan
        }
    }

    /// The route's plugin steps, and the consumer its auth plugin identifies (Kong's hash_on consumer).
    private mutating func steps(_ client: Client, _ template: RequestTemplate, routeIndex: Int) -> (steps: [GatewayPlan.Step], consumer: String?) {
        guard let gateway = scenario.gateway else { return ([], nil) }
        let route = gateway.routes[routeIndex]
        var steps: [GatewayPlan.Step] = []
        var consumer: String?
        var credential: String?
        // The request's headers as the plugins after a request-transformer read them.
        var requestHeaders = template.headers
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
                let instance: Int
                if let known = limiterIndex[key] {
                    instance = known
                } else {
                    instance = limiters.count
                    limiterIndex[key] = instance
                    limiters.append(Limiter(config: config, slot: nextLimiterSlot))
                    nextLimiterSlot += perReplica ? max(replicas, 1) : 1
                }
                let entry = (slot: limiters[instance].slot, instance: instance)
                let name = { (address: Int) in
                    RateLimitIdentifier.name(
                        config, address: RateLimitIdentifier.address(client: client.name, index: address), path: template.path,
                        headers: template.headers, service: route.kongService, consumer: consumer, credential: credential)
                }
                let identity: AddressIdentity
                // Only an address-based name differs between two addresses of one client.
                if client.addresses > 1, name(0) != name(1) {
                    identity = .perAddress(table: addressTable(key, client: client.name, limiter: entry, perReplica: perReplica))
                } else {
                    let shared = name(0)
                    if let known = limiters[instance].identities[shared] {
                        identity = .shared(known)
                    } else {
                        identity = .shared(limiters[instance].identities.count)
                        limiters[instance].identities[shared] = limiters[instance].identities.count
                    }
                }
                steps.append(.rateLimit(limiter: entry.slot, perReplica: perReplica, identity: identity))
            case .localRateLimit(let config):
                steps.append(tokenBucket(key, config))
            case .proxyCache(let config):
                // vary_headers reads the request as the transformers before it left it.
                var shaped = template
                shaped.headers = requestHeaders
                if let lookup = cacheLookup(config, shaped, route: route, consumer: consumer) { steps.append(.proxyCache(lookup)) }
            case .acl(let config):
                let groups = consumer.flatMap { consumerGroups[$0] } ?? []
                // Reached only by requests that passed authentication, so one answer serves both.
                if case .rejected(let status, _) = ACLPolicy(config).decide(consumer: consumer, groups: groups) {
                    let outcome = Outcome(status: Int32(status), flag: .unauthorized)
                    steps.append(.fixed(good: outcome, bad: outcome))
                }
            case .requestTermination(let config):
                let policy = RequestTerminationPolicy(config)
                if policy.terminates(path: template.path, headers: requestHeaders) {
                    let outcome = Outcome(status: Int32(policy.status), flag: .none)
                    steps.append(.fixed(good: outcome, bad: outcome))
                }
            case .requestTransformer(let config):
                requestHeaders = HeaderTransformPolicy(config).apply(to: requestHeaders)
                if !Sampler(config.latency).isZero { steps.append(.requestWork) }
            case .responseTransformer:
                break
            }
        }
        return (steps, consumer)
    }

    /// Istio's ingress gateway runs Envoy's local rate limit only (validation warns about the
    /// rest), for every request, matched or not: its filter runs before the router.
    private mutating func envoySteps(_ gateway: Gateway) -> [GatewayPlan.Step] {
        gateway.plugins.compactMap { plugin in
            guard case .localRateLimit(let config) = plugin.config else { return nil }
            return tokenBucket("global:\(plugin.location)", config)
        }
    }

    /// One token bucket per replica for the plugin instance `key`.
    private mutating func tokenBucket(_ key: String, _ config: LocalRateLimitConfig) -> GatewayPlan.Step {
        if buckets[key] == nil {
            buckets[key] = (config, bucketOrder.count * max(replicas, 1))
            bucketOrder.append(key)
        }
        return .tokenBucket(firstSlot: buckets[key]?.slot ?? 0)
    }

    /// The table of `client`'s addresses under the instance `key`, shared by its templates.
    private mutating func addressTable(_ key: String, client: String, limiter: (slot: Int, instance: Int), perReplica: Bool) -> Int {
        if let known = addressTables[key]?[client] { return known }
        tableList.append(.init(instance: limiter.instance, firstSlot: limiter.slot, copies: perReplica ? max(replicas, 1) : 1))
        addressTables[key, default: [:]][client] = tableList.count - 1
        return tableList.count - 1
    }

    /// The counters as they stand at t = 0, sized for the identities named so far.
    func counters() -> GatewayCounters {
        var counters = GatewayCounters()
        counters.addressTables = tableList
        for limiter in limiters {
            let copies = limiter.config.policy == .local ? max(replicas, 1) : 1
            counters.limiters += Array(repeating: RateLimitingPolicy(limiter.config, identities: max(limiter.identities.count, 1)), count: copies)
            counters.identityCounts.append(limiter.identities.count)
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

    /// The route's transformer work, from the plugins in force on it.
    static func addTransformerWork(to model: inout World.RouteModel, gateway: Gateway, route: GatewayRoute) {
        for plugin in PluginChain.effective(global: gateway.plugins, route: route.plugins) {
            switch plugin.config {
            case .requestTransformer(let config):
                let sampler = Sampler(config.latency)
                model.requestWork = sampler.isZero ? nil : sampler
            case .responseTransformer(let config):
                let sampler = Sampler(config.latency)
                model.responseWork = sampler.isZero ? nil : sampler
            default:
                break
            }
        }
    }

    static func outcome(_ verdict: AuthVerdict) -> Outcome? {
        if case .rejected(let status, _) = verdict { return Outcome(status: Int32(status), flag: .unauthorized) }
        return nil
    }
}
