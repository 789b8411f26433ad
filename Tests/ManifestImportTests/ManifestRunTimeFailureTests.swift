import Scenario
import Testing
@testable import ManifestImport

/// What a cluster accepts and then fails on loads with a warning, and the scenario carries
/// the failure (an empty subset, a route to an undefined subset), as issue 17 asks.
@Suite struct ManifestRunTimeFailureTests {
    static let scenario = """
        name: shop
        duration: 1m
        manifests: [k8s/]
        mesh: { enabled: true }
        clients: [{ name: web, target: reviews, rate: 10/s }]
        services:
          reviews: { latency: 5ms }

        """

    static let workloads = """
        apiVersion: v1
        kind: Service
        metadata: { name: reviews }
        spec: { selector: { app: reviews } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: reviews-v1 }
        spec:
          replicas: 2
          template: { metadata: { labels: { app: reviews, version: v1 } } }

        """

    static let destinationRule = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: reviews }
        spec:
          host: reviews
          trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }
          subsets:
            - name: v1
              labels: { version: v1 }
              trafficPolicy: { outlierDetection: { consecutive5xxErrors: 3 } }
            - name: v2
              labels: { version: v2 }

        """

    @Test func aSubsetWithoutDeploymentHasNoInstancesAndItsPolicyIsTheSubsets() throws {
        let (loaded, _) = try ManifestFixture.loaded([
            "scenario.yaml": Self.scenario, "k8s/workloads.yaml": Self.workloads, "k8s/dr.yaml": Self.destinationRule,
        ])
        let reviews = try #require(loaded.scenario?.service(named: "reviews"))
        #expect(reviews.versions.map(\.name) == ["v1", "v2"])
        #expect(reviews.versions.map(\.replicas) == [2, 0])
        // Istio merges a subset's policy over the rule's field group by field group.
        #expect(reviews.trafficPolicy(subset: "v1")?.outlierDetection?.consecutive5xxErrors == 3)
        #expect(reviews.trafficPolicy(subset: "v1")?.loadBalancer == reviews.trafficPolicy?.loadBalancer)
        #expect(reviews.trafficPolicy(subset: "v2")?.outlierDetection == nil)
        #expect(loaded.errors.isEmpty)
        #expect(loaded.warnings.contains { $0.location.file.hasSuffix("k8s/dr.yaml") && $0.location.line == 11 && $0.message.contains("503") })
    }

    @Test func aRouteToAnUndefinedSubsetIsIST0101AndLoads() throws {
        let virtualService = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews }
            spec:
              hosts: [reviews]
              http:
                - route:
                    - destination: { host: reviews, subset: v3 }

            """
        let (loaded, _) = try ManifestFixture.loaded([
            "scenario.yaml": Self.scenario, "k8s/workloads.yaml": Self.workloads, "k8s/dr.yaml": Self.destinationRule,
            "k8s/vs.yaml": virtualService,
        ])
        #expect(loaded.errors.isEmpty)
        let warning = try #require(loaded.warnings.first { $0.location.file.hasSuffix("k8s/vs.yaml") })
        #expect(warning.message.contains("IST0101"))
        #expect(warning.message.contains("v3"))
        #expect(warning.location.line == 8)
    }

    @Test func theSameRouteWrittenInlineIsStillAnError() throws {
        let inline = Self.scenario.replacingOccurrences(of: "manifests: [k8s/]\n", with: "") + """
                versions: { v1: {}, v2: {} }
                http: [{ route: [{ destination: { subset: v3 } }] }]

            """
        let fixture = try ManifestFixture(["scenario.yaml": inline.replacingOccurrences(of: "  reviews: { latency: 5ms }\n", with: "  reviews:\n    latency: 5ms\n")])
        defer { fixture.remove() }
        #expect(fixture.load().errors.count == 1)
    }
}
