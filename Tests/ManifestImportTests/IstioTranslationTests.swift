import Scenario
import Testing
@testable import ManifestImport

/// The Bookinfo-style canary of Scenarios/canary-split.yaml, once as manifests and once inline.
@Suite struct IstioTranslationTests {
    static let clients = """
        name: shop
        duration: 1m
        mesh: { enabled: true }
        clients: [{ name: web, target: checkout, rate: 10/s }]

        """

    static let manifestScenario = clients + """
        namespace: shop
        manifests: [k8s/]
        services:
          checkout: { latency: 5ms }

        """

    static let inlineScenario = clients + """
        services:
          checkout:
            latency: 5ms
            versions:
              v1: { replicas: 6 }
              v2: { replicas: 2 }
            trafficPolicy:
              outlierDetection: { consecutive5xxErrors: 3, interval: 5s, baseEjectionTime: 1m, maxEjectionPercent: 50 }
            http:
              - match: [{ headers: { x-canary: { exact: "true" } } }]
                route: [{ destination: { host: checkout, subset: v2 } }]
              - route:
                  - { destination: { host: checkout, subset: v1 }, weight: 90 }
                  - { destination: { host: checkout, subset: v2 }, weight: 10 }

        """

    static func deployment(_ name: String, version: String, replicas: Int?) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: \(name) }
        spec:
        \(replicas.map { "  replicas: \($0)\n" } ?? "")  selector: { matchLabels: { app: checkout, version: \(version) } }
          template:
            metadata: { labels: { app: checkout, version: \(version) } }
            spec: { containers: [{ name: app, image: checkout }] }

        """
    }

    static let service = """
        apiVersion: v1
        kind: Service
        metadata: { name: checkout }
        spec: { selector: { app: checkout }, ports: [{ port: 80 }] }

        """

    static let destinationRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: checkout, namespace: shop }
        spec:
          host: checkout.shop.svc.cluster.local
          trafficPolicy:
            outlierDetection: { consecutive5xxErrors: 3, interval: 5s, baseEjectionTime: 1m, maxEjectionPercent: 50 }
          subsets:
            - { name: v1, labels: { version: v1 } }
            - { name: v2, labels: { version: v2 } }

        """

    static let virtualService = """
        apiVersion: networking.istio.io/v1beta1
        kind: VirtualService
        metadata: { name: checkout }
        spec:
          hosts: [checkout]
          http:
            - match: [{ headers: { x-canary: { exact: "true" } } }]
              route: [{ destination: { host: checkout.shop.svc.cluster.local, subset: v2 } }]
            - route:
                - { destination: { host: checkout, subset: v1 }, weight: 90 }
                - { destination: { host: checkout, subset: v2 }, weight: 10 }

        """

    static var manifests: [String: String] {
        [
            "scenario.yaml": manifestScenario,
            "k8s/service.yaml": service,
            "k8s/deployments.yaml": deployment("checkout-v1", version: "v1", replicas: 6) + "---\n" + deployment("checkout-v2", version: "v2", replicas: 2),
            "k8s/istio/dr.yaml": destinationRule,
            "k8s/istio/vs.yaml": virtualService,
        ]
    }

    @Test func manifestsLoadAsTheInlineTwin() throws {
        let (loaded, messages) = try ManifestFixture.loaded(Self.manifests)
        #expect(messages == [])
        let inline = ScenarioLoader.load(text: Self.inlineScenario, file: "inline.yaml")
        let manifest = try #require(loaded.scenario?.services.first)
        let twin = try #require(inline.scenario?.services.first)
        #expect(manifest.name == "checkout")
        #expect(manifest.versions.map(\.name) == ["v1", "v2"])
        #expect(manifest.versions.map(\.replicas) == [6, 2])
        #expect(manifest.versions.map(\.latency) == twin.versions.map(\.latency))
        let outlier = try #require(manifest.trafficPolicy?.outlierDetection)
        #expect(outlier.consecutive5xxErrors == 3)
        #expect(outlier.interval == 5_000_000_000)
        #expect(outlier.baseEjectionTime == 60_000_000_000)
        #expect(outlier.maxEjectionPercent == 50)
        #expect(manifest.trafficPolicy?.outlierDetection?.interval == twin.trafficPolicy?.outlierDetection?.interval)
        let http = try #require(manifest.http)
        #expect(http.map { $0.match.map(\.headers) } == [[[HeaderMatch(name: "x-canary", match: .exact("true"))]], []])
        #expect(http.map { $0.route.map(\.destination) } == [
            [Destination(host: "checkout", subset: "v2")],
            [Destination(host: "checkout", subset: "v1"), Destination(host: "checkout", subset: "v2")],
        ])
        #expect(http.map { $0.route.map(\.weight) } == [[nil], [90, 10]])
        #expect(http.map { $0.route.map(\.destination) } == (twin.http ?? []).map { $0.route.map(\.destination) })
        // The decoders locate what they read in the manifests.
        #expect(outlier.location.file.hasSuffix("k8s/istio/dr.yaml") && outlier.location.line == 7)
        #expect(http[0].location.file.hasSuffix("k8s/istio/vs.yaml") && http[0].location.line == 7)
    }

    @Test func aDestinationRuleInAnotherNamespaceConfiguresNameDotNamespace() throws {
        var files = Self.manifests
        files["k8s/ratings.yaml"] = """
            apiVersion: v1
            kind: Service
            metadata: { name: ratings, namespace: books }
            spec: { selector: { app: ratings } }
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: ratings, namespace: books }
            spec:
              replicas: 4
              template: { metadata: { labels: { app: ratings } } }
            ---
            apiVersion: networking.istio.io/v1alpha3
            kind: DestinationRule
            metadata: { name: ratings, namespace: books }
            spec:
              host: ratings
              trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: ratings, namespace: shop }
            spec:
              hosts: [ratings.books]
              http: [{ route: [{ destination: { host: ratings.books.svc.cluster.local } }] }]

            """
        let (loaded, messages) = try ManifestFixture.loaded(files)
        // Istio completes only dot-less names: `ratings.books` is taken as a full name there.
        #expect(messages == [
            "k8s/ratings.yaml:24:11: warning: VirtualService ratings: Istio reads host 'ratings.books' as a fully qualified name (it completes only names without a dot), so in the cluster it matches no service's host name; meshsim reads it as service ratings.books: write ratings.books.svc.cluster.local",
        ])
        let ratings = try #require(loaded.scenario?.services.first { $0.name == "ratings.books" })
        #expect(ratings.versions.map(\.replicas) == [4])
        #expect(ratings.trafficPolicy?.loadBalancer == .roundRobin)
        #expect(ratings.http?.first?.route.map(\.destination) == [Destination(host: "ratings.books")])
    }

    @Test func anUnknownDestinationHostIsAnErrorWithDidYouMean() throws {
        var files = Self.manifests
        files["k8s/istio/vs.yaml"] = Self.virtualService.replacingOccurrences(of: "host: checkout.shop.svc.cluster.local", with: "host: chekout")
        let (loaded, messages) = try ManifestFixture.loaded(files)
        #expect(loaded.scenario == nil)
        #expect(messages == [
            "k8s/istio/vs.yaml:8:38: error: VirtualService checkout: host 'chekout' names no service that a Deployment or the scenario backs; did you mean 'checkout'?",
        ])
    }

    @Test func aVirtualServiceBoundOnlyToAGatewayLeavesSidecarsAlone() throws {
        var files = Self.manifests
        files["k8s/istio/vs.yaml"] = Self.virtualService.replacingOccurrences(of: "  hosts: [checkout]\n", with: "  hosts: [checkout]\n  gateways: [istio-system/ingress]\n")
        let (loaded, messages) = try ManifestFixture.loaded(files)
        #expect(messages == [
            "k8s/istio/vs.yaml:6:13: warning: VirtualService checkout is bound to gateways istio-system/ingress and not to 'mesh': Istio applies it at those gateways only, so meshsim ignores it for the calls sidecars route",
        ])
        #expect(loaded.scenario?.services.first?.http == nil)
    }

    @Test func httpInlineAndFromAVirtualServiceIsDefinedTwice() throws {
        var files = Self.manifests
        files["scenario.yaml"] = Self.manifestScenario.replacingOccurrences(
            of: "checkout: { latency: 5ms }", with: "checkout: { latency: 5ms, http: [{ route: [{ destination: { subset: v1 } }] }] }")
        let (loaded, messages) = try ManifestFixture.loaded(files)
        #expect(loaded.scenario == nil)
        #expect(messages == ["k8s/istio/vs.yaml:7:5: error: services.checkout.http is defined twice: here and at scenario.yaml:8:35"])
    }

    @Test func twoVirtualServicesForOneHostAreAnError() throws {
        var files = Self.manifests
        files["k8s/istio/vs2.yaml"] = Self.virtualService.replacingOccurrences(of: "name: checkout }", with: "name: checkout-2 }")
        let fixture = try ManifestFixture(files)
        defer { fixture.remove() }
        #expect(fixture.messages(fixture.load()) == [
            "k8s/istio/vs2.yaml:5:11: error: VirtualService checkout-2 routes host checkout for sidecars, as does VirtualService checkout at \(fixture.folder)/k8s/istio/vs.yaml:2:1; Istio merges VirtualServices only at gateways, so sidecars would use one of them: merge them into one",
        ].map { $0.replacingOccurrences(of: fixture.folder + "/", with: "") })
    }
}
