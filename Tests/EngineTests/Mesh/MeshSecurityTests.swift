import Engine
import Scenario
import Testing

/// Sidecars, PeerAuthentication, RequestAuthentication and AuthorizationPolicy in whole runs,
/// against counts and latencies worked out by hand from Istio's documented behaviour: a
/// plaintext client is refused by a STRICT sidecar and accepted by a PERMISSIVE one
/// (istio.io concepts/security, "Peer authentication"); an ALLOW policy denies what none of
/// its rules match, a DENY policy wins over ALLOW, both answer 403 `RBAC: access denied`
/// ("Authorization policy"); a token that fails verification is answered 401
/// ("Request authentication").
@Suite struct MeshSecurityTests {
    typealias T = TestScenarios

    /// Two clients at 100 requests/s, evenly spaced, for 10 s: 1000 requests each. Latencies
    /// are constant: orders' own 10 ms, 1 ms per sidecar, 5 ms of mTLS under STRICT.
    private func twoClients(mtls: String, extra: String = "", legacy: String = "") -> String {
        """
        name: security
        duration: 10s
        clients:
          - { name: frontend, target: orders, rate: 100/s, arrival: uniform }
          - { name: legacy, target: orders, rate: 100/s, arrival: uniform, sidecar: false, namespace: legacy\(legacy) }
        mesh:
          enabled: true
          mtls: \(mtls)
          sidecarLatency: 1ms
          mtlsLatency: 5ms
        \(extra)
        services:
          orders:
            latency: 10ms
            concurrency: 100
        """
    }

    private func client(_ result: RunResult, _ name: String) -> ScopeSummary? {
        result.summary.first { $0.scope == .client && $0.name == name }
    }

    @Test func strictRefusesTheClientWithoutSidecarAsAConnectFailure() throws {
        let result = try MeshScenario.run(twoClients(mtls: "STRICT"))
        #expect(MeshScenario.count(result, .client, "legacy", code: 503, flag: "UF") == 1000)
        #expect(client(result, "legacy")?.counts.ok == 0)
        #expect(MeshScenario.count(result, .client, "frontend", code: 200, flag: "-") == 1000)
        // Both sidecars and mTLS: 10 + 1 + 1 + 5 ms.
        #expect(client(result, "frontend")?.latency?.max == 17 * T.ms)
        #expect(client(result, "frontend")?.latency?.p50 == 17 * T.ms)
    }

    @Test func permissiveAcceptsPlaintextThroughOneSidecar() throws {
        let result = try MeshScenario.run(twoClients(mtls: "PERMISSIVE"))
        #expect(MeshScenario.count(result, .client, "legacy", code: 200, flag: "-") == 1000)
        #expect(MeshScenario.count(result, .client, "frontend", code: 200, flag: "-") == 1000)
        // Only orders' inbound sidecar: 10 + 1 ms. With the caller's too: 12 ms, no mTLS latency.
        #expect(client(result, "legacy")?.latency?.max == 11 * T.ms)
        #expect(client(result, "legacy")?.latency?.p50 == 11 * T.ms)
        #expect(client(result, "frontend")?.latency?.max == 12 * T.ms)
        #expect(client(result, "frontend")?.latency?.p50 == 12 * T.ms)
    }

    @Test func aServiceWithoutSidecarIsReachedThroughTheCallersSidecarOnly() throws {
        let yaml = """
            name: no-sidecar-service
            duration: 10s
            clients:
              - { name: meshed, target: plain, rate: 100/s, arrival: uniform }
              - { name: bare, target: plain, rate: 100/s, arrival: uniform, sidecar: false }
            mesh: { enabled: true, mtls: STRICT, sidecarLatency: 1ms, mtlsLatency: 5ms }
            services:
              plain: { latency: 10ms, concurrency: 100, sidecar: false }
            """
        let result = try MeshScenario.run(yaml)
        // Auto mTLS sends plaintext to a workload without a sidecar: the caller's sidecar only.
        #expect(MeshScenario.count(result, .client, "meshed", code: 200, flag: "-") == 1000)
        #expect(client(result, "meshed")?.latency?.max == 11 * T.ms)
        // No proxy at all on the way: the service's own 10 ms.
        #expect(MeshScenario.count(result, .client, "bare", code: 200, flag: "-") == 1000)
        #expect(client(result, "bare")?.latency?.max == 10 * T.ms)
    }

    @Test func aNamespacePeerAuthenticationOverridesTheMeshDefault() throws {
        let strictShop = """
            peerAuthentications:
                - { name: default, namespace: default, mtls: { mode: STRICT } }
            """
        let result = try MeshScenario.run(twoClients(mtls: "PERMISSIVE", extra: "  " + strictShop))
        #expect(MeshScenario.count(result, .client, "legacy", code: 503, flag: "UF") == 1000)
        #expect(MeshScenario.count(result, .client, "frontend", code: 200, flag: "-") == 1000)
        #expect(client(result, "frontend")?.latency?.max == 17 * T.ms)
    }

    @Test func anAllowPolicyOnPrincipalsDeniesThePlaintextCaller() throws {
        let policy = """
            authorizationPolicies:
                - name: orders-allow
                  selector: { matchLabels: { app: orders } }
                  rules: [{ from: [{ source: { principals: ["cluster.local/ns/default/sa/frontend"] } }] }]
            """
        let result = try MeshScenario.run(twoClients(mtls: "PERMISSIVE", extra: "  " + policy))
        #expect(MeshScenario.count(result, .client, "legacy", code: 403, flag: "RBAC") == 1000)
        #expect(client(result, "legacy")?.counts.unauthorized == 1000)
        #expect(MeshScenario.count(result, .client, "frontend", code: 200, flag: "-") == 1000)
        // The 403 is the inbound sidecar's: after its 1 ms, without orders' 10 ms of work.
        #expect(client(result, "legacy")?.latency?.max == 1 * T.ms)
        // Counted where the answer came from: orders' only version.
        #expect(MeshScenario.count(result, .version, "orders/default", code: 403, flag: "RBAC") == 1000)
    }

    @Test func denyWinsOverAllow() throws {
        let yaml = """
            name: deny-precedence
            duration: 10s
            clients:
              - { name: frontend, target: orders, rate: 100/s, arrival: uniform }
              - { name: admin, target: orders, rate: 100/s, arrival: uniform, requests: [{ path: /admin/users }] }
            mesh:
              enabled: true
              authorizationPolicies:
                - { name: allow-default, rules: [{ from: [{ source: { namespaces: [default] } }] }] }
                - { name: deny-admin, action: DENY, rules: [{ to: [{ operation: { paths: ["/admin*"] } }] }] }
            services:
              orders: { latency: 10ms, concurrency: 100 }
            """
        let result = try MeshScenario.run(yaml)
        // Both clients are mTLS peers from namespace default, so allow-default matches both; deny-admin is
        // evaluated first and denies /admin/users.
        #expect(MeshScenario.count(result, .client, "admin", code: 403, flag: "RBAC") == 1000)
        #expect(MeshScenario.count(result, .client, "frontend", code: 200, flag: "-") == 1000)
    }

    @Test func aShareOfBadTokensIsAnswered401WithoutFlag() throws {
        let authentication = """
            requestAuthentications:
                - name: jwt
                  selector: { matchLabels: { app: orders } }
                  jwtRules: [{ issuer: issuer-a }]
            """
        let result = try MeshScenario.run(twoClients(
            mtls: "PERMISSIVE", extra: "  " + authentication,
            legacy: ", credential: { jwt: { iss: issuer-a, exp: 1h } }, invalidCredentials: 10%"))
        let rejected = MeshScenario.count(result, .client, "legacy", code: 401, flag: "-")
        // Binomial(1000, 0.1): mean 100, standard deviation √90 ≈ 9.5; four of them either side.
        #expect(abs(rejected - 100) <= 38, "\(rejected) rejected")
        #expect(MeshScenario.count(result, .client, "legacy", code: 200, flag: "-") == 1000 - rejected)
        // No token at all passes RequestAuthentication (no AuthorizationPolicy asks for one).
        #expect(MeshScenario.count(result, .client, "frontend", code: 200, flag: "-") == 1000)
    }

    @Test func aTokenOfAnUnknownIssuerOrExpiredIsRejected() throws {
        let authentication = """
            requestAuthentications:
                - name: jwt
                  jwtRules: [{ issuer: issuer-a }]
            """
        let unknown = try MeshScenario.run(twoClients(
            mtls: "PERMISSIVE", extra: "  " + authentication, legacy: ", credential: { jwt: { iss: issuer-b } }"))
        #expect(MeshScenario.count(unknown, .client, "legacy", code: 401, flag: "-") == 1000)
        let expired = try MeshScenario.run(twoClients(
            mtls: "PERMISSIVE", extra: "  " + authentication, legacy: ", credential: { jwt: { iss: issuer-a, exp: -2m } }"))
        #expect(MeshScenario.count(expired, .client, "legacy", code: 401, flag: "-") == 1000)
        // Within Envoy's 60 s of clock skew the token is still valid.
        let skewed = try MeshScenario.run(twoClients(
            mtls: "PERMISSIVE", extra: "  " + authentication, legacy: ", credential: { jwt: { iss: issuer-a, exp: -30s } }"))
        #expect(MeshScenario.count(skewed, .client, "legacy", code: 200, flag: "-") == 1000)
    }

    @Test func theTokenReachesTheFirstServiceOnly() throws {
        let yaml = """
            name: propagation
            duration: 10s
            clients:
              - { name: app, target: frontend, rate: 100/s, arrival: uniform, credential: { jwt: { iss: issuer-a, sub: alice } } }
            mesh:
              enabled: true
              requestAuthentications:
                - { name: jwt, jwtRules: [{ issuer: issuer-a }] }
              authorizationPolicies:
                - { name: users-only, rules: [{ from: [{ source: { requestPrincipals: ["*"] } }] }] }
            services:
              frontend: { latency: 1ms, concurrency: 100, calls: [{ service: orders }] }
              orders: { latency: 1ms, concurrency: 100 }
            """
        let result = try MeshScenario.run(yaml)
        // frontend sees issuer-a/alice and allows; the app does not forward the token, so
        // orders sees no request principal and denies. A call's 4xx is not a failure of the
        // caller (`onCallFailure` counts 5xx), so frontend still answers 200.
        #expect(MeshScenario.count(result, .service, "orders", code: 403, flag: "RBAC") == 1000)
        #expect(MeshScenario.count(result, .service, "frontend", code: 200, flag: "-") == 1000)
    }
}
