import Policy
import Scenario
import Testing

/// Field matching as Istio compiles AuthorizationPolicy rules (authorization_policy.proto `Rule`:
/// "Exact match: abc will match on value abc. Prefix match: abc* will match on value abc and
/// abcd. Suffix match: *abc will match on value abc and xabc. Presence match: * will match when
/// value is not empty"; pilot/pkg/security/authz/model/generator.go for each field).
@Suite struct AuthorizationMatchingTests {
    typealias F = SecurityFixture
    let target = F.workload("foo", "httpbin")

    func allowed(_ rule: AuthorizationPolicy.Rule, _ request: AuthorizationRequest) -> Bool {
        F.security(authz: [F.policy("p", "foo", rules: [rule])]).authorize(request, at: target).allowed
    }

    func path(_ patterns: [String], _ path: String) -> Bool {
        allowed(F.rule(to: [F.operation(paths: patterns)]), AuthorizationRequest(path: path))
    }

    @Test func theFourStringForms() {
        #expect(path(["abc"], "abc") && !path(["abc"], "abcd"))
        #expect(path(["abc*"], "abc") && path(["abc*"], "abcd") && !path(["abc*"], "xabc"))
        #expect(path(["*abc"], "abc") && path(["*abc"], "xabc") && !path(["*abc"], "abcd"))
        #expect(path(["*"], "/anything"))
        // A `*` inside a value is a literal character.
        #expect(path(["/a*b"], "/a*b") && !path(["/a*b"], "/axb"))
    }

    @Test func pathsIgnoreTheQueryString() {
        #expect(path(["/data"], "/data?x=1"))
    }

    /// authorization_policy.proto `Operation.paths`: "`/foo/{*}` matches `/foo/bar` but not
    /// `/foo/bar/baz`"; "`/foo/{*}/bar/{**}` matches `/foo/buzz/bar/` and `/foo/buzz/bar/baz`".
    @Test func pathTemplates() {
        #expect(path(["/foo/{*}"], "/foo/bar"))
        #expect(!path(["/foo/{*}"], "/foo/bar/baz"))
        #expect(!path(["/foo/{*}"], "/foo/"))
        #expect(path(["/foo/{*}/bar/{**}"], "/foo/buzz/bar/"))
        #expect(path(["/foo/{*}/bar/{**}"], "/foo/buzz/bar/baz"))
        #expect(!path(["/foo/{*}/bar/{**}"], "/foo/buzz/qux/baz"))
        #expect(path(["/foo/{**}/"], "/foo/bar/") && path(["/foo/{**}/"], "/foo//") && !path(["/foo/{**}/"], "/foo/bar"))
    }

    /// `Operation.hosts`: "The match is case-insensitive"; methods are not.
    @Test func hostsIgnoreCaseMethodsDoNot() {
        let hosts = F.rule(to: [F.operation(hosts: ["*.Example.com"])])
        #expect(allowed(hosts, AuthorizationRequest(host: "api.example.COM")))
        #expect(!allowed(hosts, AuthorizationRequest(host: nil)))
        let methods = F.rule(to: [F.operation(methods: ["GET"])])
        #expect(!allowed(methods, AuthorizationRequest(method: "get")))
    }

    @Test func portsAreNumbersComparedExactly() {
        let rule = F.rule(to: [F.operation(ports: ["8080"])])
        #expect(allowed(rule, AuthorizationRequest(port: 8080)))
        #expect(!allowed(rule, AuthorizationRequest(port: 9090)))
        #expect(!allowed(rule, AuthorizationRequest(port: nil)))
    }

    /// Istio adds `spiffe://` in front of each principal value, so one written with it never matches.
    @Test func principalsAreWrittenWithoutSpiffe() {
        let request = AuthorizationRequest(mtlsPeer: F.workload("default", "sleep"), authentication: .noToken)
        #expect(allowed(F.rule(from: [F.source(principals: ["cluster.local/ns/default/sa/sleep"])]), request))
        #expect(allowed(F.rule(from: [F.source(principals: ["*/sa/sleep"])]), request))
        #expect(allowed(F.rule(from: [F.source(principals: ["cluster.local/ns/default/*"])]), request))
        #expect(!allowed(F.rule(from: [F.source(principals: ["spiffe://cluster.local/ns/default/sa/sleep"])]), request))
    }

    /// `namespaces` is the regex `.*/ns/NS/.*` over the SPIFFE id, `*` anywhere in the value.
    @Test func namespacesMatchTheCertificatesNamespace() {
        let request = AuthorizationRequest(mtlsPeer: F.workload("team-prod", "api"), authentication: .noToken)
        #expect(allowed(F.rule(from: [F.source(namespaces: ["team-prod"])]), request))
        #expect(allowed(F.rule(from: [F.source(namespaces: ["team-*"])]), request))
        #expect(allowed(F.rule(from: [F.source(namespaces: ["*-prod"])]), request))
        #expect(allowed(F.rule(from: [F.source(namespaces: ["t*d"])]), request))
        #expect(!allowed(F.rule(from: [F.source(namespaces: ["team"])]), request))
        #expect(!allowed(F.rule(from: [F.source(notNamespaces: ["team-prod"])]), request))
        // Plaintext: no namespace; `notNamespaces` then does not exclude.
        let plaintext = AuthorizationRequest(mtlsPeer: nil, authentication: .noToken)
        #expect(!allowed(F.rule(from: [F.source(namespaces: ["*"])]), plaintext))
        #expect(allowed(F.rule(from: [F.source(notNamespaces: ["team-prod"])]), plaintext))
    }

    /// `requestPrincipals` `ISS/SUB`, the issuer and subject compared apart (requestPrincipalGenerator).
    @Test func requestPrincipals() {
        let alice = AuthorizationRequest(mtlsPeer: nil, authentication: .authenticated(
            requestPrincipal: "https://issuer.example.com/alice",
            claims: ["iss": ["https://issuer.example.com"], "sub": ["alice"]], audiences: []
        ))
        func rp(_ value: String) -> Bool { allowed(F.rule(from: [F.source(requestPrincipals: [value])]), alice) }
        #expect(rp("https://issuer.example.com/alice"))
        #expect(rp("*"))
        #expect(rp("https://issuer.example.com/*"))
        #expect(rp("*/alice"))
        #expect(rp("*.example.com/alice"))
        #expect(rp("https:*"))
        // Istio splits at the last `/`, here inside `https://`: issuer `https:/` exact, subject
        // prefix `issuer.`, which this token does not have.
        #expect(!rp("https://issuer.*"))
        #expect(rp("*lice"))
        #expect(!rp("https://issuer.example.com/bob"))
        #expect(!rp("https://other.example.com/*"))
        #expect(!allowed(F.rule(from: [F.source(requestPrincipals: ["*"])]), AuthorizationRequest()))
        #expect(allowed(F.rule(from: [F.source(notRequestPrincipals: ["*"])]), AuthorizationRequest()))
    }

    @Test func headerAndClaimConditions() {
        let request = AuthorizationRequest(
            claims: ["groups": ["dev", "admin"]], headers: [Header(name: "X-Tenant", value: "acme-eu"), Header(name: "x-empty", value: "")]
        )
        func when(_ condition: AuthorizationPolicy.Condition) -> Bool { allowed(F.rule(when: [condition]), request) }
        #expect(when(F.when("request.headers[x-tenant]", ["acme*"])))
        #expect(!when(F.when("request.headers[x-tenant]", ["acme"])))
        #expect(!when(F.when("request.headers[x-tenant]", not: ["*-eu"])))
        // `*` on a header is Envoy's present match: an empty header is present.
        #expect(when(F.when("request.headers[x-empty]", ["*"])))
        #expect(!when(F.when("request.headers[x-missing]", ["*"])))
        #expect(when(F.when("request.headers[x-missing]", not: ["*"])))
        // A list claim matches when any of its values does.
        #expect(when(F.when("request.auth.claims[groups]", ["admin"])))
        #expect(!when(F.when("request.auth.claims[groups]", ["ops"])))
        // Every condition of a rule must hold.
        #expect(!allowed(F.rule(when: [F.when("request.auth.claims[groups]", ["admin"]), F.when("request.headers[x-tenant]", ["other"])]), request))
    }

    @Test func peerConditions() {
        let request = AuthorizationRequest(mtlsPeer: F.workload("default", "sleep"), authentication: .noToken, port: 8080)
        func when(_ condition: AuthorizationPolicy.Condition) -> Bool { allowed(F.rule(when: [condition]), request) }
        #expect(when(F.when("source.namespace", ["default"])))
        #expect(when(F.when("source.principal", ["cluster.local/ns/default/sa/sleep"])))
        #expect(when(F.when("source.serviceAccount", ["default/sleep"])))
        #expect(!when(F.when("source.serviceAccount", ["sleep"])))  // the policy's namespace is foo
        #expect(when(F.when("destination.port", ["8080"])))
        #expect(!when(F.when("source.ip", ["10.0.0.1"])))
        #expect(when(F.when("source.ip", not: ["10.0.0.1"])))
        // An attribute Istio does not know makes it skip the rule.
        #expect(!when(F.when("request.method", ["GET"])))
    }
}
