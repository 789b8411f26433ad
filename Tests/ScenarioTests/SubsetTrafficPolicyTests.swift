import Testing
@testable import Scenario

/// `services.S.versions.V.trafficPolicy` (a DestinationRule subset's `trafficPolicy`) and
/// `replicas: 0`, decoded and checked.
@Suite struct SubsetTrafficPolicyTests {
    private func text(_ services: String, mesh: Bool = true) -> String {
        DecodeFixture.header + DecodeFixture.client + "mesh: { enabled: \(mesh) }\n" + services + "\n"
    }

    private let second: Nanoseconds = 1_000_000_000

    /// `orders` on line 6, its `trafficPolicy` from line 8, v2's from line 16, `http` from line 19.
    private let orders = """
        services:
          orders:
            trafficPolicy:
              loadBalancer: { simple: RANDOM }
              connectionPool: { tcp: { maxConnections: 10 }, http: { http1MaxPendingRequests: 5 } }
              outlierDetection: { consecutive5xxErrors: 5, interval: 10s, maxEjectionPercent: 50 }
            versions:
              v1: { replicas: 2 }
              v2:
                replicas: 2
                trafficPolicy:
                  connectionPool: { http: { http2MaxRequests: 100 } }
                  outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100 }
            http:
              - route:
                  - { destination: { host: orders, subset: v1 }, weight: 90 }
                  - { destination: { host: orders, subset: v2 }, weight: 10 }
        """

    @Test func aSubsetPolicyIsItsOwnNotInherited() throws {
        let service = try #require(DecodeFixture.scenario(text(orders))?.services.first)
        #expect(service.version(named: "v1")?.trafficPolicy == nil)
        let own = try #require(service.version(named: "v2")?.trafficPolicy)
        #expect(own.loadBalancer == nil)
        #expect(own.connectionPool == ConnectionPool(http2MaxRequests: 100))
        #expect(own.outlierDetection == OutlierDetection(
            consecutive5xxErrors: 1, maxEjectionPercent: 100, location: SourceLocation(file: "s.yaml", line: 17, column: 29)))
        #expect(own.location == SourceLocation(file: "s.yaml", line: 16, column: 11))
    }

    @Test func theSubsetClusterMergesGroupByGroupAsIstioDoes() throws {
        // MergeTrafficPolicy: a group the subset sets replaces the service's group whole (v2's
        // connectionPool has no tcp limit, its outlierDetection no interval); a group it leaves
        // out is the service's (RANDOM).
        let service = try #require(DecodeFixture.scenario(text(orders))?.services.first)
        let top = try #require(service.trafficPolicy)
        let v2 = try #require(service.trafficPolicy(subset: "v2"))
        #expect(v2.loadBalancer == .random)
        #expect(v2.connectionPool == ConnectionPool(http2MaxRequests: 100))
        #expect(v2.outlierDetection?.consecutive5xxErrors == 1)
        #expect(v2.outlierDetection?.interval == nil)
        #expect(v2.outlierDetection?.maxEjectionPercent == 100)
        // No policy of its own, no subset, or a subset the service lacks: the service's policy.
        #expect(service.trafficPolicy(subset: "v1") == top)
        #expect(service.trafficPolicy(subset: nil) == top)
        #expect(service.trafficPolicy(subset: "v3") == top)
        #expect(top.connectionPool == ConnectionPool(maxConnections: 10, http1MaxPendingRequests: 5))
    }

    @Test func aSubsetPolicyWithoutAServicePolicyIsTheClusterPolicy() throws {
        let own = TrafficPolicy(loadBalancer: .roundRobin, location: SourceLocation(file: "s.yaml", line: 1, column: 1))
        #expect(TrafficPolicy.merged(nil, subset: own) == own)
        #expect(TrafficPolicy.merged(nil, subset: nil) == nil)
        #expect(TrafficPolicy.merged(own, subset: nil) == own)
    }

    @Test func aSubsetPolicyIsDecodedByTheSameRulesAsTheServiceOne() {
        let yaml = """
            services:
              orders:
                versions:
                  v1:
                    trafficPolicy:
                      loadBalancer: { simple: PASSTHROUGH }
                      outlierDetection: { maxEjectionPercent: 101 }
                      tls: { mode: ISTIO_MUTUAL }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "10:35: error: services.orders.versions.v1.trafficPolicy.loadBalancer.simple PASSTHROUGH is not simulated (meshsim has no original destinations)",
            "11:51: error: services.orders.versions.v1.trafficPolicy.outlierDetection.maxEjectionPercent must be between 0 and 100, not 101",
            "12:11: warning: services.orders.versions.v1.trafficPolicy.tls has no effect in a simulation",
        ])
    }

    @Test func replicasMayBeZeroButNotNegative() throws {
        let yaml = """
            services:
              orders:
                replicas: 0
                versions: { v1: {}, v2: { replicas: 3 } }
              idle: { replicas: -1 }
            """
        #expect(DecodeFixture.messages(text(yaml)) == ["9:21: error: services.idle.replicas must be at least 0, not -1"])
        let zero = text("services:\n  orders: { replicas: 0 }")
        let service = try #require(DecodeFixture.scenario(zero)?.services.first)
        #expect(service.versions.map(\.replicas) == [0])
        #expect(try #require(DecodeFixture.scenario(zero)).services.first?.versions.first?.name == "default")
    }

    @Test func aSubsetOutlierDetectionThatCanNeverEjectIsItsOwnWarning() throws {
        // v2's own detector: 100 × 1 / 2 hosts = 50 > 20. The service's (50%) governs v1's
        // cluster only: 100 × 1 / 2 = 50 ≤ 50, so it can eject and is not blamed.
        let yaml = orders.replacingOccurrences(of: "{ consecutive5xxErrors: 1, maxEjectionPercent: 100 }", with: "{ consecutive5xxErrors: 1, maxEjectionPercent: 20 }")
        let scenario = try #require(DecodeFixture.scenario(text(yaml)))
        #expect(ScenarioValidator.validate(scenario) == [.warning(
            "outlier detection of orders/v2 can never eject: 100 × 1 / 2 hosts > maxEjectionPercent (20), so no host is ever ejected; "
                + "raise maxEjectionPercent to at least 50 or run at least 5 hosts",
            at: SourceLocation(file: "s.yaml", line: 17, column: 29))])
    }

    @Test func theServiceDetectorIsJudgedOnTheClustersItStillGoverns() throws {
        // 3 hosts in v1 and 1 in v2 under a service maxEjectionPercent of 50: v2's single host
        // would make it useless (100 > 50), but v2 has a detector of its own, so only v1's 3
        // hosts count (100 × 1 / 3 = 33 ≤ 50): no warning.
        let yaml = orders.replacingOccurrences(of: "v1: { replicas: 2 }", with: "v1: { replicas: 3 }")
            .replacingOccurrences(of: "    replicas: 2\n", with: "    replicas: 1\n")
        let scenario = try #require(DecodeFixture.scenario(text(yaml)))
        #expect(scenario.service(named: "orders")?.version(named: "v2")?.replicas == 1)
        #expect(ScenarioValidator.validate(scenario) == [])
        // Without v2's own detector, the service's governs v2's cluster too.
        var shared = scenario
        shared.services[0].versions[1].trafficPolicy = nil
        #expect(ScenarioValidator.validate(shared).map(\.message) == [
            "outlier detection of orders/v2 can never eject: 100 × 1 / 1 host > maxEjectionPercent (50), so no host is ever ejected; "
                + "raise maxEjectionPercent to at least 100 or run at least 2 hosts",
        ])
    }

    @Test func withoutTheMeshASubsetPolicyIsInactive() throws {
        let scenario = try #require(DecodeFixture.scenario(text(orders, mesh: false)))
        #expect(ScenarioValidator.validate(scenario).map(\.description).filter { $0.contains("inactive") } == [
            "s.yaml:8:7: warning: services.orders.trafficPolicy is inactive while mesh.enabled is false",
            "s.yaml:16:11: warning: services.orders.versions.v2.trafficPolicy is inactive while mesh.enabled is false",
            "s.yaml:19:9: warning: services.orders.http is inactive while mesh.enabled is false",
        ])
    }

    @Test func aRouteToAnUndefinedSubsetIsAnErrorInlineAndAWarningFromAManifest() throws {
        let yaml = orders.replacingOccurrences(of: "subset: v2 }, weight: 10", with: "subset: v3 }, weight: 10")
        var scenario = try #require(DecodeFixture.scenario(text(yaml)))
        let inline = ScenarioValidator.validate(scenario)
        #expect(inline == [.error(
            "destination of services.orders.http: service \"orders\" has no version \"v3\"; did you mean \"v1\"?",
            at: SourceLocation(file: "s.yaml", line: 21, column: 13))])
        scenario.manifestFiles = ["s.yaml"]
        let manifest = ScenarioValidator.validate(scenario)
        #expect(manifest.map(\.severity) == [.warning])
        #expect(manifest.first?.message == "destination of services.orders.http: ReferencedResourceNotFound (IST0101): subset v3 of "
            + "orders is not defined by any DestinationRule; Istio answers 503 NC (no cluster found) for this route; did you mean \"v1\"?")
        // A file that is not the route's own leaves it an error.
        scenario.manifestFiles = ["k8s/other.yaml"]
        #expect(ScenarioValidator.validate(scenario) == inline)
    }
}
