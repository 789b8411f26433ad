import Scenario
import Testing
@testable import ManifestImport

/// A Flagger Canary as Flagger's docs write it (https://docs.flagger.app/tutorials/istio-progressive-delivery)
/// becomes the rollout a scenario writes inline: the versions primary and canary of the
/// service Flagger generates, its VirtualService rule, and its analysis.
@Suite struct FlaggerCanaryTests {
    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: podinfo }
        spec:
          replicas: 3
          selector: { matchLabels: { app: podinfo } }
          template:
            metadata: { labels: { app: podinfo } }
            spec: { containers: [{ name: podinfod, image: ghcr.io/stefanprodan/podinfo:6.0.0 }] }

        """

    static let canary = """
        apiVersion: flagger.app/v1beta1
        kind: Canary
        metadata: { name: podinfo }
        spec:
          targetRef: { apiVersion: apps/v1, kind: Deployment, name: podinfo }
          service:
            port: 9898
            timeout: 2s
            retries: { attempts: 3, perTryTimeout: 1s, retryOn: "gateway-error,connect-failure" }
          analysis:
            interval: 30s
            threshold: 5
            maxWeight: 50
            stepWeight: 10
            metrics:
              - name: request-success-rate
                thresholdRange: { min: 99 }
              - name: error-rate
                templateRef: { name: error-rate, namespace: istio-system }
                thresholdRange: { max: 1 }

        """

    static let scenario = """
        name: shop
        duration: 5m
        manifests: [k8s/]
        clients: [{ name: web, target: podinfo, rate: 10/s }]
        mesh: { enabled: true }
        rollout: { start: 1m }

        """

    /// The same scenario written inline: what Flagger makes of the Canary, by hand.
    static let inlineTwin = """
        name: shop
        duration: 5m
        clients: [{ name: web, target: podinfo, rate: 10/s }]
        mesh: { enabled: true }
        services:
          podinfo:
            versions: { primary: { replicas: 3 }, canary: { replicas: 3 } }
            http:
              - timeout: 2s
                retries: { attempts: 3, perTryTimeout: 1s, retryOn: "gateway-error,connect-failure" }
                route:
                  - { destination: { subset: primary }, weight: 100 }
                  - { destination: { subset: canary }, weight: 0 }
        rollout:
          service: podinfo
          stable: primary
          canary: canary
          start: 1m
          analysis:
            interval: 30s
            threshold: 5
            maxWeight: 50
            stepWeight: 10
            metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }]

        """

    /// The objects of `text`, read as the expansion reads k8s/podinfo.yaml.
    static func objects(_ text: String) throws -> [ManifestObject] {
        try ManifestFixture.objects(text, file: "k8s/podinfo.yaml")
    }

    @Test func aCanaryDecodesAsItsInlineTwin() throws {
        let file = "k8s/podinfo.yaml"
        let scenario = try YAMLParser.parse(Self.scenario, file: "scenario.yaml").removing(["manifests"])
        let (fragment, diagnostics) = ManifestTranslation.translate(try Self.objects(Self.deployment + "---\n" + Self.canary), scenario: scenario, namespace: "default")
        // The custom metric is left out, named at its name: line 18 of the Canary, after 9 lines and `---`.
        #expect(diagnostics.map(\.description).contains {
            $0.hasPrefix("k8s/podinfo.yaml:28:15: warning: Canary podinfo: metric 'error-rate' runs the MetricTemplate 'error-rate', which meshsim cannot measure")
        })
        #expect(!diagnostics.contains { $0.severity == .error })
        var merging: [Diagnostic] = []
        let merged = TreeMerge.merge(scenario, fragment, diagnostics: &merging)
        #expect(merging.isEmpty)
        let fromManifests = try #require(ScenarioDecoder.decode(merged, lenientFiles: [file]).scenario)
        let twin = try #require(ScenarioLoader.load(text: Self.inlineTwin, file: "twin.yaml").scenario)

        let rollout = try #require(fromManifests.rollout)
        let expected = try #require(twin.rollout)
        #expect(rollout.service == expected.service)
        #expect(rollout.stable == expected.stable && rollout.canary == expected.canary)
        #expect(rollout.start == 60_000_000_000)
        // Metrics compare without their locations (one file each).
        var analysis = rollout.analysis
        analysis.metrics = analysis.metrics.map { Rollout.Metric(name: $0.name, min: $0.min, max: $0.max, location: expected.location) }
        var expectedAnalysis = expected.analysis
        expectedAnalysis.metrics = expectedAnalysis.metrics.map { Rollout.Metric(name: $0.name, min: $0.min, max: $0.max, location: expected.location) }
        #expect(analysis == expectedAnalysis)
        #expect(analysis.metrics.count == 1)
        #expect(rollout.steps == expected.steps)

        let http = try #require(fromManifests.service(named: "podinfo")?.http?.first)
        let twinHTTP = try #require(twin.service(named: "podinfo")?.http?.first)
        #expect(http.route.map(\.destination) == twinHTTP.route.map(\.destination))
        #expect(http.route.map(\.weight) == [100, 0])
        #expect(http.timeout == 2_000_000_000)
        #expect(http.retries?.attempts == 3 && http.retries?.perTryTimeout == 1_000_000_000)
        #expect(http.retries?.retryOn == twinHTTP.retries?.retryOn)
    }

    @Test func theCanaryFixesTheVersionsOfTheServiceFlaggerGenerates() throws {
        let objects = try Self.objects(Self.deployment + "---\n" + Self.canary)
        var translation = ManifestFixture.translation(objects)
        RolloutTranslator.registerServices(&translation)
        // No Service object: Flagger generates `podinfo`, selecting the target's pods.
        #expect(translation.directory.resolve(host: "podinfo.default.svc.cluster.local", from: "default") == "podinfo")
        #expect(translation.directory.service(named: "podinfo")?.selector == ["app": "podinfo"])
        let versions = try #require(translation.rolloutVersions["podinfo"])
        #expect(versions.names == ["primary", "canary"])
        #expect(versions.workload.object.name == "podinfo" && versions.workload.replicas == 3)
    }

    @Test func aTargetRefTypoIsAnErrorWithDidYouMean() throws {
        let typo = Self.canary.replacingOccurrences(of: "kind: Deployment, name: podinfo }", with: "kind: Deployment, name: podinfoo }")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/deploy.yaml": Self.deployment, "k8s/canary.yaml": typo])
        #expect(loaded.scenario == nil)
        #expect(messages.contains(
            "k8s/canary.yaml:5:61: error: Canary podinfo: spec.targetRef names the Deployment 'podinfoo', which the manifests do not define in namespace default; did you mean 'podinfo'?"))
    }

    @Test func twoCanariesAreAnErrorNamingBoth() throws {
        let second = Self.canary.replacingOccurrences(of: "metadata: { name: podinfo }", with: "metadata: { name: backend }")
        let (loaded, messages) = try ManifestFixture.loaded([
            "scenario.yaml": Self.scenario, "k8s/a.yaml": Self.deployment + "---\n" + Self.canary, "k8s/b.yaml": second,
        ])
        #expect(loaded.scenario == nil)
        #expect(messages.contains(
            "k8s/b.yaml:2:1: error: Canary backend: a scenario simulates one rollout, and Canary podinfo at k8s/a.yaml:12:1 already defines it; point manifests: at the files of one rollout"))
    }

    @Test func aRolloutWrittenInlineBesideACanaryIsDefinedTwice() throws {
        let scenario = Self.scenario.replacingOccurrences(of: "rollout: { start: 1m }", with: "rollout: { start: 1m, service: podinfo }")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": scenario, "k8s/a.yaml": Self.deployment + "---\n" + Self.canary])
        #expect(loaded.scenario == nil)
        #expect(messages.contains("k8s/a.yaml:15:61: error: rollout.service is defined twice: here and at scenario.yaml:6:32"))
    }

    @Test func fieldsFlaggerActsOnAreNamedWhenNotModelled() throws {
        let canary = Self.canary
            .replacingOccurrences(of: "    port: 9898", with: "    port: 9898\n    gateways: [public-gateway]")
            .replacingOccurrences(of: "  analysis:", with: "  skipAnalysis: true\n  suspend: false\n  analysis:")
        let virtualService = "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: podinfo }\nspec: { hosts: [podinfo] }\n"
            + "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: { name: podinfo-lb }\nspec: { host: podinfo.default.svc.cluster.local }\n"
        let objects = try Self.objects(Self.deployment + "---\n" + canary + virtualService)
        var translation = ManifestFixture.translation(objects)
        RolloutTranslator.registerServices(&translation)
        // Flagger overwrites the VirtualService named after the service, and routes to hosts a
        // DestinationRule of the service's host does not configure: the Istio step sees neither.
        #expect(translation.objects("VirtualService", in: ["networking.istio.io"]).isEmpty)
        #expect(translation.objects("DestinationRule", in: ["networking.istio.io"]).isEmpty)
        RolloutTranslator.translate(&translation)
        let messages = translation.fragment.diagnostics.map(\.description).filter { !$0.contains("metric 'error-rate'") }
        #expect(messages == [
            "k8s/podinfo.yaml:36:1: warning: VirtualService podinfo: replaced by the one Flagger generates for Canary podinfo at k8s/podinfo.yaml:12:1 (Flagger overwrites the spec of the VirtualService named after the service)",
            "k8s/podinfo.yaml:41:1: warning: DestinationRule podinfo-lb: not used: Flagger routes podinfo's traffic to podinfo-primary and podinfo-canary, whose DestinationRules it generates from Canary podinfo's spec.service.trafficPolicy",
            "k8s/podinfo.yaml:21:3: warning: ignored: Canary podinfo spec.skipAnalysis is not modelled: Flagger promotes without analysis; meshsim runs the analysis anyway",
            "k8s/podinfo.yaml:18:5: warning: ignored: Canary podinfo spec.service.gateways is not modelled: meshsim applies the generated VirtualService to calls inside the mesh, whatever gateways it names",
        ])
    }

    @Test func aCanaryWithoutAnalysisNeedsTheScenarios() throws {
        let bare = Self.canary.components(separatedBy: "  analysis:")[0]
        let objects = try Self.objects(Self.deployment + "---\n" + bare)
        let scenario = YAMLNode(.mapping([]), at: objects[0].location)
        let (_, diagnostics) = ManifestTranslation.translate(objects, scenario: scenario, namespace: "default")
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "k8s/podinfo.yaml:12:1: error: Canary podinfo has no spec.analysis (Flagger then promotes without a canary phase); meshsim simulates a canary analysis, so write one in the scenario, e.g. rollout: { analysis: { interval: 1m, threshold: 2, stepWeight: 10, metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }] } }",
        ])
        let withAnalysis = try YAMLParser.parse("rollout: { analysis: { threshold: 1, stepWeight: 20 } }\n", file: "scenario.yaml")
        #expect(!ManifestTranslation.translate(objects, scenario: withAnalysis, namespace: "default").diagnostics.contains { $0.severity == .error })
    }

    @Test func theScenariosMetricsReplaceTheCanarys() throws {
        let objects = try Self.objects(Self.deployment + "---\n" + Self.canary)
        let scenario = try YAMLParser.parse("rollout: { analysis: { metrics: [{ name: request-duration, thresholdRange: { max: 300 } }] } }\n", file: "scenario.yaml")
        let (fragment, diagnostics) = ManifestTranslation.translate(objects, scenario: scenario, namespace: "default")
        // The custom metric is not warned about: the scenario's metrics stand in for all the Canary's.
        #expect(diagnostics.isEmpty)
        #expect(fragment["rollout", "analysis", "metrics"] == nil)
        #expect(fragment["rollout", "analysis", "threshold"]?.text == "5")
    }

    /// Flagger's example Canary (artifacts/examples/istio-canary.yaml) matches `uri: { prefix: / }`.
    /// Flagger moves that rule's weights (pkg/router/istio.go, the weighted route keeps
    /// spec.service.match), so it must be the rule meshsim's rollout moves: one without match.
    @Test func aMatchOfEveryPathIsTheRuleTheRolloutMoves() throws {
        let matching = Self.canary.replacingOccurrences(of: "    timeout: 2s", with: "    match: [{ uri: { prefix: / } }]\n    timeout: 2s")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/podinfo.yaml": Self.deployment + "---\n" + matching])
        #expect(!messages.contains { $0.contains("every http rule of podinfo has a match") })
        let http = try #require(loaded.scenario?.service(named: "podinfo")?.http)
        #expect(http.count == 1)
        #expect(http.first?.match.isEmpty == true)
        #expect(http.first?.route.map(\.weight) == [100, 0])
    }

    /// Any other match is kept: it decides which requests the rule takes.
    @Test func aNarrowerMatchIsKept() throws {
        let matching = Self.canary.replacingOccurrences(of: "    timeout: 2s", with: "    match: [{ uri: { prefix: /api } }, { uri: { exact: / } }]\n    timeout: 2s")
        let objects = try Self.objects(Self.deployment + "---\n" + matching)
        let scenario = try YAMLParser.parse("rollout: { start: 1m }\n", file: "scenario.yaml")
        let (fragment, _) = ManifestTranslation.translate(objects, scenario: scenario, namespace: "default")
        let match = try #require(fragment["services", "podinfo", "http"]?.items.first?["match"])
        #expect(match.items.map { $0["uri"]?.entries.first?.key } == ["prefix", "exact"])
    }
}
