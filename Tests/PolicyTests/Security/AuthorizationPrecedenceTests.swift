import Policy
import Scenario
import Testing

/// The examples of Istio's Authorization Policy reference
/// (https://istio.io/latest/docs/reference/config/security/authorization-policy/, the same text
/// as istio/api security/v1beta1/authorization_policy.proto) and the precedence it states:
/// CUSTOM, then DENY, then ALLOW; no ALLOW policy allows; AUDIT decides nothing.
@Suite struct AuthorizationPrecedenceTests {
    typealias F = SecurityFixture
    let httpbin = F.workload("foo", "httpbin", labels: ["app": "httpbin"])
    let sleep = F.workload("default", "sleep")
    let dev = F.workload("dev", "tester")

    func request(from peer: WorkloadIdentity?, _ method: String = "GET", _ path: String = "/") -> AuthorizationRequest {
        AuthorizationRequest(mtlsPeer: peer, authentication: .noToken, method: method, path: path)
    }

    @Test func noPolicyAllowsEverything() {
        let decision = F.security().authorize(request(from: nil, "DELETE", "/admin"), at: httpbin)
        #expect(decision.allowed)
        #expect(decision.reason == "no ALLOW policy selects the workload")
    }

    /// `allow-nothing` in foo with `spec: {}`: "It allows nothing and effectively denies all
    /// requests to workloads in namespace foo".
    @Test func allowNothingDeniesEveryRequestOfItsNamespaceOnly() {
        let security = F.security(authz: [F.policy("allow-nothing", "foo")])
        let decision = security.authorize(request(from: sleep), at: httpbin)
        #expect(!decision.allowed)
        #expect(decision.action == nil && decision.policy == nil)
        #expect(decision.reason == "no ALLOW policy matched")
        #expect(security.authorize(request(from: sleep), at: F.workload("bar", "other")).allowed)
    }

    /// `allow-all` in foo with `rules: [{}]`: "allows all requests to workloads in namespace foo".
    @Test func allowAllWithOneEmptyRuleAllowsPlaintextToo() {
        let security = F.security(authz: [F.policy("allow-all", "foo", rules: [F.rule()])])
        let decision = security.authorize(request(from: nil, "POST", "/anything"), at: httpbin)
        #expect(decision.allowed)
        #expect(decision.action == .allow && decision.policy == "foo/allow-all" && decision.rule == 0)
    }

    /// A deny-all (`action: DENY`, `rules: [{}]`) wins over allow-all: DENY is evaluated before ALLOW.
    @Test func denyWinsOverAllow() {
        let security = F.security(authz: [
            F.policy("allow-all", "foo", rules: [F.rule()]),
            F.policy("deny-all", "foo", action: .deny, rules: [F.rule()]),
        ])
        let decision = security.authorize(request(from: sleep), at: httpbin)
        #expect(!decision.allowed)
        #expect(decision.action == .deny && decision.policy == "foo/deny-all" && decision.rule == 0)
    }

    /// A DENY policy without rules matches nothing (Istio's builder: `rbacPolicyMatchNever`).
    @Test func aDenyPolicyWithoutRulesDeniesNothing() {
        let security = F.security(authz: [F.policy("deny-nothing", "foo", action: .deny)])
        #expect(security.authorize(request(from: sleep), at: httpbin).allowed)
    }

    /// The reference's DENY example: requests from namespace dev with POST are denied in foo;
    /// a GET from dev and a POST from elsewhere are not.
    @Test func denyPostFromDev() {
        let security = F.security(authz: [
            F.policy("httpbin", "foo", action: .deny, rules: [F.rule(from: [F.source(namespaces: ["dev"])], to: [F.operation(methods: ["POST"])])]),
        ])
        #expect(!security.authorize(request(from: dev, "POST"), at: httpbin).allowed)
        #expect(security.authorize(request(from: dev, "GET"), at: httpbin).allowed)
        #expect(security.authorize(request(from: sleep, "POST"), at: httpbin).allowed)
        // Plaintext carries no namespace: the rule's `namespaces` cannot match it.
        #expect(security.authorize(request(from: nil, "POST"), at: httpbin).allowed)
    }

    /// The reference's first example: from principal sleep or namespace test; GET at `/info*`
    /// or POST at `/data`; when `request.auth.claims[iss]` is accounts.google.com.
    @Test func theReferenceAllowExample() {
        let rule = F.rule(
            from: [F.source(principals: ["cluster.local/ns/default/sa/sleep"]), F.source(namespaces: ["test"])],
            to: [F.operation(methods: ["GET"], paths: ["/info*"]), F.operation(methods: ["POST"], paths: ["/data"])],
            when: [F.when("request.auth.claims[iss]", ["https://accounts.google.com"])]
        )
        let security = F.security(authz: [F.policy("httpbin", "foo", action: .allow, rules: [rule])])
        let google = AuthenticationResult.authenticated(
            requestPrincipal: "https://accounts.google.com/alice", claims: ["iss": ["https://accounts.google.com"], "sub": ["alice"]],
            audiences: []
        )
        func decide(_ peer: WorkloadIdentity?, _ method: String, _ path: String, _ jwt: AuthenticationResult = google) -> Bool {
            security.authorize(AuthorizationRequest(mtlsPeer: peer, authentication: jwt, method: method, path: path), at: httpbin).allowed
        }
        #expect(decide(sleep, "GET", "/info/v1"))
        #expect(decide(F.workload("test", "anyone"), "POST", "/data"))
        #expect(!decide(sleep, "POST", "/info"))
        #expect(!decide(sleep, "GET", "/data"))
        #expect(!decide(dev, "GET", "/info"))
        #expect(!decide(sleep, "GET", "/info", .noToken))
        #expect(!decide(nil, "GET", "/info"))
    }

    /// "principals ... This field requires mTLS enabled": a plaintext request matches no
    /// `principals` value, not even `*`, so an ALLOW on principals denies it.
    @Test func principalsDenyPlaintext() {
        let security = F.security(authz: [F.policy("any-peer", "foo", rules: [F.rule(from: [F.source(principals: ["*"])])])])
        #expect(security.authorize(request(from: sleep), at: httpbin).allowed)
        #expect(!security.authorize(request(from: nil), at: httpbin).allowed)
    }

    /// Istio's security best practice to reject plaintext: DENY with `notPrincipals: ["*"]`.
    @Test func denyNotPrincipalsStarRejectsPlaintextOnly() {
        let security = F.security(authz: [
            F.policy("require-mtls", "foo", action: .deny, rules: [F.rule(from: [F.source(notPrincipals: ["*"])])]),
        ])
        #expect(!security.authorize(request(from: nil), at: httpbin).allowed)
        #expect(security.authorize(request(from: sleep), at: httpbin).allowed)
    }

    /// The reference's Operation example: `notPaths: ["/admin*"]` excludes the admin pages.
    @Test func notPathsExcludes() {
        let security = F.security(authz: [
            F.policy("public", "foo", rules: [F.rule(to: [F.operation(methods: ["GET", "HEAD"], notPaths: ["/admin*"])])]),
        ])
        #expect(security.authorize(request(from: sleep, "GET", "/products?page=2"), at: httpbin).allowed)
        #expect(!security.authorize(request(from: sleep, "GET", "/admin/users"), at: httpbin).allowed)
        #expect(!security.authorize(request(from: sleep, "GET", "/admin"), at: httpbin).allowed)
        #expect(!security.authorize(request(from: sleep, "POST", "/products"), at: httpbin).allowed)
    }

    /// CUSTOM is evaluated first; meshsim cannot ask the provider, so a matching CUSTOM policy is
    /// recorded and the request goes on to DENY and ALLOW (the reference: "the extension cannot
    /// bypass the authorization decision made by ALLOW and DENY action").
    @Test func customIsRecordedAndCannotBypassAllow() {
        let security = F.security(authz: [
            F.policy("ext-authz", "foo", action: .custom, provider: "my-custom-authz", rules: [F.rule(to: [F.operation(paths: ["/admin/*"])])]),
            F.policy("allow-nothing", "foo"),
        ])
        let decision = security.authorize(request(from: sleep, "GET", "/admin/x"), at: httpbin)
        #expect(!decision.allowed)
        #expect(decision.custom == ["foo/ext-authz"])
        #expect(security.authorize(request(from: sleep, "GET", "/x"), at: httpbin).custom.isEmpty)
    }

    /// AUDIT "does not affect whether requests are allowed or denied".
    @Test func auditChangesNothing() {
        let audit = F.policy("anyname", "foo", selector: ["app": "httpbin"], action: .audit, rules: [
            F.rule(to: [F.operation(methods: ["GET"], paths: ["/user/profile/*"])]),
        ])
        let alone = F.security(authz: [audit]).authorize(request(from: sleep, "GET", "/user/profile/7"), at: httpbin)
        #expect(alone.allowed && alone.action == nil)
        #expect(alone.audited == ["foo/anyname"])
        let withAllowNothing = F.security(authz: [audit, F.policy("allow-nothing", "foo")])
            .authorize(request(from: sleep, "GET", "/user/profile/7"), at: httpbin)
        #expect(!withAllowNothing.allowed)
        #expect(withAllowNothing.audited == ["foo/anyname"])
    }

    /// "If set to root namespace, the policy applies to all namespaces"; the reference's
    /// istio-system allow-nothing selecting `version: v1` denies v1 workloads everywhere.
    @Test func aRootNamespaceSelectorSelectsInEveryNamespace() {
        let security = F.security(authz: [F.policy("allow-nothing", "istio-system", selector: ["version": "v1"])])
        #expect(!security.authorize(request(from: sleep), at: F.workload("bar", "reviews", labels: ["version": "v1"])).allowed)
        #expect(security.authorize(request(from: sleep), at: F.workload("bar", "reviews", labels: ["version": "v2"])).allowed)
        // A selector in another namespace selects only there.
        let scoped = F.security(authz: [F.policy("allow-nothing", "bar", selector: ["app": "httpbin"])])
        #expect(scoped.authorize(request(from: sleep), at: httpbin).allowed)
    }

    @Test func theFirstMatchingRuleIsReported() {
        let security = F.security(authz: [
            F.policy("allow-methods", nil, rules: [F.rule(to: [F.operation(methods: ["POST"])]), F.rule(to: [F.operation(methods: ["GET"])])]),
        ])
        let decision = security.authorize(request(from: sleep, "GET"), at: httpbin)
        #expect(decision.allowed && decision.policy == "foo/allow-methods" && decision.rule == 1)
        #expect(decision.reason == "allowed by ALLOW policy foo/allow-methods rule 1")
    }
}
