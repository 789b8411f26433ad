/// What the RequestAuthentications selecting a workload make of a request's token (Envoy's
/// jwt_authn filter as Istio configures it: each rule's provider, or the token missing).
public enum AuthenticationResult: Sendable, Hashable {
    /// No token where a rule reads one, or no RequestAuthentication selects the workload: the
    /// request passes without a request principal.
    case noToken
    /// `claims` holds `iss`, `sub` and `aud` beside the token's other claims, as Envoy's
    /// payload metadata does, so `request.auth.claims[iss]` can be matched.
    case authenticated(requestPrincipal: String, claims: [String: [String]], audiences: [String])
    /// 401 with Envoy's jwt_verify_lib status text, e.g. "Jwt is expired".
    case rejected(reason: String)
}
