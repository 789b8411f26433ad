import Scenario

extension MeshSecurity {
    /// What the jwt_authn filter Istio configures from the RequestAuthentications selecting
    /// `workload` does with `token` (pilot/pkg/security/authn/policy_applier.go
    /// `convertToEnvoyJwtConfig`: one provider per jwtRule of every such policy, required as
    /// "any provider succeeds, or the token is missing for all of them"):
    /// - a rule reads the token when the token is sent in one of its locations: its
    ///   `fromHeaders` (name case-insensitive, the same prefix) or, with neither `fromHeaders`
    ///   nor `fromParams`, Envoy's default `Authorization: Bearer`;
    /// - no rule reads it (or no policy selects the workload): `.noToken`, the request passes
    ///   without a request principal;
    /// - a rule that reads it accepts it: `.authenticated`;
    /// - otherwise 401 with Envoy's reason, from the first reading rule of the token's issuer
    ///   ("Jwt issuer is not configured" when none has it).
    public func authenticate(_ token: RequestToken?, at workload: WorkloadIdentity) -> AuthenticationResult {
        guard let token else { return .noToken }
        let readers = requestAuthentications(selecting: workload).flatMap(\.jwtRules).filter { Self.reads($0, token) }
        guard !readers.isEmpty else { return .noToken }
        var failure: String?
        for rule in readers {
            guard let reason = Self.rejection(of: token, by: rule) else {
                var claims = token.claims
                claims["iss"] = [token.issuer]
                claims["sub"] = [token.subject]
                claims["aud"] = token.audiences
                return .authenticated(requestPrincipal: token.requestPrincipal, claims: claims, audiences: token.audiences)
            }
            if rule.issuer == token.issuer, failure == nil { failure = reason }
        }
        return .rejected(reason: failure ?? "Jwt issuer is not configured")
    }

    /// Whether `workload` passes `token` upstream: Envoy's jwt_authn removes the token after a
    /// successful verification by a provider whose `forward` is false, and Istio sets `forward`
    /// from `forwardOriginalToken` (default false; pilot/pkg/security/authn `convertToEnvoyJwtConfig`,
    /// envoy jwt_authn config.proto `JwtProvider.forward`). A token no rule accepts is passed
    /// as is (or rejected with 401 before it goes anywhere).
    public func forwards(_ token: RequestToken, at workload: WorkloadIdentity) -> Bool {
        let accepting = requestAuthentications(selecting: workload).flatMap(\.jwtRules)
            .first { Self.reads($0, token) && Self.rejection(of: token, by: $0) == nil }
        return accepting?.forwardOriginalToken ?? true
    }

    static func reads(_ rule: RequestAuthentication.JWTRule, _ token: RequestToken) -> Bool {
        let locations = rule.fromHeaders.isEmpty && rule.fromParams.isEmpty && rule.fromCookies.isEmpty
            ? [RequestAuthentication.JWTRule.HeaderLocation(name: "Authorization", prefix: "Bearer ")]
            : rule.fromHeaders
        return locations.contains { $0.name.lowercased() == token.headerName.lowercased() && $0.prefix == token.prefix }
    }

    /// Envoy's checks in its order (jwt_authn authenticator.cc): issuer, time, audiences,
    /// signature; the texts are jwt_verify_lib's status strings.
    static func rejection(of token: RequestToken, by rule: RequestAuthentication.JWTRule) -> String? {
        if token.issuer != rule.issuer { return "Jwt issuer is not configured" }
        if token.expired { return "Jwt is expired" }
        if token.notYetValid { return "Jwt not yet valid" }
        if !rule.audiences.isEmpty, !token.audiences.contains(where: rule.audiences.contains) {
            return "Audiences in Jwt are not allowed"
        }
        if !token.signatureValid { return "Jwt verification fails" }
        return nil
    }
}
