import Scenario

/// A version whose sidecar enforces STRICT mTLS, called by a workload without a sidecar: the
/// caller can only send plaintext, which a STRICT sidecar refuses, so every such call fails
/// (https://istio.io/latest/docs/reference/config/security/peer_authentication/ STRICT:
/// "Connection is an mTLS tunnel (TLS with client cert must be presented)").
enum PeerAuthenticationLint {
    static func diagnostics(_ scenario: Scenario, _ security: MeshSecurity) -> [Diagnostic] {
        guard scenario.mesh.enabled else { return [] }
        let callers = MeshCaller.byService(scenario)
        var found: [Diagnostic] = []
        for service in scenario.services {
            let plaintext = (callers[service.name] ?? []).filter { !$0.hasSidecar }
            guard !plaintext.isEmpty else { continue }
            for version in service.versions where version.identity.sidecar {
                let resolution = security.mtls(for: version.identity, port: service.port)
                guard resolution.mode == .strict else { continue }
                let decided = resolution.decidedBy == nil ? resolution.source : "PeerAuthentication \(resolution.source)"
                for caller in plaintext {
                    let message = "service \(service.name) (\(version.name)) is STRICT (\(decided)) but is called by \(caller.name), "
                        + "which has no sidecar: these calls will fail"
                    found.append(.warning(message, at: caller.location))
                }
            }
        }
        return found
    }
}
