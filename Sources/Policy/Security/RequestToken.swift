import Scenario

/// The JWT a request carries, as a RequestAuthentication at the destination sees it. meshsim
/// does not sign tokens: the checks Envoy's jwt_authn makes are given as outcomes.
public struct RequestToken: Sendable, Hashable {
    public var issuer: String
    public var subject: String
    public var audiences: [String]
    /// Claims beyond `iss`, `sub` and `aud`; a list claim holds each of its values.
    public var claims: [String: [String]]
    /// False: the signature does not verify against the issuer's keys.
    public var signatureValid: Bool
    public var expired: Bool
    public var notYetValid: Bool
    /// The header the token is sent in (names are case-insensitive) and what precedes it.
    public var headerName: String
    public var prefix: String

    public init(
        issuer: String, subject: String, audiences: [String] = [], claims: [String: [String]] = [:],
        signatureValid: Bool = true, expired: Bool = false, notYetValid: Bool = false,
        headerName: String = "authorization", prefix: String = "Bearer "
    ) {
        self.issuer = issuer
        self.subject = subject
        self.audiences = audiences
        self.claims = claims
        self.signatureValid = signatureValid
        self.expired = expired
        self.notYetValid = notYetValid
        self.headerName = headerName
        self.prefix = prefix
    }

    /// Envoy jwt_authn's default `clock_skew_seconds` (60), which Istio's JWTRule leaves as is:
    /// `exp` and `nbf` are honoured that much late and early.
    public static let clockSkew: Nanoseconds = 60_000_000_000

    /// The token of a client's `credential.jwt` (`sub` defaulting to the client's name); nil
    /// when the client carries none. `exp` and `nbf` are relative to the send time.
    public init?(of client: Client, signatureValid: Bool = true) {
        guard case .jwt(let issuer, let expiresIn, let notBefore) = client.credential else { return nil }
        self.init(
            issuer: issuer, subject: client.jwtClaims.subject ?? client.name, audiences: client.jwtClaims.audiences,
            claims: client.jwtClaims.claims, signatureValid: signatureValid,
            expired: expiresIn.map { $0 < -Self.clockSkew } ?? false, notYetValid: notBefore.map { $0 > Self.clockSkew } ?? false
        )
    }

    /// Istio's request principal, `request.auth.principal`: `ISS/SUB`.
    public var requestPrincipal: String { "\(issuer)/\(subject)" }
}
