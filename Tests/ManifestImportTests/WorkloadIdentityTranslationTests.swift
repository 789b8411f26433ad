import Scenario
import Testing
@testable import ManifestImport

/// Workload identity read off pod templates, Namespaces and Services: injection follows
/// istio.io's "Controlling the injection policy" (either label disabled wins; otherwise a
/// Namespace without istio-injection: enabled or istio.io/rev gets no sidecar unless the pod
/// opts in with the label); a pod without serviceAccountName runs as `default` (Kubernetes).
@Suite struct WorkloadIdentityTranslationTests {
    static let meshOn = "mesh: { enabled: true }\n"

    static func translate(_ manifest: String, scenario: String = meshOn) throws -> (fragment: YAMLNode, messages: [String]) {
        try WorkloadTranslationTests.translate(manifest, scenario: scenario)
    }

    static func namespace(_ labels: String) -> String {
        "apiVersion: v1\nkind: Namespace\nmetadata: { name: default, labels: \(labels) }\n---\n"
    }

    static let service = WorkloadTranslationTests.service

    static func reviews(_ labels: String = "{ app: reviews }", extra: String = "") -> String {
        WorkloadTranslationTests.deployment("reviews", labels: labels, extra: extra)
    }

    @Test func injectionDisabledOnThePodWinsOverAnEnabledNamespace() throws {
        let optOut = ", annotations: { sidecar.istio.io/inject: \"false\" }"
        let (fragment, messages) = try Self.translate(Self.namespace("{ istio-injection: enabled }") + Self.service + Self.reviews(extra: optOut))
        #expect(messages == [])
        let sidecar = try #require(fragment["services", "reviews", "sidecar"])
        #expect(sidecar.text == "false")
        // At the annotation's value, on the template line of the Deployment (which starts at line 10).
        #expect(sidecar.location.description == "m.yaml:14:93")
    }

    @Test func aNamespaceWithInjectionDisabledKeepsItsPodsOutOfTheMesh() throws {
        let (fragment, _) = try Self.translate(Self.namespace("{ istio-injection: disabled }") + Self.service + Self.reviews())
        #expect(fragment["services", "reviews", "sidecar"]?.text == "false")
        #expect(fragment["services", "reviews", "sidecar"]?.location.description == "m.yaml:11:1")
    }

    /// Neither label on a Namespace of the manifests: no webhook selects the pod, unless the
    /// pod itself carries sidecar.istio.io/inject: "true" or istio.io/rev as a label.
    @Test func anUnlabelledNamespaceInjectsOnlyPodsThatOptIn() throws {
        let unlabelled = Self.namespace("{ team: books }") + Self.service
        #expect(try Self.translate(unlabelled + Self.reviews()).fragment["services", "reviews", "sidecar"]?.text == "false")
        let optIn = try Self.translate(unlabelled + Self.reviews("{ app: reviews, sidecar.istio.io/inject: \"true\" }"))
        #expect(optIn.fragment["services", "reviews", "sidecar"] == nil)
        let revision = try Self.translate(Self.namespace("{ istio.io/rev: canary }") + Self.service + Self.reviews())
        #expect(revision.fragment["services", "reviews", "sidecar"] == nil)
    }

    /// Istio's samples ask for `kubectl label namespace default istio-injection=enabled`: a
    /// namespace the manifests do not hold keeps its sidecars; so does every workload while the
    /// scenario's mesh is off.
    @Test func noNamespaceObjectOrNoMeshWritesNoSidecarKey() throws {
        #expect(try Self.translate(Self.service + Self.reviews()).fragment["services", "reviews", "sidecar"] == nil)
        let meshOff = try Self.translate(Self.namespace("{ istio-injection: disabled }") + Self.service + Self.reviews(), scenario: "services: {}\n")
        #expect(meshOff.fragment["services", "reviews", "sidecar"] == nil)
        #expect(meshOff.messages == [])
    }

    @Test func serviceAccountLabelsNamespaceAndTargetPort() throws {
        let service = """
            apiVersion: v1
            kind: Service
            metadata: { name: reviews, namespace: books }
            spec: { selector: { app: reviews }, ports: [{ port: 80, targetPort: 9080 }] }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: reviews, namespace: books }
            spec:
              template:
                metadata: { labels: { app: reviews, team: payments } }
                spec: { serviceAccountName: bookinfo-reviews }

            """
        let (fragment, messages) = try Self.translate(service)
        #expect(messages == [])
        let reviews = try #require(fragment["services", "reviews.books"])
        #expect(reviews["namespace"]?.text == "books")
        #expect(reviews["namespace"]?.location.description == "m.yaml:3:39")
        #expect(reviews["port"]?.text == "9080")
        #expect(reviews["port"]?.location.description == "m.yaml:4:69")
        #expect(reviews["serviceAccount"]?.text == "bookinfo-reviews")
        #expect(reviews["serviceAccount"]?.location.description == "m.yaml:12:33")
        #expect(reviews["labels"]?.stringMap == ["app": "reviews", "team": "payments"])
    }

    @Test func aPodWithoutServiceAccountRunsAsDefaultAndAServiceWithoutTargetPortUsesPort() throws {
        let service = Self.service.replacingOccurrences(of: "spec: { selector: { app: reviews } }", with: "spec: { selector: { app: reviews }, ports: [{ port: 9080 }] }")
        let (fragment, _) = try Self.translate(service + Self.reviews())
        #expect(fragment["services", "reviews", "serviceAccount"]?.text == "default")
        #expect(fragment["services", "reviews", "port"]?.text == "9080")
        let named = Self.service.replacingOccurrences(of: "spec: { selector: { app: reviews } }", with: "spec: { selector: { app: reviews }, ports: [{ port: 80, targetPort: http }] }")
        // A named target port is the container's: not known without its pod, so not written.
        #expect(try Self.translate(named + Self.reviews()).fragment["services", "reviews", "port"] == nil)
    }

    @Test func versionsCarryTheirOwnWorkloadsIdentity() throws {
        let manifest = Self.service
            + WorkloadTranslationTests.deployment("reviews-v1", labels: "{ app: reviews, version: v1 }", extra: " }, spec: { serviceAccountName: v1-sa")
            + WorkloadTranslationTests.deployment("reviews-v2", labels: "{ app: reviews, version: v2 }")
        let (fragment, messages) = try Self.translate(manifest)
        #expect(messages == [])
        let versions = try #require(fragment["services", "reviews", "versions"])
        #expect(versions["v1"]?["serviceAccount"]?.text == "v1-sa")
        #expect(versions["v2"]?["serviceAccount"]?.text == "default")
        #expect(versions["v2"]?["labels"]?.stringMap == ["app": "reviews", "version": "v2"])
        #expect(fragment["services", "reviews", "serviceAccount"] == nil)
    }

    @Test func aNodeSelectorZoneWithItsRegionIsTheZone() throws {
        let pinned = " }, spec: { nodeSelector: { topology.kubernetes.io/region: us-east1, topology.kubernetes.io/zone: us-east1-b }"
        let (fragment, _) = try Self.translate(Self.service + Self.reviews(extra: pinned))
        let zone = try #require(fragment["services", "reviews", "zone"])
        #expect(zone.text == "us-east1/us-east1-b")
        #expect(zone.location.description == "m.yaml:10:149")
    }

    @Test func aRequiredNodeAffinityOverZonesSpreadsTheReplicas() throws {
        let deployment = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: reviews }
            spec:
              replicas: 3
              template:
                metadata: { labels: { app: reviews } }
                spec:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions:
                              - { key: topology.kubernetes.io/zone, operator: In, values: [a, b] }

            """
        let (fragment, _) = try Self.translate(Self.service + deployment)
        #expect(fragment["services", "reviews", "zones"]?.items.compactMap(\.text) == ["a", "b"])
        #expect(fragment["services", "reviews", "zones"]?.location.description == "m.yaml:19:79")
        // Preferred affinity and several alternative terms pin nothing.
        let preferred = deployment.replacingOccurrences(of: "requiredDuringSchedulingIgnoredDuringExecution", with: "preferredDuringSchedulingIgnoredDuringExecution")
        #expect(try Self.translate(Self.service + preferred).fragment["services", "reviews", "zones"] == nil)
    }
}
