/// Downstream calls name existing services and never come back to a caller: a cycle would
/// make every request recurse without end. With the mesh, a call to X goes where X's
/// VirtualService sends it (and to its mirrors), so those hosts are callees too.
enum CallGraphChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var graph = CallGraph()
        let rulesByService = Dictionary(scenario.services.map { ($0.name, $0.http ?? []) }, uniquingKeysWith: { first, _ in first })
        var routed: [String: [String]] = [:]
        for service in scenario.services {
            // Versions may call differently; a cycle through any of them is a cycle.
            for version in service.versions {
                for call in version.calls.flatMap(\.calls) {
                    if let problem = names.serviceProblem(call.service) {
                        diagnostics.append(.error("\(service.name) calls \(call.service): \(problem)", at: call.location))
                    } else {
                        graph.addEdge(from: service.name, to: call.service, at: call.location)
                        guard scenario.mesh.enabled else { continue }
                        let hosts = routed[call.service] ?? Self.routedHosts(of: call.service, rulesByService, names)
                        routed[call.service] = hosts
                        for host in hosts {
                            graph.addEdge(from: service.name, to: host, at: call.location)
                        }
                    }
                }
            }
        }
        for cycle in graph.cycles(visitingInOrder: names.services) {
            let path = cycle.services.joined(separator: " → ")
            diagnostics.append(.error("calls form a cycle: \(path)", at: cycle.location))
        }
        return diagnostics
    }

    /// The services a request to `service` may reach through its `http` rules: destinations
    /// and mirrors naming another existing host.
    private static func routedHosts(of service: String, _ rulesByService: [String: [HTTPRoute]], _ names: NameIndex) -> [String] {
        let rules = rulesByService[service] ?? []
        let hosts = rules.flatMap { $0.route.map(\.destination.host) + [$0.mirror?.host].compactMap { $0 } }
        var seen: Set<String> = [service]
        return hosts.filter { names.hasService($0) && seen.insert($0).inserted }
    }

}
