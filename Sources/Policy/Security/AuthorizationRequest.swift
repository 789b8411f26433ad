import Scenario

/// What an AuthorizationPolicy at the destination sees of a request (Istio's attributes:
/// source.principal, source.namespace, request.auth.*, request.headers, destination.port).
public struct AuthorizationRequest: Sendable, Hashable {
    /// The peer's principal without `spiffe://`; nil when the connection is plaintext.
    public var sourcePrincipal: String?
    /// The namespace in the peer's certificate; nil when plaintext.
    public var sourceNamespace: String?
    /// `ISS/SUB` of a verified JWT; nil without one.
    public var requestPrincipal: String?
    public var claims: [String: [String]]
    public var audiences: [String]
    public var method: String
    /// The `:path` header; a query string is ignored, as Envoy's path matcher does.
    public var path: String
    /// The `:authority`; nil when unknown (a `hosts` value then never matches).
    public var host: String?
    public var headers: [Header]
    /// The destination (target) port; nil when unknown.
    public var port: Int?

    public init(
        sourcePrincipal: String? = nil, sourceNamespace: String? = nil, requestPrincipal: String? = nil,
        claims: [String: [String]] = [:], audiences: [String] = [], method: String = "GET", path: String = "/",
        host: String? = nil, headers: [Header] = [], port: Int? = nil
    ) {
        self.sourcePrincipal = sourcePrincipal
        self.sourceNamespace = sourceNamespace
        self.requestPrincipal = requestPrincipal
        self.claims = claims
        self.audiences = audiences
        self.method = method
        self.path = path
        self.host = host
        self.headers = headers
        self.port = port
    }

    /// A request whose peer is `source` over mTLS (nil: plaintext), carrying `authentication`.
    public init(
        mtlsPeer source: WorkloadIdentity?, authentication: AuthenticationResult, method: String = "GET", path: String = "/",
        host: String? = nil, headers: [Header] = [], port: Int? = nil
    ) {
        self.init(
            sourcePrincipal: source?.principal, sourceNamespace: source?.namespace, method: method, path: path,
            host: host, headers: headers, port: port
        )
        if case .authenticated(let principal, let claims, let audiences) = authentication {
            requestPrincipal = principal
            self.claims = claims
            self.audiences = audiences
        }
    }
}
