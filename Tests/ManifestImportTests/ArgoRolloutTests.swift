import Scenario
import Testing
@testable import ManifestImport

/// An Argo Rollout with Istio subset-level traffic splitting, as Argo's docs write it
/// (https://argo-rollouts.readthedocs.io/en/stable/features/traffic-management/istio/).
@Suite struct ArgoRolloutTests {
    static let manifests = """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata: { name: reviews }
        spec:
          replicas: 4
          selector: { matchLabels: { app: reviews } }
          template:
            metadata: { labels: { app: reviews } }
            spec: { containers: [{ name: reviews, image: reviews:2 }] }
          strategy:
            canary:
              trafficRouting:
                istio:
                  virtualService: { name: reviews, routes: [primary] }
                  destinationRule: { name: reviews, canarySubsetName: preview, stableSubsetName: live }
              steps:
                - setWeight: 20
                - pause: { duration: 60 }
                - setWeight: 50
                - pause: {}
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: reviews }
        spec: { selector: { app: reviews }, ports: [{ port: 9080 }] }
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: reviews }
        spec: { host: reviews, subsets: [{ name: live }, { name: preview }] }
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: reviews }
        spec:
          hosts: [reviews]
          http:
            - name: primary
              route:
                - { destination: { host: reviews, subset: live }, weight: 100 }
                - { destination: { host: reviews, subset: preview }, weight: 0 }

        """

    static let scenario = """
        name: shop
        duration: 5m
        manifests: [k8s/]
        clients: [{ name: web, target: reviews, rate: 10/s }]
        mesh: { enabled: true }
        services: { reviews: { latency: 5ms } }
        rollout:
          analysis: { interval: 1m, threshold: 2, metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }] }

        """

    @Test func stepsAndSubsetNamesBecomeTheRollout() throws {
        let objects = try ManifestFixture.objects(Self.manifests, file: "k8s/reviews.yaml")
        let scenario = try YAMLParser.parse(Self.scenario, file: "scenario.yaml").removing(["manifests"])
        var translation = ManifestFixture.translation(objects, scenario: scenario)
        RolloutTranslator.registerServices(&translation)
        let versions = try #require(translation.rolloutVersions["reviews"])
        #expect(versions.names == ["live", "preview"])
        #expect(versions.workload.object.kind == "Rollout" && versions.workload.replicas == 4)
        RolloutTranslator.translate(&translation)
        // Route `primary` is the VirtualService's only rule without a match: the one meshsim moves.
        #expect(translation.fragment.diagnostics.isEmpty)

        var merging: [Diagnostic] = []
        let merged = TreeMerge.merge(scenario, translation.fragment.root, diagnostics: &merging)
        #expect(merging.isEmpty)
        let decoded = ScenarioDecoder.decode(merged, lenientFiles: ["k8s/reviews.yaml"])
        let rollout = try #require(decoded.scenario?.rollout)
        #expect(rollout.service == "reviews" && rollout.stable == "live" && rollout.canary == "preview")
        // `duration: 60` is Argo's bare number of seconds; `pause: {}` waits until promoted.
        #expect(rollout.steps == [.setWeight(20), .pause(60_000_000_000), .setWeight(50), .pause(nil)])
        #expect(rollout.analysis.threshold == 2)
    }

    @Test func withoutTheScenariosAnalysisTheErrorSaysWhatToWrite() throws {
        let scenario = Self.scenario.components(separatedBy: "rollout:")[0]
        let templated = Self.manifests.replacingOccurrences(
            of: "      steps:", with: "      analysis: { templates: [{ templateName: success-rate }] }\n      steps:")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": scenario, "k8s/reviews.yaml": templated])
        #expect(loaded.scenario == nil)
        #expect(messages.contains {
            $0.hasPrefix("k8s/reviews.yaml:11:5: error: Rollout reviews: meshsim cannot run Argo AnalysisTemplates, which query a metrics provider (the Rollout's analysis runs success-rate)")
                && $0.contains("rollout: { analysis: { interval: 1m, threshold: 2, metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }] } }")
        })
    }

    /// Argo's own example (examples/istio/istio-subset-split.yaml) has steps and no analysis:
    /// the message says so instead of naming AnalysisTemplates the Rollout does not have.
    @Test func aRolloutWithoutAnalysisIsToldItHasNone() throws {
        let scenario = Self.scenario.components(separatedBy: "rollout:")[0]
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": scenario, "k8s/reviews.yaml": Self.manifests])
        #expect(loaded.scenario == nil)
        #expect(messages.filter { $0.contains("error:") } == [
            "k8s/reviews.yaml:11:5: error: Rollout reviews has no analysis (Argo then promotes through its steps unchecked); meshsim simulates a canary analysis, so write one in the scenario beside the manifests, e.g. rollout: { analysis: { interval: 1m, threshold: 2, metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }] } }",
        ])
    }

    /// Argo reads a VirtualService reference `a.b.c…` as name `a` in namespace `b`
    /// (rollout/trafficrouting/istio, GetVirtualServiceNamespaceName), so a full host name finds
    /// the VirtualService reviews in namespace default (line 14, column 35: the reference).
    @Test func aVirtualServiceReferenceIsReadAsArgoSplitsIt() throws {
        let full = Self.manifests.replacingOccurrences(of: "virtualService: { name: reviews,", with: "virtualService: { name: reviews.default.svc.cluster.local,")
        let other = Self.manifests.replacingOccurrences(of: "virtualService: { name: reviews,", with: "virtualService: { name: reviews.shop,")
        let scenario = try YAMLParser.parse(Self.scenario, file: "scenario.yaml")
        let (_, found) = ManifestTranslation.translate(try ManifestFixture.objects(full, file: "k8s/reviews.yaml"), scenario: scenario, namespace: "default")
        #expect(found.isEmpty)
        let (_, missing) = ManifestTranslation.translate(try ManifestFixture.objects(other, file: "k8s/reviews.yaml"), scenario: scenario, namespace: "default")
        #expect(missing.map(\.description) == [
            "k8s/reviews.yaml:14:35: warning: Rollout reviews: trafficRouting.istio names the VirtualService 'reviews.shop', which the manifests do not define; Argo cannot move its weights in the cluster",
        ])
    }

    @Test func aVirtualServiceOfAnotherHostIsAWarning() throws {
        let other = Self.manifests.replacingOccurrences(of: "hosts: [reviews]", with: "hosts: [ratings]")
            + "---\napiVersion: v1\nkind: Service\nmetadata: { name: ratings }\nspec: { selector: { app: ratings } }\n"
        let objects = try ManifestFixture.objects(other, file: "k8s/reviews.yaml")
        let scenario = try YAMLParser.parse(Self.scenario, file: "scenario.yaml")
        let (_, diagnostics) = ManifestTranslation.translate(objects, scenario: scenario, namespace: "default")
        #expect(diagnostics.map(\.description).contains(
            "k8s/reviews.yaml:14:35: warning: Rollout reviews: VirtualService reviews routes ratings, not service reviews, whose weights the rollout moves"))
    }
}
