/// The claims a client's JWT carries beyond `iss`, `exp` and `nbf` (`credential.jwt.sub`,
/// `aud`, `claims`): what Istio's RequestAuthentication and AuthorizationPolicy read.
public struct JWTClaims: Sendable, Hashable {
    /// `sub`; nil when not written: the client's name.
    public var subject: String?
    public var audiences: [String]
    /// Other claims by name; a list claim (`groups: [a, b]`) matches any of its values.
    public var claims: [String: [String]]

    public init(subject: String? = nil, audiences: [String] = [], claims: [String: [String]] = [:]) {
        self.subject = subject
        self.audiences = audiences
        self.claims = claims
    }
}
