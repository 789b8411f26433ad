import Testing
@testable import Scenario

/// `validate`'s checks on security policies and workload identities, on whole scenarios.
@Suite struct SecurityPolicyCheckTests {
    /// Every diagnostic of the scenario `text` (decoded and validated) as `LINE:COLUMN: severity: message`.
    private func messages(_ text: String) -> [String] {
        ScenarioLoader.load(text: DecodeFixture.header + text, file: DecodeFixture.file).diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)"
        }
    }

    /// Lines 3–6: a client of orders, which has versions v1 and v2, and a Kong gateway.
    private let base = """
        clients: [{ name: web, rate: 10/s, target: orders }]
        gateway: {}
        services:
          orders: { versions: { v1: {}, v2: { labels: { track: canary } } } }

        """

    @Test func policiesThatSelectAWorkloadSayNothing() {
        #expect(messages(base + """
            mesh:
              enabled: true
              peerAuthentications:
                - { name: default, namespace: istio-system, mtls: { mode: STRICT } }
                - { name: orders, selector: { matchLabels: { app: orders } }, mtls: { mode: STRICT } }
              authorizationPolicies:
                - { name: canary, selector: { matchLabels: { track: canary } }, rules: [{}] }
                - { name: kong, namespace: kong, rules: [{}] }
                - { name: everywhere, namespace: istio-system, selector: { matchLabels: { version: v1 } }, rules: [{}] }
              requestAuthentications: [{ name: jwt, jwtRules: [{ issuer: a }] }]
            """) == [])
    }

    /// Istio prefixes every principal with spiffe:// itself (pilot's srcPrincipalGenerator), so
    /// `spiffe://cluster.local/...` is matched as `spiffe://spiffe://cluster.local/...`: never.
    @Test func aPrincipalWrittenWithSpiffeNeverMatches() {
        let warnings = messages(base + """
            mesh:
              enabled: true
              authorizationPolicies:
                - name: deny
                  action: DENY
                  rules: [{ from: [{ source: { notPrincipals: ["spiffe://cluster.local/ns/kong/sa/kong", "cluster.local/ns/default/sa/web"] } }] }]
            """).filter { $0.contains("spiffe") }
        #expect(warnings == [
            "12:52: warning: mesh.authorizationPolicies[0].rules[0].from[0].source.notPrincipals 'spiffe://cluster.local/ns/kong/sa/kong' never matches: Istio adds spiffe:// itself; write 'cluster.local/ns/kong/sa/kong'",
        ])
    }

    @Test func selectorsThatSelectNothing() {
        #expect(messages(base + """
            mesh:
              enabled: true
              peerAuthentications:
                - { name: a, selector: { matchLabels: { app: order } } }
                - { name: b, namespace: shop }
              authorizationPolicies:
                - { name: c, namespace: kong, selector: { matchLabels: { app: orders } } }
                - { name: d, namespace: istio-system, selector: { matchLabels: { app: orders, track: stable } } }
            """) == [
            "10:28: warning: PeerAuthentication default/a selects no workload: no service version or gateway in namespace default with the labels app=order",
            "11:7: warning: PeerAuthentication shop/b selects no workload: no service version or gateway in namespace shop",
            "13:45: warning: AuthorizationPolicy kong/c selects no workload: no service version or gateway in namespace kong with the labels app=orders",
            "14:53: warning: AuthorizationPolicy istio-system/d selects no workload: no service version or gateway in the mesh with the labels app=orders, track=stable",
        ])
    }

    @Test func policiesOnWorkloadsWithoutSidecars() {
        #expect(messages("""
            clients: [{ name: web, rate: 10/s, target: orders }]
            services: { orders: { sidecar: false } }
            mesh:
              enabled: true
              authorizationPolicies: [{ name: deny, action: DENY, rules: [{}] }]
            """) == [
            "7:27: warning: AuthorizationPolicy default/deny selects only workloads without a sidecar (orders (default)), where no proxy enforces it",
        ])
    }

    @Test func customPoliciesPass() {
        #expect(messages(base + """
            mesh:
              enabled: true
              authorizationPolicies: [{ name: ext, action: CUSTOM, provider: { name: opa }, rules: [{}] }]
            """) == [
            "9:27: warning: AuthorizationPolicy default/ext: meshsim cannot run the external authorizer 'opa' of a CUSTOM policy, so its requests pass as if it allowed them",
        ])
    }

    @Test func withTheMeshOffIdentitiesAndPoliciesDoNothing() {
        #expect(messages("""
            clients:
              - { name: web, rate: 10/s, target: orders, sidecar: false }
              - { name: edge, rate: 10/s, target: gateway }
            gateway: { sidecar: false }
            services: { orders: { versions: { v1: { sidecar: false }, v2: {} } } }
            mesh:
              peerAuthentications: [{ name: a }]
            """) == [
            "4:5: warning: clients[0].sidecar: false has no effect while mesh.enabled is false (no workload has a sidecar)",
            "6:10: warning: gateway.sidecar: false has no effect while mesh.enabled is false (no workload has a sidecar)",
            "7:39: warning: services.orders.versions.v1.sidecar: false has no effect while mesh.enabled is false (no workload has a sidecar)",
            "9:25: warning: mesh.peerAuthentications is inactive while mesh.enabled is false",
        ])
    }

    @Test func peerAuthenticationsAtOneLevel() {
        #expect(messages(base + """
            mesh:
              enabled: true
              peerAuthentications:
                - { name: a, namespace: istio-system, mtls: { mode: STRICT } }
                - { name: b, namespace: istio-system, mtls: { mode: PERMISSIVE } }
                - { name: c, mtls: { mode: STRICT } }
                - { name: d, mtls: { mode: DISABLE } }
                - { name: e, selector: { matchLabels: { app: orders } }, portLevelMtls: { 8080: { mode: DISABLE } } }
                - { name: f, selector: { matchLabels: { version: v2 } } }
            """) == [
            "11:7: warning: PeerAuthentication istio-system/b is a second mesh-wide policy after istio-system/a: Istio keeps the oldest; meshsim keeps the first in the file, istio-system/a",
            "13:7: warning: PeerAuthentication default/d is a second namespace-wide policy in default after default/c: Istio keeps the oldest; meshsim keeps the first in the file, default/c",
            "14:7: warning: PeerAuthentication default/e: portLevelMtls 8080 never applies: no workload it selects serves on port 8080 (set services.NAME.port)",
            "15:7: warning: PeerAuthentication default/f selects orders (v2), as default/e does: Istio keeps the oldest; meshsim keeps the first in the file, default/e",
        ])
    }
}
