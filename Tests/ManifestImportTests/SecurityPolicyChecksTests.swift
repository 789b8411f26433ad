import Scenario
import Testing
@testable import ManifestImport

/// Values the Istio CRD schemas (istio/api kubernetes/customresourcedefinitions.gen.yaml)
/// reject are errors at the value: the scenario's decoders read the manifests' own nodes, so
/// their messages point into the manifest.
@Suite struct SecurityPolicyChecksTests {
    static let scenario = """
        name: shop
        duration: 1m
        manifests: [k8s/]
        clients: [{ name: web, target: orders, rate: 10/s }]
        services:
          orders: { latency: 5ms }

        """

    @Test func aMisspeltMtlsModeIsAnErrorAtIt() throws {
        let policy = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: default, namespace: istio-system }
            spec:
              mtls:
                mode: STRICTT

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/mtls.yaml": policy])
        #expect(loaded.scenario == nil)
        #expect(messages == [
            "k8s/mtls.yaml:6:11: error: mesh.peerAuthentications[0].mtls.mode must be one of UNSET, DISABLE, PERMISSIVE, STRICT, not 'STRICTT'; did you mean 'STRICT'?",
        ])
    }

    @Test func valuesIstioAcceptsPass() throws {
        let text = """
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: default }
            spec: { mtls: { mode: PERMISSIVE }, portLevelMtls: { "8080": { mode: DISABLE } } }
            ---
            apiVersion: security.istio.io/v1beta1
            kind: AuthorizationPolicy
            metadata: { name: deny-all }
            spec: { action: DENY, rules: [{}] }

            """
        let objects = try ManifestFixture.objects(text, file: "k8s/security.yaml")
        let (_, diagnostics) = ManifestTranslation.translate(objects, scenario: YAMLNode(.mapping([]), at: objects[0].location), namespace: "default")
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    /// networking.istio.io serves v1alpha3; security.istio.io never did (its CRDs list v1beta1 and v1).
    @Test func aSecurityKindAtV1alpha3IsAnError() throws {
        let text = """
            apiVersion: security.istio.io/v1alpha3
            kind: PeerAuthentication
            metadata: { name: default }
            ---
            apiVersion: networking.istio.io/v1alpha3
            kind: VirtualService
            metadata: { name: delegate }
            spec: { http: [] }

            """
        let objects = try ManifestFixture.objects(text, file: "k8s/m.yaml")
        let (_, diagnostics) = ManifestTranslation.translate(objects, scenario: YAMLNode(.mapping([]), at: objects[0].location), namespace: "default")
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "k8s/m.yaml:1:13: error: PeerAuthentication default: security.istio.io/v1alpha3 is not an API version Istio serves (v1, v1beta1)",
        ])
    }

    @Test func anUnknownActionAndAPortOutOfRangeAreErrors() throws {
        let text = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: { name: allow }
            spec: { action: allow }
            ---
            apiVersion: security.istio.io/v1
            kind: PeerAuthentication
            metadata: { name: ports }
            spec: { selector: { matchLabels: { app: a } }, portLevelMtls: { "70000": { mode: STRICT } } }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/security.yaml": text])
        #expect(loaded.scenario == nil)
        #expect(messages.filter { $0.contains("error:") } == [
            "k8s/security.yaml:4:17: error: mesh.authorizationPolicies[0].action must be one of ALLOW, DENY, AUDIT, CUSTOM, not 'allow'; did you mean 'ALLOW'?",
            "k8s/security.yaml:9:65: error: mesh.peerAuthentications[0].portLevelMtls: '70000' is not a port number from 1 to 65535",
        ])
    }
}
