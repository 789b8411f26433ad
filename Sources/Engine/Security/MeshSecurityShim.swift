import Scenario

// TEMPORARY: the Policy API of the design note (Sources/Policy/Security, secpolicy helper),
// stubbed until it lands on main; removed at that merge.
struct MeshSecurity: Sendable {
    let mesh: Mesh
    init(mesh: Mesh, defaultNamespace: String) { self.mesh = mesh }
    var isActive: Bool { false }
    func mtls(for workload: WorkloadIdentity, port: Int?) -> MTLSResolution { MTLSResolution(mode: mesh.mtls) }
    func authenticate(_ token: RequestToken?, at workload: WorkloadIdentity) -> AuthenticationResult {
        guard let token else { return .noToken }
        return token.signatureValid ? .authenticated(requestPrincipal: token.issuer + "/" + token.subject, claims: token.claims, audiences: token.audiences) : .rejected(reason: "Jwt verification fails")
    }
    func authorize(_ request: AuthorizationRequest, at workload: WorkloadIdentity) -> AuthorizationDecision { AuthorizationDecision(allowed: true) }
}

struct MTLSResolution: Sendable, Hashable { var mode: Mesh.MTLSMode }

struct RequestToken: Sendable, Hashable {
    var issuer: String
    var subject: String
    var audiences: [String]
    var claims: [String: [String]]
    var signatureValid: Bool

    init?(of client: Client) {
        guard case .jwt(let issuer, _, _) = client.credential else { return nil }
        self.issuer = issuer
        subject = client.name
        audiences = []
        claims = [:]
        signatureValid = true
    }
}

enum AuthenticationResult: Sendable, Hashable {
    case noToken
    case authenticated(requestPrincipal: String, claims: [String: [String]], audiences: [String])
    case rejected(reason: String)
}

struct AuthorizationRequest: Sendable, Hashable {
    init(
        mtlsPeer source: WorkloadIdentity?, authentication: AuthenticationResult, method: String = "GET", path: String = "/",
        host: String? = nil, headers: [Header] = [], port: Int? = nil
    ) {}
}

struct AuthorizationDecision: Sendable, Hashable { var allowed: Bool }
