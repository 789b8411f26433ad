import Engine
import Policy
import Scenario

/// The gateway's stages for `eval`: route, then each plugin of the route in Kong's order, then
/// the backend of a split route (drawn from the eval stream), or a composed route's calls.
/// The rate limits' counters carry over from one request to the next of `eval --repeat`.
struct GatewayEvaluation {
    /// One counter per plugin, and per replica under a local policy, as the simulation keeps them.
    struct CounterKey: Hashable {
        var plugin: SourceLocation
        var replica: Int
    }

    let scenario: Scenario
    let gateway: Gateway
    private var limiters: [CounterKey: RateLimitingPolicy] = [:]
    var buckets: [CounterKey: LocalRateLimitPolicy] = [:]
    private var cache = EvalProxyCache()
    /// The headers of the last request as its upstream call carries them.
    var upstreamHeaders: [Header] = []

    init(scenario: Scenario, gateway: Gateway) {
        self.scenario = scenario
        self.gateway = gateway
    }

    /// The replica the `number`th request (from 0) goes to: requests go round-robin.
    func replica(ofRequest number: Int) -> Int {
        number % max(gateway.replicas, 1)
    }

    /// Prints the stages of `request` on `replica`; returns the upstream service, or nil when
    /// the gateway answers itself.
    mutating func run(_ request: EvalRequest, replica: Int, into report: inout EvalReport, _ rng: inout RandomStream) -> String? {
        report.line("gateway", gateway.replicas <= 1
            ? "\(gateway.replicas) replica"
            : "\(gateway.replicas) replicas, requests spread round-robin: this one goes to replica \(replica + 1)")
        let router = KongRouter(routes: gateway.routes)
        guard let index = router.route(method: request.method, path: request.path, headers: request.headers) else {
            report.line("route", "none matches: 404 (NR); Kong picks the longest path prefix, then more conditions, then file order")
            report.decide("404 (NR): no route")
            return nil
        }
        let route = gateway.routes[index]
        report.line("route", "\(route.name) (paths \(route.paths.joined(separator: " "))\(route.methods.isEmpty ? "" : ", methods \(route.methods.joined(separator: " "))")) → \(upstreams(route))")
        var consumer: String?
        var credential: String?
        upstreamHeaders = request.headers
        for plugin in PluginChain.effective(global: gateway.plugins, route: route.plugins) {
            let scope = route.plugins.contains { $0.location == plugin.location } ? "route" : "global"
            let stage = "\(plugin.name) (\(scope))"
            switch plugin.config {
            case .keyAuth(let config):
                var headers = request.headers
                if case .apiKey(let key) = request.client?.credential { headers.append(Header(name: config.keyNames.first ?? "apikey", value: key)) }
                switch KeyAuthPolicy(config).authenticate(headers: headers) {
                case .authenticated(let name, let id):
                    consumer = name
                    credential = id
                    report.line(stage, "consumer \(name) (key \(id))")
                case .rejected(let status, let message):
                    report.line(stage, "\(status) \(message) (UAEX): the gateway answers, nothing goes upstream")
                    report.decide("\(status) (UAEX) at \(stage)")
                    return nil
                }
            case .jwt(let config):
                var token: JWTToken?
                if case .jwt(let issuer, let expiresIn, let notBefore) = request.client?.credential {
                    token = JWTToken(
                        issuer: issuer, expiresAt: expiresIn.map { (request.at + $0) / 1_000_000_000 },
                        notBefore: notBefore.map { (request.at + $0) / 1_000_000_000 }, signatureValid: true)
                }
                switch JWTPolicy(config).authenticate(token, now: request.at) {
                case .authenticated(let name, let id):
                    consumer = name
                    credential = id
                    report.line(stage, "consumer \(name) (iss \(id)); claims checked: \(config.claimsToVerify.map(\.rawValue).joined(separator: ", ").ifEmpty("none"))")
                case .rejected(let status, let message):
                    report.line(stage, "\(status) \(message) (UAEX): the gateway answers, nothing goes upstream")
                    report.decide("\(status) (UAEX) at \(stage)")
                    return nil
                }
            case .rateLimiting(let config):
                let identity = RateLimitIdentifier.name(
                    config, address: RateLimitIdentifier.address(client: request.client?.name ?? "client", index: 0), path: request.path,
                    headers: request.headers, service: route.kongService, consumer: consumer, credential: credential)
                let key = CounterKey(plugin: plugin.location, replica: config.policy == .local ? replica : 0)
                var policy = limiters[key] ?? RateLimitingPolicy(config, identities: 1)
                let decision = policy.check(identity: 0, now: request.at)
                let usage = policy.usage(identity: 0, now: request.at)
                limiters[key] = policy
                let counting = config.policy == .local ? "counted per replica" : "shared by all replicas"
                report.line(stage, "policy \(config.policy.rawValue) (\(counting)), limit_by \(config.limitBy.rawValue) → \(identity): \(decision.allowed ? "allowed" : "429 (RL)")")
                for period in usage {
                    report.more("\(period.period.rawValue): \(period.remaining) of \(period.limit) left, window resets in \(period.reset) s")
                }
                let headers = RateLimitingPolicy.headers(decision: decision, usage: usage, hideClientHeaders: config.hideClientHeaders)
                if !headers.isEmpty { report.more("headers: " + headers.map { "\($0.name): \($0.value)" }.joined(separator: ", ")) }
                if !decision.allowed {
                    report.decide("429 (RL) at \(stage)")
                    return nil
                }
            case .localRateLimit(let config):
                let key = CounterKey(plugin: plugin.location, replica: replica)
                var bucket = buckets[key] ?? LocalRateLimitPolicy(config)
                let allowed = bucket.take(now: request.at)
                buckets[key] = bucket
                report.line(stage, "\(allowed ? "allowed" : "429 local_rate_limited (RL)"): \(Int(bucket.tokens(at: request.at))) of \(config.maxTokens) tokens left on this replica, \(config.tokensPerFill) added every \(DurationText.format(config.fillInterval))")
                if !allowed {
                    report.decide("429 (RL) at \(stage)")
                    return nil
                }
            case .proxyCache(let config):
                if let status = cache.run(config, stage: stage, request: request, route: route, consumer: consumer, replica: replica, into: &report) {
                    report.decide("\(status) from the cache at \(stage)")
                    return nil
                }
            case .acl(let config):
                guard aclPasses(config, consumer: consumer, stage: stage, into: &report) else { return nil }
            case .requestTermination(let config):
                guard terminationPasses(config, request: request, stage: stage, into: &report) else { return nil }
            case .requestTransformer(let config):
                transformRequest(config, stage: stage, into: &report)
            case .responseTransformer(let config):
                report.line(stage, "changes the answer's headers only; \(Self.work(config.latency)) for every answer of this route")
            }
        }
        // In the mesh Kong connects to its own sidecar, which always accepts: only its timeout
        // can make it retry.
        let retriesOn = scenario.mesh.enabled ? "when its timeout fires (its sidecar handles connect failures)" : "on connection failures and timeouts"
        if let composition = route.composition {
            CompositionEvaluation.run(route, composition, retriesOn: retriesOn, into: &report, &rng)
            return nil
        }
        guard let backend = BackendSplit(route).pick(&rng) else {
            report.line("backend", "every weight is 0: 500, as the Gateway API requires of a rule with no backend to send to")
            report.decide("500: no backend has a weight above 0")
            return nil
        }
        let service = route.backends[backend].service
        if route.backends.count > 1 {
            let total = route.backends.reduce(0) { $0 + $1.weight }
            report.line("backend", "\(service), drawn with weight \(route.backends[backend].weight) of \(total); Kong's retries stay on it")
        }
        report.line("upstream", "\(service): Kong timeout \(DurationText.format(route.timeout)) per try, \(route.retries) retries \(retriesOn)")
        if !scenario.mesh.enabled, let upstream = gateway.upstreams.first(where: { $0.service == service }),
           let model = scenario.services.first(where: { $0.name == service }) {
            KongUpstreamEvaluation.report(upstream, service: model, replica: replica, request: request, consumer: consumer, into: &report)
        }
        return service
    }

    private func upstreams(_ route: GatewayRoute) -> String {
        if route.composition != nil { return "calls " + ListText.series(route.services) }
        guard route.backends.count > 1 else { return "service \(route.backends.first?.service ?? "")" }
        return "backends " + route.backends.map { "\($0.service) (weight \($0.weight))" }.joined(separator: ", ")
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
