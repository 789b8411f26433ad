/// `gateway.kind`: Istio's ingress gateway is an Envoy of the mesh that routes by its
/// VirtualService (`gateway.http`); Kong's objects mean nothing to it, and `http` means
/// nothing to Kong. Each Kong object written under `kind: istio` gets one warning that says
/// what Istio's ingress gateway cannot enforce in its place.
enum IstioGatewayChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        guard let gateway = scenario.gateway else { return [] }
        guard gateway.kind == .istio else {
            guard let first = gateway.http.first else { return [] }
            return [.warning(
                "gateway.http is read only with gateway.kind: istio (Kong routes by gateway.routes); ignored", at: first.location)]
        }
        var found: [Diagnostic] = []
        if !scenario.mesh.enabled {
            found.append(.error("Istio's ingress gateway is part of the mesh; set mesh.enabled: true", at: gateway.location))
        }
        found += kongObjects(gateway)
        for (index, route) in gateway.http.enumerated() {
            for entry in route.route {
                found += check(entry.destination, "gateway.http[\(index)] destination", at: entry.location, names)
            }
            if let mirror = route.mirror { found += check(mirror, "gateway.http[\(index)] mirror", at: route.location, names) }
        }
        if let rollout = scenario.rollout,
           let route = gateway.http.first(where: { $0.route.contains { $0.destination.host == rollout.service } }) {
            found.append(.warning(
                "the rollout moves the weights of the VirtualService of \(rollout.service); gateway.http sends to the clusters "
                    + "of \(rollout.service) itself, so the gateway's traffic keeps this rule's weights", at: route.location))
        }
        if gateway.http.isEmpty, scenario.clients.contains(where: { $0.target == .gateway }) {
            found.append(.warning(
                "gateway.http is empty: Istio's ingress gateway answers every request 404 (NR, no route); "
                    + "add the VirtualService's http routes", at: gateway.location))
        }
        return found
    }

    /// The gateway's VirtualService owns no host: every destination names its service.
    private static func check(_ destination: Destination, _ subject: String, at location: SourceLocation, _ names: NameIndex) -> [Diagnostic] {
        guard !destination.host.isEmpty else {
            return [.error("\(subject) needs a host: the ingress gateway's VirtualService may route to any service", at: location)]
        }
        if let problem = names.serviceProblem(destination.host) { return [.error("\(subject): \(problem)", at: location)] }
        if let subset = destination.subset, let problem = names.versionProblem(subset, of: destination.host) {
            return [.error("\(subject): \(problem)", at: location)]
        }
        return []
    }

    private static func kongObjects(_ gateway: Gateway) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func warn(_ what: String, _ why: String, at location: SourceLocation?) {
            found.append(.warning("Istio's ingress gateway cannot enforce \(what) (\(why)); ignored", at: location ?? gateway.location))
        }
        if let route = gateway.routes.first {
            warn("Kong routes (gateway.routes)", "it routes by its VirtualService: write the routes as gateway.http", at: route.location)
        }
        if let consumer = gateway.consumers.first {
            warn("Kong consumers (gateway.consumers)",
                 "Istio has no consumer concept; identify callers by JWT with a RequestAuthentication", at: consumer.location)
        }
        if let upstream = gateway.upstreams.first {
            warn("Kong upstreams (gateway.upstreams)",
                 "balancing and health checks come from the destination's DestinationRule", at: upstream.location)
        }
        if let service = gateway.services.first {
            warn("Kong service settings (gateway.services)",
                 "retries and timeouts come from gateway.http's retries and timeout", at: service.location)
        }
        for plugin in gateway.plugins {
            guard let why = reason(plugin.config) else { continue }
            warn(plugin.name, why, at: plugin.location)
        }
        return found
    }

    /// Why Envoy at Istio's ingress gateway does not do what the Kong plugin does; nil for
    /// Envoy's own local rate limit, which it runs.
    static func reason(_ config: Plugin.Config) -> String? {
        switch config {
        case .localRateLimit:
            return nil
        case .rateLimiting(let config) where config.policy != .local:
            return "a quota per \(config.limitBy.rawValue) shared across replicas, as policy \(config.policy.rawValue) keeps it, "
                + "needs Envoy's global rate limit service; Envoy's local rate limit counts per replica"
        case .rateLimiting(let config):
            return "a quota per \(config.limitBy.rawValue): Envoy's local rate limit has one bucket per replica for every request"
        case .keyAuth:
            return "Istio has no API keys; authenticate with JWT through a RequestAuthentication"
        case .jwt:
            return "Kong's jwt plugin maps tokens to consumers; Istio validates JWT with a RequestAuthentication "
                + "and requires it with an AuthorizationPolicy"
        case .acl:
            return "Istio has no consumers or consumer groups; allow callers with an AuthorizationPolicy"
        case .proxyCache:
            return "Envoy in Istio's default ingress gateway has no response cache"
        case .requestTransformer, .responseTransformer:
            return "headers are rewritten by the VirtualService's headers field, which meshsim does not model"
        case .requestTermination:
            return "answer directly with the VirtualService's directResponse, or a fault abort in gateway.http"
        }
    }
}
