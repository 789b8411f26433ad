import Foundation
import Scenario
import Testing
import ManifestImport

/// The products' own example manifests (Fixtures/, each with its source and licence at the
/// top), loaded with a scenario of clients and latencies only. Expected values are read off
/// the upstream files by hand; Fixtures/ lines are the upstream lines plus the 3 header lines.
@Suite struct UpstreamExampleTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    /// Loads `scenario` with the fixture files `manifests` (names in Fixtures/).
    static func load(_ scenario: String, _ manifests: [String]) throws -> (ScenarioLoader.Loaded, [String]) {
        let paths = manifests.map { "\"\(fixtures)/\($0)\"" }.joined(separator: ", ")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": scenario + "manifests: [\(paths)]\n"])
        return (loaded, messages.map { $0.replacingOccurrences(of: fixtures + "/", with: "") })
    }

    /// Istio's Bookinfo (bookinfo.yaml), its DestinationRules (destination-rule-all.yaml) and
    /// the traffic-shifting task's 50/50 VirtualService for reviews.
    @Test func bookinfoWithItsSubsetsAndTheFiftyFiftyShift() throws {
        let scenario = """
            name: bookinfo
            duration: 30s
            mesh: { enabled: true }
            clients: [{ name: web, target: productpage, rate: 50/s }]
            services:
              productpage: { latency: 5ms, calls: [{ service: details }, { service: reviews }] }
              details: { latency: 2ms }
              reviews: { latency: 4ms, calls: [{ service: ratings }] }
              ratings: { latency: 1ms }

            """
        let (loaded, messages) = try Self.load(scenario, ["istio-bookinfo.yaml", "istio-destination-rule-all.yaml", "istio-virtual-service-reviews-50-v3.yaml"])
        let bookinfo = try #require(loaded.scenario)
        #expect(!messages.contains { $0.contains("error:") })
        // Four ServiceAccounts (bookinfo-details, -ratings, -reviews, -productpage); the first at upstream line 47.
        #expect(messages.contains("istio-bookinfo.yaml:50:1: warning: ignored: ServiceAccount (v1) is not modelled (4 objects)"))
        #expect(Set(bookinfo.services.map(\.name)) == ["productpage", "details", "reviews", "ratings"])

        // reviews-v1, -v2, -v3 run 1 replica each; the DestinationRule names them v1, v2, v3.
        let reviews = try #require(bookinfo.service(named: "reviews"))
        #expect(reviews.versions.map(\.name) == ["v1", "v2", "v3"])
        #expect(reviews.versions.map(\.replicas) == [1, 1, 1])
        // ratings has only ratings-v1 in bookinfo.yaml: the other three subsets select no pod.
        let ratings = try #require(bookinfo.service(named: "ratings"))
        #expect(ratings.versions.map(\.name) == ["v1", "v2", "v2-mysql", "v2-mysql-vm"])
        #expect(ratings.versions.map(\.replicas) == [1, 0, 0, 0])
        #expect(messages.contains { $0.hasPrefix("istio-destination-rule-all.yaml:42:5: warning: DestinationRule ratings: subset 'v2'") })
        #expect(bookinfo.service(named: "details")?.versions.map(\.replicas) == [1, 0])

        let route = try #require(reviews.http?.first?.route)
        #expect(route.map(\.destination.subset) == ["v1", "v3"])
        #expect(route.map(\.weight) == [50, 50])
        #expect(route.first?.location.file.hasSuffix("istio-virtual-service-reviews-50-v3.yaml") == true)
        #expect(bookinfo.service(named: "productpage")?.http == nil)
    }

    /// Flagger's Istio example Canary (artifacts/examples/istio-canary.yaml) on its podinfo
    /// Deployment (kustomize/podinfo), both in namespace test.
    @Test func flaggersPodinfoCanary() throws {
        let scenario = """
            name: podinfo
            duration: 2m
            namespace: test
            mesh: { enabled: true }
            clients: [{ name: web, target: podinfo, rate: 20/s }]
            services: { podinfo: { latency: 5ms } }

            """
        let (loaded, messages) = try Self.load(scenario, ["flagger-podinfo-deployment.yaml", "flagger-istio-canary.yaml"])
        #expect(!messages.contains { $0.contains("error:") })
        #expect(!messages.contains { $0.contains("has a match") })
        let podinfo = try #require(loaded.scenario?.service(named: "podinfo"))
        // The Deployment sets no replicas (its HPA scales it): Kubernetes runs 1.
        #expect(podinfo.versions.map(\.name) == ["primary", "canary"])
        #expect(podinfo.versions.map(\.replicas) == [1, 1])
        let rule = try #require(podinfo.http?.first)
        #expect(rule.match.isEmpty)
        #expect(rule.timeout == 30_000_000_000)
        #expect(rule.route.map(\.weight) == [100, 0])

        let rollout = try #require(loaded.scenario?.rollout)
        #expect(rollout.service == "podinfo" && rollout.stable == "primary" && rollout.canary == "canary")
        #expect(rollout.analysis.interval == 15_000_000_000)
        #expect(rollout.analysis.threshold == 10)
        #expect(rollout.analysis.maxWeight == 50)
        #expect(rollout.analysis.stepWeight == 5)
        #expect(rollout.analysis.metrics.map(\.name.rawValue) == ["request-success-rate", "request-duration"])
        #expect(rollout.analysis.metrics.map(\.min) == [99, nil])
        #expect(rollout.analysis.metrics.map(\.max) == [nil, 500])
    }

    /// Kong's HTTPRoute example: /httproute-testing split 75/25 between echo-1 and echo-2.
    @Test func kongsWeightedHTTPRoute() throws {
        let scenario = """
            name: echo
            duration: 30s
            clients: [{ name: web, target: gateway, rate: 20/s, requests: [{ path: /httproute-testing/x }] }]
            services: { echo-1: { latency: 5ms }, echo-2: { latency: 5ms } }

            """
        let (loaded, messages) = try Self.load(scenario, ["kic-gateway-httproute.yaml"])
        #expect(messages == [
            "kic-gateway-httproute.yaml:99:1: warning: ignored: GatewayClass (gateway.networking.k8s.io/v1) is not modelled",
            "kic-gateway-httproute.yaml:108:1: warning: ignored: Gateway (gateway.networking.k8s.io/v1) is not modelled",
        ])
        let routes = try #require(loaded.scenario?.gateway?.routes)
        #expect(routes.count == 1)
        #expect(routes.first?.paths == ["/httproute-testing"])
        #expect(routes.first?.backends.map(\.service) == ["echo-1", "echo-2"])
        #expect(routes.first?.backends.map(\.weight) == [75, 25])
        // Neither Deployment sets replicas: 1 each.
        #expect(loaded.scenario?.service(named: "echo-1")?.versions.map(\.replicas) == [1])
    }
}
