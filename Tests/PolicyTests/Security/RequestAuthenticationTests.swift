import Policy
import Scenario
import Testing

/// RequestAuthentication as Envoy's jwt_authn enforces what Istio configures
/// (https://istio.io/latest/docs/reference/config/security/request_authentication/: "A request
/// that contains an invalid token will be rejected with 401; a request without a token is
/// accepted but has no authenticated identity"; the task "Authorization with JWT"
/// https://istio.io/latest/docs/tasks/security/authorization/authz-jwt/; the reasons are
/// jwt_verify_lib's status texts).
@Suite struct RequestAuthenticationTests {
    typealias F = SecurityFixture
    let httpbin = F.workload("foo", "httpbin", labels: ["app": "httpbin"])
    let issuer = "testing@secure.istio.io"

    func security(_ rules: [RequestAuthentication.JWTRule], extra: [AuthorizationPolicy] = []) -> MeshSecurity {
        F.security(authz: extra, jwt: [F.requestAuthentication("jwt-example", "foo", selector: ["app": "httpbin"], rules: rules)])
    }

    func token(_ iss: String, aud: [String] = [], valid: Bool = true, expired: Bool = false) -> RequestToken {
        RequestToken(issuer: iss, subject: iss, audiences: aud, claims: ["groups": ["group1"]], signatureValid: valid, expired: expired)
    }

    @Test func aValidTokenGivesTheRequestPrincipal() {
        let result = security([F.jwtRule(issuer)]).authenticate(token(issuer), at: httpbin)
        guard case .authenticated(let principal, let claims, _) = result else {
            Issue.record("expected authenticated, got \(result)")
            return
        }
        #expect(principal == "testing@secure.istio.io/testing@secure.istio.io")
        #expect(claims["iss"] == [issuer] && claims["groups"] == ["group1"])
    }

    @Test func invalidTokensAre401WithEnvoysReason() {
        let security = security([F.jwtRule(issuer, audiences: ["shop"])])
        #expect(security.authenticate(token(issuer, aud: ["shop"], valid: false), at: httpbin) == .rejected(reason: "Jwt verification fails"))
        #expect(security.authenticate(token(issuer, aud: ["shop"], expired: true), at: httpbin) == .rejected(reason: "Jwt is expired"))
        #expect(security.authenticate(token(issuer, aud: ["other"]), at: httpbin) == .rejected(reason: "Audiences in Jwt are not allowed"))
        #expect(security.authenticate(token("someone-else"), at: httpbin) == .rejected(reason: "Jwt issuer is not configured"))
    }

    @Test func noTokenPassesWithoutAPrincipal() {
        #expect(security([F.jwtRule(issuer)]).authenticate(nil, at: httpbin) == .noToken)
    }

    /// The task's `requestPrincipals: ["testing@secure.istio.io/testing@secure.istio.io"]`
    /// ALLOW: a request without a token now gets 403.
    @Test func requiringARequestPrincipalDeniesRequestsWithoutToken() {
        let require = F.policy("require-jwt", "foo", selector: ["app": "httpbin"], rules: [
            F.rule(from: [F.source(requestPrincipals: ["testing@secure.istio.io/testing@secure.istio.io"])]),
        ])
        let security = security([F.jwtRule(issuer)], extra: [require])
        func allowed(_ token: RequestToken?) -> Bool {
            let authentication = security.authenticate(token, at: httpbin)
            return security.authorize(AuthorizationRequest(mtlsPeer: nil, authentication: authentication), at: httpbin).allowed
        }
        #expect(allowed(token(issuer)))
        #expect(!allowed(nil))
    }

    /// A rule with `fromHeaders` reads only those: a token in `Authorization` is then missing.
    @Test func fromHeadersReadsOnlyItsHeaders() {
        let security = security([F.jwtRule(issuer, headers: [.init(name: "x-jwt-assertion")])])
        #expect(security.authenticate(token("someone-else"), at: httpbin) == .noToken)
        var inHeader = token(issuer, valid: false)
        inHeader.headerName = "X-JWT-Assertion"
        inHeader.prefix = ""
        #expect(security.authenticate(inHeader, at: httpbin) == .rejected(reason: "Jwt verification fails"))
    }

    /// Several rules (of one or more policies): any that accepts the token is enough.
    @Test func anyRuleAccepting() {
        let security = F.security(jwt: [
            F.requestAuthentication("a", "foo", rules: [F.jwtRule("issuer-a")]),
            F.requestAuthentication("b", "istio-system", rules: [F.jwtRule("issuer-b")]),
        ])
        guard case .authenticated = security.authenticate(token("issuer-b"), at: httpbin) else {
            Issue.record("a root-namespace RequestAuthentication applies in every namespace")
            return
        }
        #expect(security.authenticate(token("issuer-c"), at: httpbin) == .rejected(reason: "Jwt issuer is not configured"))
        #expect(security.authenticate(token("issuer-b", expired: true), at: httpbin) == .rejected(reason: "Jwt is expired"))
    }

    @Test func withoutRequestAuthenticationTheTokenIsNotRead() {
        #expect(F.security().authenticate(token(issuer, valid: false), at: httpbin) == .noToken)
        #expect(security([F.jwtRule(issuer)]).authenticate(token("x", valid: false), at: F.workload("foo", "other")) == .noToken)
    }
}
