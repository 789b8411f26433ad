import Engine
import Scenario
import Testing

/// Istio's ingress gateway enforces the RequestAuthentications and AuthorizationPolicies that
/// select it (its labels in istio-system) before it routes, with the client as a plaintext
/// source; a 401 or 403 is the replica's own answer after `gateway.latency`. With
/// `forwardOriginalToken: false` (Istio's default) it strips the token it verified.
@Suite struct IstioGatewaySecurityTests {
    typealias T = TestScenarios

    private func edge(
        clients: String, policies: String, http: String = "[{ route: [{ destination: { host: s } }] }]",
        services: String = "s: { latency: 10ms, concurrency: 100 }"
    ) -> String {
        """
        name: edge-security
        duration: 10s
        clients:
        \(clients)
        gateway:
          kind: istio
          latency: 2ms
          http: \(http)
        mesh:
          enabled: true
        \(policies)
        services:
          \(services)
        """
    }

    @Test func aDenyAtTheGatewayAnswers403WithoutTouchingTheService() throws {
        let yaml = edge(
            clients: "  - { name: web, rate: 100/s, arrival: uniform, requests: [{ path: /admin }] }",
            policies: """
                  authorizationPolicies:
                    - name: no-admin
                      namespace: istio-system
                      selector: { matchLabels: { istio: ingressgateway } }
                      action: DENY
                      rules: [{ to: [{ operation: { paths: ["/admin"] } }] }]
                """)
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .client, "web", code: 403, flag: "RBAC") == 1000)
        #expect(T.row(result, .client, "web")?.counts.unauthorized == 1000)
        // Counted on the matched rule, as the local rate limit's 429 is.
        #expect(T.row(result, .route, "http[0]")?.counts.unauthorized == 1000)
        // The gateway's own answer: its 2 ms, none of s's 10 ms, and s never sees a request.
        #expect(T.row(result, .client, "web")?.latency?.max == 2 * T.ms)
        #expect(T.row(result, .version, "s/default")?.counts.requests ?? 0 == 0)
    }

    @Test func theRBACFilterAnswersBeforeTheRouterFindsNoRule() throws {
        let yaml = edge(
            clients: "  - { name: web, rate: 100/s, arrival: uniform, requests: [{ path: /admin }] }",
            policies: """
                  authorizationPolicies:
                    - { name: no-admin, namespace: istio-system, action: DENY, rules: [{ to: [{ operation: { paths: ["/admin"] } }] }] }
                """,
            http: "[{ match: [{ uri: { prefix: /api } }], route: [{ destination: { host: s } }] }]")
        let result = try MeshScenario.run(yaml)
        // A root-namespace policy without selector selects the gateway too; no rule matches
        // /admin, but Envoy's RBAC filter runs before the router: 403, not 404 NR.
        #expect(MeshScenario.count(result, .client, "web", code: 403, flag: "RBAC") == 1000)
        #expect(MeshScenario.count(result, .client, "web", code: 404, flag: "NR") == 0)
    }

    @Test func theGatewayRejectsBadTokensWith401AndRequestsWithoutTokenWith403() throws {
        let yaml = edge(
            clients: """
                  - { name: web, rate: 100/s, arrival: uniform, credential: { jwt: { iss: issuer-a } }, invalidCredentials: 10% }
                  - { name: anon, rate: 100/s, arrival: uniform }
                """,
            policies: """
                  requestAuthentications:
                    - name: jwt
                      namespace: istio-system
                      selector: { matchLabels: { app: istio-ingressgateway } }
                      jwtRules: [{ issuer: issuer-a }]
                  authorizationPolicies:
                    - name: users-only
                      namespace: istio-system
                      selector: { matchLabels: { app: istio-ingressgateway } }
                      rules: [{ from: [{ source: { requestPrincipals: ["*"] } }] }]
                """)
        let result = try MeshScenario.run(yaml)
        let rejected = MeshScenario.count(result, .client, "web", code: 401, flag: "-")
        // Binomial(1000, 0.1): mean 100, standard deviation √90 ≈ 9.5; four of them either side.
        #expect(abs(rejected - 100) <= 38, "\(rejected) rejected")
        #expect(MeshScenario.count(result, .client, "web", code: 200, flag: "-") == 1000 - rejected)
        // No token: jwt_authn passes it without a request principal, and the ALLOW wants one.
        #expect(MeshScenario.count(result, .client, "anon", code: 403, flag: "RBAC") == 1000)
        #expect(T.row(result, .client, "anon")?.counts.unauthorized == 1000)
        #expect(T.row(result, .version, "s/default")?.counts.requests == 1000 - rejected)
    }

    private func forwarding(_ forward: Bool) -> String {
        edge(
            clients: "  - { name: web, rate: 100/s, arrival: uniform, credential: { jwt: { iss: issuer-a, sub: alice } } }",
            policies: """
                  requestAuthentications:
                    - name: edge-jwt
                      namespace: istio-system
                      selector: { matchLabels: { istio: ingressgateway } }
                      jwtRules: [{ issuer: issuer-a, forwardOriginalToken: \(forward) }]
                    - name: s-jwt
                      selector: { matchLabels: { app: s } }
                      jwtRules: [{ issuer: issuer-a }]
                  authorizationPolicies:
                    - name: s-users-only
                      selector: { matchLabels: { app: s } }
                      rules: [{ from: [{ source: { requestPrincipals: ["*"] } }] }]
                """)
    }

    @Test func aGatewayThatDoesNotForwardTheTokenLeavesTheServiceWithoutARequestPrincipal() throws {
        // Envoy's jwt_authn removes a token it verified unless the provider forwards it
        // (Istio: forwardOriginalToken, default false): s sees no token and its ALLOW denies.
        let stripped = try MeshScenario.run(forwarding(false))
        #expect(MeshScenario.count(stripped, .client, "web", code: 403, flag: "RBAC") == 1000)
        #expect(MeshScenario.count(stripped, .version, "s/default", code: 403, flag: "RBAC") == 1000)
        let forwarded = try MeshScenario.run(forwarding(true))
        #expect(MeshScenario.count(forwarded, .client, "web", code: 200, flag: "-") == 1000)
    }
}
