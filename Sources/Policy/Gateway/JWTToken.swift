/// The parts of a JWT that Kong's `jwt` plugin looks at, already decoded.
public struct JWTToken: Sendable, Hashable {
    /// The `iss` claim (Kong's default `key_claim_name`).
    public var issuer: String
    /// `exp`, in whole seconds of simulated time (t = 0 is the start of the run); nil = absent.
    public var expiresAt: Int64?
    /// `nbf`, in whole seconds of simulated time; nil = absent.
    public var notBefore: Int64?
    /// Whether the signature verifies against the issuer's secret.
    public var signatureValid: Bool

    public init(issuer: String, expiresAt: Int64? = nil, notBefore: Int64? = nil, signatureValid: Bool = true) {
        self.issuer = issuer
        self.expiresAt = expiresAt
        self.notBefore = notBefore
        self.signatureValid = signatureValid
    }
}
