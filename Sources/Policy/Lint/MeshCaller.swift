import Scenario

/// A workload that calls a service, as the security lints name it: a client that targets the
/// service, the gateway when one of its routes reaches it, or a version of a service that
/// calls it.
struct MeshCaller {
    /// `legacy` (a client), `gateway kong/kong` (namespace/service account), `service billing (v1)`.
    let name: String
    let identity: WorkloadIdentity
    /// Istio's ingress gateway is an Envoy: always able to speak mTLS.
    let hasSidecar: Bool
    let location: SourceLocation

    /// Each service's callers, in file order: clients, the gateway, then the services.
    static func byService(_ scenario: Scenario) -> [String: [MeshCaller]] {
        var found: [String: [MeshCaller]] = [:]
        for client in scenario.clients {
            guard case .service(let service) = client.target else { continue }
            found[service, default: []].append(
                MeshCaller(name: client.name, identity: client.identity, hasSidecar: client.identity.sidecar, location: client.location)
            )
        }
        if let gateway = scenario.gateway, scenario.clients.contains(where: { $0.target == .gateway }) {
            let identity = gateway.identity
            let caller = MeshCaller(
                name: "gateway \(identity.namespace)/\(identity.serviceAccount)", identity: identity,
                hasSidecar: gateway.kind == .istio || identity.sidecar, location: gateway.location
            )
            for service in reached(by: gateway) { found[service, default: []].append(caller) }
        }
        for caller in scenario.services {
            for version in caller.versions {
                var called: Set<String> = []
                for call in version.calls.flatMap(\.calls) where call.percent > 0 && called.insert(call.service).inserted {
                    found[call.service, default: []].append(MeshCaller(
                        name: "service \(caller.name) (\(version.name))", identity: version.identity,
                        hasSidecar: version.identity.sidecar, location: version.location
                    ))
                }
            }
        }
        return found
    }

    /// Kong's routes by their backends and composed calls; Istio's by their `http` destinations.
    private static func reached(by gateway: Gateway) -> [String] {
        var services: [String] = []
        var seen: Set<String> = []
        func add(_ service: String) { if seen.insert(service).inserted { services.append(service) } }
        switch gateway.kind {
        case .kong:
            for route in gateway.routes {
                for backend in route.backends where backend.weight > 0 { add(backend.service) }
                for call in route.composition?.steps.flatMap(\.calls) ?? [] { add(call.service) }
            }
        case .istio:
            for route in gateway.http {
                for destination in route.route { add(destination.destination.host) }
            }
        }
        return services
    }
}
