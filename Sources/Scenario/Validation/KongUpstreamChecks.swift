/// `gateway.upstreams` and `gateway.services` name services that exist, each once; with the
/// mesh an upstream has no effect, since Kong then sends to the Kubernetes Service and the
/// caller's sidecar balances (the Kong Ingress Controller's `ingress.kubernetes.io/service-upstream`).
enum KongUpstreamChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        guard let gateway = scenario.gateway else { return [] }
        var diagnostics: [Diagnostic] = []
        let entries = gateway.upstreams.map { ("upstreams", $0.service, $0.location) }
            + gateway.services.map { ("services", $0.service, $0.location) }
        for (section, service, location) in entries {
            if let problem = names.serviceProblem(service) {
                diagnostics.append(.error("gateway.\(section).\(service): \(problem)", at: location))
            }
        }
        if scenario.mesh.enabled {
            for upstream in gateway.upstreams {
                diagnostics.append(.warning(
                    "gateway.upstreams.\(upstream.service) has no effect while the mesh carries the gateway's calls "
                        + "(the sidecar balances and ejects; use a DestinationRule's loadBalancer and outlierDetection)",
                    at: upstream.location))
            }
        }
        return diagnostics
    }
}
