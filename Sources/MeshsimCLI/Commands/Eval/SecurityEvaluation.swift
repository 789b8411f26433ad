import Policy
import Scenario

/// `eval`'s security stages for a call into the mesh, at the destination version's inbound
/// sidecar: who the caller is to it (a principal, or plaintext), the mTLS mode and the
/// PeerAuthentication that set it, the JWT checked by RequestAuthentication, then each
/// AuthorizationPolicy decision, as the engine takes them (design: CUSTOM, DENY, ALLOW).
struct SecurityEvaluation {
    /// Who sends the call: the gateway's replica, or the client itself.
    struct Caller {
        let name: String
        let identity: WorkloadIdentity
        let hasSidecar: Bool
    }

    let scenario: Scenario
    let security: MeshSecurity
    let caller: Caller
    let request: EvalRequest
    /// The caller is Istio's ingress gateway, an Envoy that enforces its own policies.
    let viaIstioGateway: Bool

    /// nil when the request has no known sender (no client, no gateway in front).
    init?(scenario: Scenario, request: EvalRequest) {
        let viaGateway = request.client.map { $0.target == .gateway } ?? true
        viaIstioGateway = viaGateway && scenario.gateway?.kind == .istio
        if viaGateway, let gateway = scenario.gateway {
            let identity = gateway.identity
            caller = Caller(
                name: "gateway \(identity.namespace)/\(identity.serviceAccount)", identity: identity,
                hasSidecar: gateway.kind == .istio || identity.sidecar
            )
        } else if let client = request.client, case .service = client.target {
            caller = Caller(name: "client \(client.name)", identity: client.identity, hasSidecar: client.identity.sidecar)
        } else {
            return nil
        }
        self.scenario = scenario
        self.request = request
        security = MeshSecurity(mesh: scenario.mesh, defaultNamespace: scenario.namespace)
    }

    /// Whether anything here can differ from a plain mesh hop; else `eval` prints as before.
    func applies(to version: ServiceVersion) -> Bool {
        security.isActive || !caller.hasSidecar || !version.identity.sidecar
    }

    /// Istio's ingress gateway's own jwt_authn and RBAC filters, before it routes, with the
    /// client as a plaintext source; false when the gateway answers 401 or 403. Prints nothing
    /// when no policy selects the gateway.
    func runAtGateway(into report: inout EvalReport) -> Bool {
        let gateway = caller.identity
        guard viaIstioGateway,
              !(security.authorizationPolicies(selecting: gateway).isEmpty && security.requestAuthentications(selecting: gateway).isEmpty)
        else { return true }
        report.line("peer", "\(request.client.map { "client \($0.name)" } ?? "the client") is outside the mesh: plaintext, no principal")
        let host = request.headers.first { $0.name.lowercased() == "host" }?.value
        return check(
            at: gateway, target: caller.name, answerer: "the gateway", peer: nil,
            token: request.client.flatMap { RequestToken(of: $0) }, host: host, port: nil, into: &report)
    }

    /// The stages at `version`'s sidecar; false when the call ends there (refused, 401, 403).
    func run(_ service: Service, _ version: ServiceVersion, into report: inout EvalReport) -> Bool {
        let target = "\(service.name)/\(version.name)"
        guard version.identity.sidecar else {
            report.line("peer", "\(target) has no sidecar: the call arrives in plaintext (auto mTLS), no policy applies")
            return true
        }
        let mtls = security.mtls(for: version.identity, port: service.port)
        let decided = mtls.decidedBy == nil ? "mesh.mtls" : "PeerAuthentication \(mtls.source)\(mtls.level == .port ? ", port \(service.port ?? 0)" : "")"
        report.line("mtls", "\(target) is \(mtls.mode.rawValue) (\(decided))")
        let peer: WorkloadIdentity?
        if !caller.hasSidecar {
            guard mtls.mode != .strict else {
                report.line("peer", "\(caller.name) has no sidecar: plaintext, no principal; a STRICT sidecar refuses it")
                report.decide("connection refused (connect failure): \(target) is STRICT and \(caller.name) has no sidecar")
                return false
            }
            report.line("peer", "\(caller.name) has no sidecar: plaintext, no principal")
            peer = nil
        } else if mtls.mode == .disable {
            report.line("peer", "\(caller.name): plaintext, no principal (DISABLE)")
            peer = nil
        } else {
            report.line("peer", "\(caller.name): \(caller.identity.principal) (mTLS)")
            peer = caller.identity
        }
        var token = request.client.flatMap { RequestToken(of: $0) }
        if viaIstioGateway, let sent = token, !security.forwards(sent, at: caller.identity) {
            report.line("jwt", "the ingress gateway removed the token it verified (forwardOriginalToken: false)")
            token = nil
        }
        return check(
            at: version.identity, target: target, answerer: "the sidecar", peer: peer, token: token,
            host: service.name, port: service.port, into: &report)
    }

    /// RequestAuthentication then AuthorizationPolicy at `workload`; false on 401 or 403.
    private func check(
        at workload: WorkloadIdentity, target: String, answerer: String, peer: WorkloadIdentity?, token: RequestToken?,
        host: String?, port: Int?, into report: inout EvalReport
    ) -> Bool {
        let authentication = security.authenticate(token, at: workload)
        switch authentication {
        case .noToken:
            let why = security.requestAuthentications(selecting: workload).isEmpty
                ? "no RequestAuthentication selects \(target)" : token == nil ? "no token" : "no jwtRule reads the token where it is sent"
            report.line("jwt", "\(why): no request principal")
        case .authenticated(let principal, _, _):
            report.line("jwt", "valid: request principal \(principal)")
        case .rejected(let reason):
            report.line("jwt", "401 \(reason): \(answerer) answers")
            report.decide("401: \(reason) at \(target)")
            return false
        }
        let decision = security.authorize(
            AuthorizationRequest(
                mtlsPeer: peer, authentication: authentication, method: request.method, path: request.path,
                host: host, headers: request.headers, port: port
            ),
            at: workload
        )
        for name in decision.custom { report.line("authz", "CUSTOM \(name) matches: meshsim cannot ask its provider; passes") }
        for name in decision.audited { report.line("authz", "AUDIT \(name) matches: no effect on the decision") }
        if let policy = decision.policy, let action = decision.action, let rule = decision.rule {
            report.line("authz", "\(action.rawValue) \(policy) rule \(rule): \(decision.allowed ? "allowed" : "403 RBAC: access denied")")
        } else {
            report.line("authz", decision.allowed ? "\(decision.reason): allowed" : "\(decision.reason): 403 RBAC: access denied")
        }
        guard decision.allowed else {
            report.decide("403 (RBAC): \(decision.policy.map { "DENY \($0)" } ?? decision.reason) at \(target)")
            return false
        }
        return true
    }
}
