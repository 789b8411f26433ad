import Scenario
import Testing
@testable import ManifestImport

/// Services' replicas and versions from workloads, read at the fragment the manifests write.
@Suite struct WorkloadTranslationTests {
    /// The fragment and messages for `manifest` (a YAML stream in file `m.yaml`).
    static func translate(_ manifest: String, scenario: String = "services: {}\n") throws -> (fragment: YAMLNode, messages: [String]) {
        let tree = try YAMLParser.parse(scenario, file: "s.yaml")
        let (fragment, diagnostics) = ManifestTranslation.translate(try ManifestFixture.objects(manifest, file: "m.yaml"), scenario: tree, namespace: "default")
        return (fragment, diagnostics.map(\.description))
    }

    static func deployment(_ name: String, labels: String, replicas: String? = nil, extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: \(name) }
        spec:
        \(replicas.map { "  replicas: \($0)\n" } ?? "")  template: { metadata: { labels: \(labels)\(extra) } }
        ---

        """
    }

    static let service = """
        apiVersion: v1
        kind: Service
        metadata: { name: reviews }
        spec: { selector: { app: reviews } }
        ---

        """

    static func destinationRule(subsets: String) -> String {
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: reviews }
        spec:
          host: reviews.default.svc.cluster.local
          subsets: \(subsets)

        """
    }

    @Test func oneWorkloadGivesTheServiceReplicasAtSpecReplicas() throws {
        let (fragment, messages) = try Self.translate(Self.service + Self.deployment("reviews", labels: "{ app: reviews }", replicas: "3"))
        #expect(messages == [])
        let replicas = try #require(fragment["services", "reviews", "replicas"])
        #expect(replicas.text == "3")
        #expect(replicas.location.description == "m.yaml:10:13")
    }

    @Test func aWorkloadWithoutReplicasRunsOneAsKubernetesDefaults() throws {
        let (fragment, _) = try Self.translate(Self.service + Self.deployment("reviews", labels: "{ app: reviews }"))
        #expect(fragment["services", "reviews", "replicas"]?.text == "1")
    }

    @Test func severalWorkloadsWithoutSubsetsAreVersionsByLabelElseName() throws {
        let manifest = Self.service
            + Self.deployment("reviews-v1", labels: "{ app: reviews, version: v1 }", replicas: "2")
            + Self.deployment("reviews-next", labels: "{ app: reviews }", replicas: "5")
        let (fragment, messages) = try Self.translate(manifest)
        #expect(messages == [])
        let versions = fragment["services", "reviews", "versions"]
        #expect(versions?.entries.map(\.key) == ["v1", "reviews-next"])
        #expect(versions?.entries.map { $0.value["replicas"]?.text } == ["2", "5"])
    }

    @Test func subsetsAreVersionsInSubsetOrderAndAWorkloadOutsideThemKeepsItsOwn() throws {
        let manifest = Self.service
            + Self.deployment("reviews-v1", labels: "{ app: reviews, version: v1 }", replicas: "4")
            + Self.deployment("reviews-v2", labels: "{ app: reviews, version: v2, track: beta }", replicas: "1")
            + Self.deployment("reviews-v3", labels: "{ app: reviews, version: v3 }", replicas: "2")
            + Self.destinationRule(subsets: "[{ name: beta, labels: { track: beta } }, { name: stable, labels: { version: v1 } }]")
        let (fragment, messages) = try Self.translate(manifest)
        #expect(messages == [])
        let versions = fragment["services", "reviews", "versions"]
        #expect(versions?.entries.map(\.key) == ["beta", "stable", "v3"])
        #expect(versions?.entries.map { $0.value["replicas"]?.text } == ["1", "4", "2"])
    }

    @Test func twoWorkloadsForOneSubsetAreAnErrorNamingBoth() throws {
        let manifest = Self.service
            + Self.deployment("reviews-a", labels: "{ app: reviews, version: v1 }")
            + Self.deployment("reviews-b", labels: "{ app: reviews, version: v1 }")
            + Self.destinationRule(subsets: "[{ name: v1, labels: { version: v1 } }]")
        let (_, messages) = try Self.translate(manifest)
        #expect(messages == [
            "m.yaml:23:13: error: DestinationRule reviews: subset 'v1' (labels version=v1) matches Deployment reviews-a at m.yaml:7:1 and Deployment reviews-b at m.yaml:13:1; a version is one workload: give each its own labels",
        ])
    }

    @Test func aSubsetThatMatchesNoWorkloadWarnsAndHasNoReplicas() throws {
        let manifest = Self.service
            + Self.deployment("reviews-v1", labels: "{ app: reviews, version: v1 }", replicas: "3")
            + Self.destinationRule(subsets: "[{ name: v1, labels: { version: v1 } }, { name: v2, labels: { version: v2 } }]")
        let (fragment, messages) = try Self.translate(manifest)
        #expect(messages == [
            "m.yaml:18:52: warning: DestinationRule reviews: subset 'v2' (labels version=v2) matches no Deployment, StatefulSet or Rollout of service reviews; Istio accepts it, and calls routed to it fail with 503 (no healthy upstream)",
        ])
        #expect(fragment["services", "reviews", "versions"]?.entries.map { $0.value["replicas"]?.text } == ["3", "0"])
    }

    @Test func aServiceWithoutWorkloadsHasNoInstancesUnlessTheScenarioRunsIt() throws {
        let (fragment, messages) = try Self.translate(Self.service)
        #expect(messages == ["m.yaml:2:1: warning: Service reviews selects no Deployment, StatefulSet or Rollout; calls to it fail as with no endpoints"])
        #expect(fragment["services", "reviews", "replicas"]?.text == "0")
        let outside = try Self.translate(Self.service, scenario: "services: { reviews: { replicas: 2 } }\n")
        #expect(outside.messages == [])
        #expect(outside.fragment["services"] == nil)
    }

    @Test func aDeploymentNoServiceSelectsIsNamed() throws {
        let (_, messages) = try Self.translate(Self.service + Self.deployment("batch", labels: "{ app: batch }") + Self.deployment("reviews", labels: "{ app: reviews }"))
        #expect(messages == ["m.yaml:7:1: warning: no Service selects Deployment batch; no traffic reaches it"])
    }

    @Test func aRolloutBacksItsVersionsWhateverTheSubsetLabels() throws {
        let rollout = """
            apiVersion: argoproj.io/v1alpha1
            kind: Rollout
            metadata: { name: reviews }
            spec:
              replicas: 5
              template: { metadata: { labels: { app: reviews } } }
            ---

            """
        // Argo adds rollouts-pod-template-hash to the pods at run time, so no manifest label matches.
        let subsets = "[{ name: stable, labels: { rollouts-pod-template-hash: a1 } }, { name: canary, labels: { rollouts-pod-template-hash: b2 } }]"
        var translation = ManifestFixture.translation(try ManifestFixture.objects(Self.service + rollout + Self.destinationRule(subsets: subsets), file: "m.yaml"))
        let workload = try #require(translation.directory.workloads.first)
        translation.rolloutVersions["reviews"] = .init(names: ["stable", "canary"], workload: workload, location: workload.object.location)
        WorkloadTranslator.translate(&translation)
        #expect(translation.fragment.diagnostics.map(\.description) == [])
        let versions = translation.fragment.root["services", "reviews", "versions"]
        #expect(versions?.entries.map(\.key) == ["stable", "canary"])
        #expect(versions?.entries.map { $0.value["replicas"]?.text } == ["5", "5"])
    }
}
