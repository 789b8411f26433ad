import Testing
@testable import Scenario

/// Who a workload is in the mesh: a service version's, a client's and the gateway's
/// `sidecar`, `namespace`, `serviceAccount` and `labels`, and a client's JWT claims.
@Suite struct DecodeWorkloadIdentityTests {
    private func decoded(_ text: String, namespace: String = "default") -> Scenario? {
        let (scenario, diagnostics) = DecodeSecurityPolicyTests.decode(DecodeFixture.header + text, namespace: namespace)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { Issue.record("unexpected errors:\n\(errors.map(\.description).joined(separator: "\n"))") }
        return scenario
    }

    private func messages(_ text: String) -> [String] {
        DecodeSecurityPolicyTests.decode(DecodeFixture.header + text).diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
        }
    }

    @Test func serviceDefaultsComeFromTheScenarioNamespaceAndNames() throws {
        let scenario = try #require(decoded(DecodeFixture.client + DecodeFixture.service, namespace: "shop"))
        let orders = try #require(scenario.services.first)
        #expect(orders.namespace == "shop" && orders.port == nil)
        let identity = try #require(orders.versions.first?.identity)
        #expect(identity == WorkloadIdentity(sidecar: true, namespace: "shop", serviceAccount: "orders", labels: ["app": "orders", "version": "default"]))
        #expect(identity.principal == "cluster.local/ns/shop/sa/orders")
    }

    @Test func versionsInheritAndOverride() throws {
        let scenario = try #require(decoded(DecodeFixture.client + """
            services:
              orders:
                namespace: payments
                port: 8080
                sidecar: false
                serviceAccount: orders-sa
                labels: { team: pay, app: ordering }
                versions:
                  v1: {}
                  v2: { sidecar: true, serviceAccount: orders-v2, labels: { team: checkout, canary: "true", version: two } }
            """))
        let orders = try #require(scenario.services.first)
        #expect(orders.namespace == "payments" && orders.port == 8080)
        let v1 = try #require(orders.versions.first?.identity)
        #expect(v1 == WorkloadIdentity(
            sidecar: false, namespace: "payments", serviceAccount: "orders-sa", labels: ["app": "ordering", "version": "v1", "team": "pay"]))
        let v2 = try #require(orders.versions.last?.identity)
        #expect(v2 == WorkloadIdentity(
            sidecar: true, namespace: "payments", serviceAccount: "orders-v2",
            labels: ["app": "ordering", "version": "two", "team": "checkout", "canary": "true"]))
    }

    @Test func identityErrors() {
        let lines = messages(DecodeFixture.client + """
            services:
              orders:
                namespace: Shop
                port: 70000
                serviceAccount: "orders/sa"
                labels: [a]
                versions: { v1: { namespace: x, sidecar: maybe } }
            """)
        #expect(lines == [
            "6:16: error: services.orders.namespace must be a Kubernetes namespace name (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit), not 'Shop'",
            "7:11: error: services.orders.port must be between 1 and 65535, not 70000",
            "8:21: error: services.orders.serviceAccount must be a Kubernetes service account name (lower-case letters, digits, '-' and '.', at most 253, starting and ending with a letter or digit), not 'orders/sa'",
            "9:13: error: services.orders.labels must be a mapping, not a list",
            "10:23: error: unknown key 'namespace' in services.orders.versions.v1; valid keys are: replicas, concurrency, queue, latency, errors, errorStatus, calls, onCallFailure, zone, zones, sidecar, serviceAccount, labels, trafficPolicy",
            "10:46: error: services.orders.versions.v1.sidecar must be true or false, not 'maybe'",
        ])
    }

    @Test func clientIdentityAndClaims() throws {
        let scenario = try #require(decoded("""
            clients:
              - name: legacy
                target: orders
                rate: 10/s
                sidecar: false
                namespace: legacy
                serviceAccount: batch
                credential: { jwt: { iss: issuer-a, sub: alice, aud: shop, claims: { groups: [admin, ops], tenant: acme } } }
              - { name: web, target: orders, rate: 1/s, credential: { jwt: { iss: issuer-a, aud: [shop, api] } } }
            services: { orders: {} }
            """, namespace: "shop"))
        let legacy = scenario.clients[0]
        #expect(legacy.identity == WorkloadIdentity(sidecar: false, namespace: "legacy", serviceAccount: "batch"))
        #expect(legacy.jwtClaims == JWTClaims(subject: "alice", audiences: ["shop"], claims: ["groups": ["admin", "ops"], "tenant": ["acme"]]))
        #expect(legacy.credential == .jwt(issuer: "issuer-a", expiresIn: nil, notBefore: nil))
        let web = scenario.clients[1]
        #expect(web.identity == WorkloadIdentity(sidecar: true, namespace: "shop", serviceAccount: "web"))
        #expect(web.jwtClaims == JWTClaims(subject: nil, audiences: ["shop", "api"]))
    }

    @Test func clientMessages() {
        let lines = messages("""
            gateway: {}
            clients:
              - { name: a, rate: 1/s, sidecar: false, serviceAccount: x }
              - { name: b, target: orders, rate: 1/s, credential: { jwt: { iss: i, claims: { sub: x, n: { a: b } } } } }
            services: { orders: {} }
            """)
        #expect(lines == [
            "5:27: warning: clients[0].sidecar has no effect: a client of the gateway calls it from outside the mesh (only a client that targets a service is a mesh workload)",
            "5:43: warning: clients[0].serviceAccount has no effect: a client of the gateway calls it from outside the mesh (only a client that targets a service is a mesh workload)",
            "6:82: error: clients[1].credential.jwt.claims.sub: write the sub claim as clients[1].credential.jwt.sub",
            "6:93: error: clients[1].credential.jwt.claims.n must be a string, not a mapping",
        ])
    }

    @Test func gatewayIdentity() throws {
        let plain = try #require(decoded("gateway: {}\n" + DecodeFixture.client + DecodeFixture.service)?.gateway)
        #expect(plain.identity == WorkloadIdentity(sidecar: true, namespace: "kong", serviceAccount: "kong", labels: ["app": "kong"]))
        let written = try #require(decoded("""
            gateway: { sidecar: false, namespace: edge, serviceAccount: kong-proxy, labels: { app: gw, tier: edge } }
            """ + "\n" + DecodeFixture.client + DecodeFixture.service)?.gateway)
        #expect(written.identity == WorkloadIdentity(sidecar: false, namespace: "edge", serviceAccount: "kong-proxy", labels: ["app": "gw", "tier": "edge"]))
        #expect(written.identity.principal == "cluster.local/ns/edge/sa/kong-proxy")
    }

    @Test func istioGatewayDefaults() {
        let identity = GatewayIdentityDecoder.defaults(for: .istio)
        #expect(identity.principal == "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account")
        #expect(identity.labels == ["app": "istio-ingressgateway", "istio": "ingressgateway"])
    }
}
