@testable import MeshsimCLI
import Scenario
import Testing

/// `eval`'s security stages (doc-secpolicy "eval"): client web (or legacy, without a sidecar)
/// calls orders v1 in namespace shop directly. Values worked by hand from the istio.io
/// reference rules the Policy tests check.
@Suite struct EvalSecurityTests {
    let here = SourceLocation(file: "s.yaml", line: 1, column: 1)

    func scenario(sidecar: Bool = true, token: Credential? = nil, _ configure: (inout Mesh) -> Void = { _ in }) -> Scenario {
        var client = Client(name: "web", target: .service("orders"), arrival: .rate(1, .poisson), credential: token, location: here)
        client.identity = WorkloadIdentity(sidecar: sidecar, namespace: "shop", serviceAccount: "web")
        client.jwtClaims = JWTClaims(subject: "alice")
        var version = ServiceVersion(name: "v1", location: here)
        version.identity = WorkloadIdentity(namespace: "shop", serviceAccount: "orders", labels: ["app": "orders", "version": "v1"])
        var service = Service(name: "orders", versions: [version], location: here)
        service.namespace = "shop"
        var mesh = Mesh(enabled: true, mtls: .permissive)
        configure(&mesh)
        var scenario = Scenario(name: "t", duration: 60_000_000_000, clients: [client], mesh: mesh, services: [service])
        scenario.namespace = "shop"
        return scenario
    }

    /// The stages' text by stage name (the first line of each), and the verdict of the request.
    func eval(_ scenario: Scenario, path: String = "/api/orders") -> (stages: [String: String], verdict: String) {
        let request = EvalRequest(method: "GET", path: path, headers: [], client: scenario.clients.first, at: 0)
        var sequence = EvalSequence(scenario: scenario, request: request, every: 1_000_000_000)
        let text = sequence.run(count: 2)
        var stages: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, stages[String(parts[0])] == nil else { continue }
            stages[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let tally = text.split(separator: "\n").last.map(String.init) ?? ""
        return (stages, tally)
    }

    func strict(_ mesh: inout Mesh) {
        mesh.peerAuthentications = [PeerAuthentication(name: "default", namespace: "shop", mode: .strict, location: here)]
    }

    func allow(principals: [String]) -> AuthorizationPolicy {
        var source = AuthorizationPolicy.Source(location: here)
        source.principals = principals
        return AuthorizationPolicy(
            name: "orders-allow", selector: WorkloadSelector(matchLabels: ["app": "orders"], location: here),
            rules: [AuthorizationPolicy.Rule(from: [source], location: here)], location: here
        )
    }

    @Test func withoutSecurityNothingChanges() {
        let (stages, verdict) = eval(scenario())
        #expect(stages["mtls"] == nil && stages["peer"] == nil && stages["authz"] == nil)
        #expect(verdict == "2 requests every 1s from 0s: reaches orders: 2")
    }

    @Test func anAllowedMTLSCall() {
        let (stages, verdict) = eval(scenario {
            strict(&$0)
            $0.authorizationPolicies = [allow(principals: ["cluster.local/ns/shop/sa/web"])]
        })
        #expect(stages["mtls"] == "orders/v1 is STRICT (PeerAuthentication shop/default)")
        #expect(stages["peer"] == "client web: cluster.local/ns/shop/sa/web (mTLS)")
        #expect(stages["jwt"] == "no RequestAuthentication selects orders/v1: no request principal")
        #expect(stages["authz"] == "ALLOW shop/orders-allow rule 0: allowed")
        #expect(verdict.hasSuffix("reaches orders: 2"))
    }

    @Test func aPlaintextCallerIsRefusedByStrict() {
        let (stages, verdict) = eval(scenario(sidecar: false, strict))
        #expect(stages["mesh"] == "route  client web has no sidecar: it calls the Kubernetes Service orders directly (no VirtualService, no DestinationRule)")
        #expect(stages["peer"] == "client web has no sidecar: plaintext, no principal; a STRICT sidecar refuses it")
        #expect(verdict.hasSuffix("connection refused (connect failure): orders/v1 is STRICT and client web has no sidecar: 2"))
    }

    /// PERMISSIVE takes the plaintext call, which then has no principal for the ALLOW.
    @Test func aPlaintextCallerHasNoPrincipal() {
        let (stages, verdict) = eval(scenario(sidecar: false) { $0.authorizationPolicies = [allow(principals: ["*"])] })
        #expect(stages["mtls"] == "orders/v1 is PERMISSIVE (mesh.mtls)")
        #expect(stages["peer"] == "client web has no sidecar: plaintext, no principal")
        #expect(stages["authz"] == "no ALLOW policy matched: 403 RBAC: access denied")
        #expect(verdict.hasSuffix("403 (RBAC): no ALLOW policy matched at orders/v1: 2"))
    }

    @Test func aDenyNamesItsPolicyAndRule() {
        var source = AuthorizationPolicy.Source(location: here)
        source.namespaces = ["shop"]
        let deny = AuthorizationPolicy(
            name: "no-shop", namespace: "shop", action: .deny,
            rules: [AuthorizationPolicy.Rule(to: [], when: [AuthorizationPolicy.Condition(key: "request.headers[x-none]", values: ["*"], location: here)], location: here),
                    AuthorizationPolicy.Rule(from: [source], location: here)],
            location: here
        )
        let (stages, verdict) = eval(scenario { $0.authorizationPolicies = [deny] })
        #expect(stages["authz"] == "DENY shop/no-shop rule 1: 403 RBAC: access denied")
        #expect(verdict.hasSuffix("403 (RBAC): DENY shop/no-shop at orders/v1: 2"))
    }

    /// An expired token (exp 2 minutes before sending, beyond Envoy's 60 s skew) → 401.
    @Test func anExpiredTokenIs401() {
        let rule = RequestAuthentication.JWTRule(issuer: "issuer-a", location: here)
        let jwt = RequestAuthentication(name: "jwt", jwtRules: [rule], location: here)
        let expired = eval(scenario(token: .jwt(issuer: "issuer-a", expiresIn: -120_000_000_000, notBefore: nil)) { $0.requestAuthentications = [jwt] })
        #expect(expired.stages["jwt"] == "401 Jwt is expired: the sidecar answers")
        #expect(expired.verdict.hasSuffix("401: Jwt is expired at orders/v1: 2"))
        let valid = eval(scenario(token: .jwt(issuer: "issuer-a", expiresIn: -30_000_000_000, notBefore: nil)) { $0.requestAuthentications = [jwt] })
        #expect(valid.stages["jwt"] == "valid: request principal issuer-a/alice")
    }
}
