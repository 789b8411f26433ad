/// With `metrics:`, metrics.om labels the source of each mesh hop as Istio would: a client
/// calling through its own sidecar by its name, the gateway as `kong`, a service's version
/// `default` (a service without versions) by the service's name, all without a version. Two
/// of them with one name get one label set, and their samples interleave under one series
/// that Prometheus reads as a single workload (Kubernetes has no two Deployments of one name
/// in a namespace either).
enum MetricsNameChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        guard scenario.metrics != nil, scenario.mesh.enabled else { return [] }
        var owners: [String: String] = [:]
        if let gateway = scenario.gateway { owners[MetricsFormat.gatewayWorkload(gateway.kind)] = "the gateway" }
        var found: [Diagnostic] = []
        for service in scenario.services where service.versions.contains(where: { $0.name == "default" }) {
            if let owner = owners[service.name] {
                found.append(clash(service.name, owner, at: service.location, kind: "service"))
            } else {
                owners[service.name] = "service \(service.name)"
            }
        }
        for client in scenario.clients {
            guard case .service = client.target, let owner = owners[client.name] else { continue }
            found.append(clash(client.name, owner, at: client.location, kind: "client"))
        }
        return found
    }

    private static func clash(_ name: String, _ owner: String, at location: SourceLocation, kind: String) -> Diagnostic {
        .error(
            "\(kind) \(name): metrics.om names it source_workload=\"\(name)\", as it names \(owner), so their Istio series would be "
                + "one; rename the \(kind)", at: location)
    }
}
