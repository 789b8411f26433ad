import Scenario
import Testing
@testable import ManifestImport

/// security.istio.io objects become `mesh.*` list entries: metadata name and namespace beside
/// the spec's own nodes, so the scenario's decoders point into the manifest.
@Suite struct SecurityPolicyTranslationTests {
    static let policies = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: { name: default, namespace: istio-system }
        spec:
          mtls: { mode: STRICT }
        ---
        apiVersion: security.istio.io/v1beta1
        kind: AuthorizationPolicy
        metadata: { name: orders-allow }
        spec:
          selector: { matchLabels: { app: orders } }
          action: ALLOW
          rules:
            - from: [{ source: { principals: ["cluster.local/ns/shop/sa/frontend"] } }]
        ---
        apiVersion: security.istio.io/v1
        kind: RequestAuthentication
        metadata: { name: jwt, namespace: shop }
        spec:
          jwtRules: [{ issuer: issuer-a }]
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata: { name: orders, namespace: shop }
        spec:
          selector: { matchLabels: { app: orders } }
          portLevelMtls: { 8080: { mode: PERMISSIVE } }

        """

    @Test func eachKindIsAListEntryInFileOrderWithItsMetadataNames() throws {
        let (fragment, messages) = try WorkloadTranslationTests.translate(Self.policies)
        #expect(messages == [])
        let mesh = try #require(fragment["mesh"])
        #expect(mesh.entries.map(\.key) == ["authorizationPolicies", "peerAuthentications", "requestAuthentications"])
        let peers = mesh["peerAuthentications"]?.items ?? []
        #expect(peers.map { $0["name"]?.text } == ["default", "orders"])
        #expect(peers.map { $0["namespace"]?.text } == ["istio-system", "shop"])
        #expect(peers[0].entries.map(\.key) == ["name", "namespace", "mtls"])
        // The spec's nodes as they are: the mode where the manifest writes it.
        #expect(peers[0]["mtls", "mode"]?.text == "STRICT")
        #expect(peers[0]["mtls", "mode"]?.location.description == "m.yaml:5:17")
        #expect(peers[0]["namespace"]?.location.description == "m.yaml:3:39")
        #expect(peers[1]["portLevelMtls", "8080", "mode"]?.text == "PERMISSIVE")

        let allow = try #require(mesh["authorizationPolicies"]?.items.first)
        // No metadata.namespace: the scenario's namespace (default), at the object.
        #expect(allow["namespace"]?.text == "default")
        #expect(allow["namespace"]?.location.description == "m.yaml:8:1")
        #expect(allow.entries.map(\.key) == ["name", "namespace", "selector", "action", "rules"])
        #expect(allow["rules"]?.items.first?["from"]?.items.first?["source", "principals"]?.items.first?.text == "cluster.local/ns/shop/sa/frontend")
        #expect(mesh["requestAuthentications"]?.items.first?["jwtRules"]?.items.first?["issuer"]?.location.description == "m.yaml:20:24")
    }

    /// The translation passes the policy on; the decoder warns and leaves it out.
    @Test func aPolicyWithATargetRefIsLeftOutWithAWarning() throws {
        let waypoint = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: waypoint-deny }
            spec:
              targetRefs: [{ kind: Gateway, group: gateway.networking.k8s.io, name: waypoint }]
              action: DENY
              rules: [{}]

            """
        let scenario = """
            name: shop
            duration: 1m
            manifests: [k8s/]
            mesh: { enabled: true }
            clients: [{ name: web, target: orders, rate: 10/s }]
            services:
              orders: { latency: 5ms }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": scenario, "k8s/m.yaml": waypoint])
        #expect(loaded.scenario?.mesh.authorizationPolicies.isEmpty == true)
        #expect(messages.filter { $0.contains("warning:") } == [
            "k8s/m.yaml:5:3: warning: mesh.authorizationPolicies[0].targetRefs binds this AuthorizationPolicy to a gateway or waypoint proxy, which meshsim does not simulate; Istio's sidecars do not apply it, so it has no effect here",
        ])
    }

    @Test func noLongerNamedAsNotModelled() throws {
        let (_, messages) = try WorkloadTranslationTests.translate(Self.policies)
        #expect(!messages.contains { $0.contains("not modelled") })
    }

    /// A list written in the scenario and by the manifests is the same thing defined twice.
    @Test func aListInTheScenarioAndInTheManifestsIsDefinedTwice() throws {
        let scenario = """
            name: shop
            duration: 1m
            manifests: [k8s/]
            mesh: { enabled: true, peerAuthentications: [{ name: default, mtls: { mode: PERMISSIVE } }] }
            clients: [{ name: web, target: orders, rate: 10/s }]
            services:
              orders: { latency: 5ms }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": scenario, "k8s/security.yaml": Self.policies])
        #expect(loaded.scenario == nil)
        #expect(messages.contains("k8s/security.yaml:2:1: error: mesh.peerAuthentications is defined twice: here and at scenario.yaml:4:45"))
    }
}
