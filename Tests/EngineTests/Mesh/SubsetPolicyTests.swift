import Engine
import Scenario
import Testing

/// A DestinationRule subset's own `trafficPolicy` in whole runs: Istio builds each subset
/// cluster with the subset's policy merged over the top-level one, so only the calls routed
/// to that subset run under it.
@Suite struct SubsetPolicyTests {
    /// Two callers, one per subset: `one` sends to v1 (no header), `two` to v2 (`x-v: 2`),
    /// 10 requests/s each, evenly spaced, for 20 s: 200 requests each.
    private func twoSubsets(service: String) -> String {
        """
        name: subset-policy
        duration: 20s
        clients:
          - { name: one, target: s, rate: 10/s, arrival: uniform }
          - { name: two, target: s, rate: 10/s, arrival: uniform, requests: [{ path: /, headers: { x-v: "2" } }] }
        mesh: { enabled: true }
        services:
          s:
        \(service)
            http:
              - match: [{ headers: { x-v: { exact: "2" } } }]
                route: [{ destination: { host: s, subset: v2 } }]
                retries: { attempts: 0 }
              - route: [{ destination: { host: s, subset: v1 } }]
                retries: { attempts: 0 }
        """
    }

    @Test func aSubsetOutlierDetectionEjectsOnlyInItsOwnCluster() throws {
        // Both versions answer every request 500 from their one host. The service's detector
        // keeps Istio's maxEjectionPercent of 10: 100 × 1 / 1 host > 10, it can never eject, so
        // v1 answers all 200 with its 500. v2's own detector (100%) ejects its host after the
        // first five 500s (t = 0 … 0.4 s) for 30 s, past the end: the other 195 get 503 UH.
        let yaml = twoSubsets(service: """
                latency: 1ms
                errors: 100%
                trafficPolicy:
                  outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s }
                versions:
                  v1: {}
                  v2:
                    trafficPolicy:
                      outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 100 }
            """)
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .version, "s/v1", code: 500, flag: "-") == 200)
        #expect(MeshScenario.count(result, .version, "s/v1", code: 503, flag: "UH") == 0)
        #expect(MeshScenario.count(result, .version, "s/v2", code: 500, flag: "-") == 5)
        #expect(MeshScenario.count(result, .version, "s/v2", code: 503, flag: "UH") == 195)
        let ejections = result.events.filter { $0.kind == "eject" }
        #expect(ejections.map(\.target) == ["s/v2/0"])
        #expect(ejections.first?.detail == "consecutive_5xx=5 caller=two ejections=1 for=30s")
        #expect(TestScenarios.row(result, .version, "s/v2")?.ejections == 1)
        #expect(TestScenarios.row(result, .version, "s/v1")?.ejections == 0)
    }

    @Test func withoutTheSubsetPolicyTheServiceDetectorGovernsBothSubsets() throws {
        // The control for the test above: with no policy of its own, v2's cluster has the
        // service's detector, which cannot eject its single host.
        let yaml = twoSubsets(service: """
                latency: 1ms
                errors: 100%
                trafficPolicy:
                  outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s }
                versions: { v1: {}, v2: {} }
            """)
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .version, "s/v2", code: 500, flag: "-") == 200)
        #expect(!result.events.contains { $0.kind == "eject" })
    }

    @Test func aSubsetConnectionPoolOverflowsWhileTheOtherSubsetDoesNot() throws {
        // Each request takes 1 s and the instances have room for 100 at once. v2's sidecars
        // allow one connection and one pending request: the request at t = 0 is sent, one
        // more waits, and every second a connection frees, the waiting one is sent and the
        // next arrival takes its place. Served: the first, plus one per second of the 20 =
        // 21; the other 179 overflow (503 UO). v1 keeps the service's policy, with no limit.
        let yaml = twoSubsets(service: """
                concurrency: 100
                latency: 1s
                versions:
                  v1: {}
                  v2:
                    trafficPolicy:
                      connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } }
            """)
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .version, "s/v1", code: 200, flag: "-") == 200)
        #expect(MeshScenario.count(result, .version, "s/v1", code: 503, flag: "UO") == 0)
        #expect(MeshScenario.count(result, .version, "s/v2", code: 200, flag: "-") == 21)
        #expect(MeshScenario.count(result, .version, "s/v2", code: 503, flag: "UO") == 179)
        #expect(TestScenarios.row(result, .client, "two")?.counts.overflows == 179)
    }

    /// Three hosts of v2, host 0 crashed and refusing, no retries: each pick of host 0 is
    /// one 503 UF, so the failures count the balancer's picks of it.
    private func crashedHostOfThree(subsetPolicy: String) -> String {
        """
        name: subset-balancer
        duration: 30s
        clients:
          - { name: load, target: s, rate: 100/s, arrival: uniform }
        mesh: { enabled: true }
        services:
          s:
            concurrency: 10
            latency: 1ms
            trafficPolicy: { loadBalancer: { simple: RANDOM } }
            versions:
              v1: { replicas: 3 }
              v2: { replicas: 3\(subsetPolicy) }
            http:
              - route: [{ destination: { host: s, subset: v2 } }]
                retries: { attempts: 0 }
        faults:
          - { name: down, at: 0s, target: s/v2/0, kind: crash }
        """
    }

    @Test func aSubsetLoadBalancerReplacesTheServiceOne() throws {
        // v2's loadBalancer replaces the service's RANDOM: ROUND_ROBIN takes the three hosts in
        // turn, so of 3,000 requests exactly 1,000 reach the crashed host, whatever the seed.
        let roundRobin = try MeshScenario.run(crashedHostOfThree(subsetPolicy: ", trafficPolicy: { loadBalancer: { simple: ROUND_ROBIN } }"))
        #expect(TestScenarios.row(roundRobin, .version, "s/v2")?.counts.requests == 3000)
        #expect(MeshScenario.count(roundRobin, .version, "s/v2", code: 503, flag: "UF") == 1000)
        // The control: under the service's RANDOM the count is binomial, not exactly a third.
        let random = try MeshScenario.run(crashedHostOfThree(subsetPolicy: ""))
        let failures = MeshScenario.count(random, .version, "s/v2", code: 503, flag: "UF")
        #expect(failures != 1000 && abs(failures - 1000) < 100, "\(failures) failures")
    }
}
