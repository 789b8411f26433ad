import Scenario

/// An ALLOW policy under which no caller of a workload it selects can pass: when ALLOW policies
/// select a workload and none matches, Istio denies (authorization_policy.proto, rule 5
/// "Deny the request"). Each caller is judged by its peer identity as the sidecar would see it
/// (a plaintext caller has no principal and no namespace); what a rule asks of the request
/// itself (paths, methods, headers, JWT, `when`) is taken as possibly matching, so the warning
/// only fires when the sources alone exclude every caller.
enum AuthorizationPolicyLint {
    static func diagnostics(_ scenario: Scenario, _ security: MeshSecurity) -> [Diagnostic] {
        guard scenario.mesh.enabled, !security.authorizationPolicies.isEmpty else { return [] }
        let callersByService = MeshCaller.byService(scenario)
        var found: [Diagnostic] = []
        for policy in security.authorizationPolicies where policy.action == .allow {
            for service in scenario.services {
                let callers = callersByService[service.name] ?? []
                guard !callers.isEmpty else { continue }
                for version in service.versions where version.identity.sidecar && selects(security, policy, version.identity) {
                    let mode = security.mtls(for: version.identity, port: service.port).mode
                    let peers = callers.map { (caller: $0, principal: $0.hasSidecar && mode != .disable ? $0.identity.principal : nil) }
                    let allows = security.authorizationPolicies(selecting: version.identity).filter { $0.action == .allow }
                    guard !peers.contains(where: { peer in allows.contains { mayAllow($0, peer.principal) } }) else { continue }
                    let workload = service.versions.count == 1 ? service.name : "\(service.name) (\(version.name))"
                    let list = peers.map { "\($0.caller.name) (\($0.principal ?? "plaintext"))" }.joined(separator: ", ")
                    let message = "AuthorizationPolicy \(MeshSecurity.name(policy)): no caller of \(workload) matches a rule "
                        + "(callers: \(list)): every request will be denied"
                    found.append(.warning(message, at: policy.location))
                }
            }
        }
        return found
    }

    private static func selects(_ security: MeshSecurity, _ policy: AuthorizationPolicy, _ workload: WorkloadIdentity) -> Bool {
        security.selects(policy.namespace, policy.selector, workload)
    }

    /// Whether some rule's `from` can match a peer with this principal (nil: plaintext).
    private static func mayAllow(_ policy: AuthorizationPolicy, _ principal: String?) -> Bool {
        policy.rules.contains { rule in
            rule.from.isEmpty || rule.from.contains { source in
                AuthorizationRuleMatcher.field(source.principals, source.notPrincipals) { IdentityPatterns.principal($0, principal) }
                    && AuthorizationRuleMatcher.field(source.namespaces, source.notNamespaces) { IdentityPatterns.namespace($0, principal) }
                    && AuthorizationRuleMatcher.field(source.ipBlocks, source.notIpBlocks) { _ in false }
                    && AuthorizationRuleMatcher.field(source.remoteIpBlocks, source.notRemoteIpBlocks) { _ in false }
            }
        }
    }
}
