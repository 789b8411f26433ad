/// Istio's security policies and workload identities: settings valid one by one that select
/// nothing, do nothing, or leave the decision to something meshsim cannot run.
enum SecurityPolicyChecks {
    /// A workload policies can select: a service version or the gateway.
    struct Workload {
        var name: String
        var identity: WorkloadIdentity
        /// The service's `port`, which `portLevelMtls` keys name; nil for the gateway.
        var port: Int?
    }

    /// One policy of any kind, as selection sees it.
    private struct Policy {
        var kind: String
        var name: String
        var namespace: String
        var selector: WorkloadSelector?
        var location: SourceLocation

        var title: String { "\(kind) \(namespace)/\(name)" }
    }

    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        let mesh = scenario.mesh
        guard mesh.enabled else { return inactive(scenario) }
        let workloads = workloads(scenario)
        let namespace = scenario.namespace
        var diagnostics: [Diagnostic] = []
        let policies = mesh.peerAuthentications.map { Policy(kind: "PeerAuthentication", name: $0.name, namespace: $0.namespace ?? namespace, selector: $0.selector, location: $0.location) }
            + mesh.authorizationPolicies.map { Policy(kind: "AuthorizationPolicy", name: $0.name, namespace: $0.namespace ?? namespace, selector: $0.selector, location: $0.location) }
            + mesh.requestAuthentications.map { Policy(kind: "RequestAuthentication", name: $0.name, namespace: $0.namespace ?? namespace, selector: $0.selector, location: $0.location) }
        for policy in policies {
            diagnostics += selection(policy, workloads, root: mesh.rootNamespace)
        }
        for policy in mesh.authorizationPolicies where policy.action == .custom {
            diagnostics.append(.warning(
                "AuthorizationPolicy \(policy.namespace ?? namespace)/\(policy.name): meshsim cannot run the external authorizer '\(policy.provider ?? "")' of a CUSTOM policy, so its requests pass as if it allowed them",
                at: policy.location))
        }
        diagnostics += PeerAuthenticationPrecedence.diagnostics(mesh, workloads, namespace: namespace)
        return diagnostics
    }

    /// Service versions, then the gateway.
    static func workloads(_ scenario: Scenario) -> [Workload] {
        var workloads = scenario.services.flatMap { service in
            service.versions.map { Workload(name: "\(service.name) (\($0.name))", identity: $0.identity, port: service.port) }
        }
        if let gateway = scenario.gateway {
            workloads.append(Workload(name: "gateway \(gateway.identity.namespace)/\(gateway.identity.serviceAccount)", identity: gateway.identity))
        }
        return workloads
    }

    /// Istio applies a policy to the workloads of its namespace, and a root-namespace one to
    /// every namespace's; a selector further requires each of its labels.
    static func selects(namespace: String, selector: WorkloadSelector?, _ identity: WorkloadIdentity, root: String) -> Bool {
        guard namespace == root || namespace == identity.namespace else { return false }
        return selector?.matchLabels.allSatisfy { identity.labels[$0.key] == $0.value } ?? true
    }

    private static func selection(_ policy: Policy, _ workloads: [Workload], root: String) -> [Diagnostic] {
        let selected = workloads.filter { selects(namespace: policy.namespace, selector: policy.selector, $0.identity, root: root) }
        if selected.isEmpty {
            let labels = policy.selector.map { " with the labels " + $0.matchLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") } ?? ""
            let place = policy.namespace == root ? "in the mesh" : "in namespace \(policy.namespace)"
            return [.warning("\(policy.title) selects no workload: no service version or gateway \(place)\(labels)", at: policy.selector?.location ?? policy.location)]
        }
        if selected.allSatisfy({ !$0.identity.sidecar }) {
            let names = ListText.series(selected.map(\.name))
            return [.warning("\(policy.title) selects only workloads without a sidecar (\(names)), where no proxy enforces it", at: policy.selector?.location ?? policy.location)]
        }
        return []
    }

    /// With the mesh off no call passes a sidecar: identities and policies change nothing.
    private static func inactive(_ scenario: Scenario) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let mesh = scenario.mesh
        let policies = mesh.peerAuthentications.map { ("peerAuthentications", $0.location) }
            + mesh.authorizationPolicies.map { ("authorizationPolicies", $0.location) }
            + mesh.requestAuthentications.map { ("requestAuthentications", $0.location) }
        for (key, location) in policies {
            diagnostics.append(.warning("mesh.\(key) is inactive while mesh.enabled is false", at: location))
        }
        for service in scenario.services {
            for version in service.versions where !version.identity.sidecar {
                let path = service.hasDeclaredVersions ? "services.\(service.name).versions.\(version.name)" : "services.\(service.name)"
                diagnostics.append(.warning("\(path).sidecar: false has no effect while mesh.enabled is false (no workload has a sidecar)", at: version.location))
            }
        }
        for (index, client) in scenario.clients.enumerated() where !client.identity.sidecar && client.target != .gateway {
            diagnostics.append(.warning("clients[\(index)].sidecar: false has no effect while mesh.enabled is false (no workload has a sidecar)", at: client.location))
        }
        if let gateway = scenario.gateway, !gateway.identity.sidecar {
            diagnostics.append(.warning("gateway.sidecar: false has no effect while mesh.enabled is false (no workload has a sidecar)", at: gateway.location))
        }
        return diagnostics
    }
}
