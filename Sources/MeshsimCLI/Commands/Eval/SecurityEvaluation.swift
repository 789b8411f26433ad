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

    /// nil when the request has no known sender (no client, no gateway in front).
    init?(scenario: Scenario, request: EvalRequest) {
        let viaGateway = request.client.map { $0.target == .gateway } ?? true
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
        let token = request.client.flatMap { RequestToken(of: $0) }
        let authentication = security.authenticate(token, at: version.identity)
        switch authentication {
        case .noToken:
            let why = security.requestAuthentications(selecting: version.identity).isEmpty
                ? "no RequestAuthentication selects \(target)" : token == nil ? "no token" : "no jwtRule reads the token where it is sent"
            report.line("jwt", "\(why): no request principal")
        case .authenticated(let principal, _, _):
            report.line("jwt", "valid: request principal \(principal)")
        case .rejected(let reason):
            report.line("jwt", "401 \(reason): the sidecar answers")
            report.decide("401: \(reason) at \(target)")
            return false
        }
        let headers = request.headers
        let decision = security.authorize(
            AuthorizationRequest(
                mtlsPeer: peer, authentication: authentication, method: request.method, path: request.path,
                host: service.name, headers: headers, port: service.port
            ),
            at: version.identity
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
