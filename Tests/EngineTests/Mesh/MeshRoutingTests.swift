import Engine
import Scenario
import Testing

/// VirtualService routing, faults, mirrors and sidecar latency in whole runs.
@Suite struct MeshRoutingTests {
    typealias T = TestScenarios

    private func shop(mesh: Bool, extra: String = "") -> String {
        """
        name: shop
        duration: 20s
        clients:
          - { name: web, rate: 100/s }
        gateway:
          routes: [{ name: all, paths: [/], service: front }]
        mesh: { enabled: \(mesh), sidecarLatency: 1ms, mtls: STRICT, mtlsLatency: 500us }
        services:
          front:
            concurrency: 1000
            latency: 10ms
            calls: [{ service: back }]
          back:
            concurrency: 1000
            latency: 5ms
        \(extra)
        """
    }

    @Test func theMeshAddsTwoSidecarsAndMTLSPerHopAtTheMedian() throws {
        let gatewayOnly = try MeshScenario.run(shop(mesh: false))
        let mesh = try MeshScenario.run(shop(mesh: true))
        let before = try #require(gatewayOnly.summary[0].latency?.p50)
        let after = try #require(mesh.summary[0].latency?.p50)
        #expect(before == 15 * T.ms)
        // Two hops (gateway → front, front → back), each 1 ms + 1 ms + 0.5 ms.
        #expect(after == 20 * T.ms)
        #expect(gatewayOnly.summary[0].counts.requests == mesh.summary[0].counts.requests)
        let usage = try #require(mesh.mesh)
        #expect(gatewayOnly.mesh == nil)
        #expect(usage.proxies == 3)
        #expect(usage.sidecarPasses == 4 * mesh.summary[0].counts.requests)
        #expect(usage.addedLatencyPerRequest == 5e6)
    }

    @Test func aMeshThatAddsNoLatencyAndMeetsNoFailureChangesNothing() throws {
        // Arrivals, service times and instance picks draw from separate streams, so on one
        // instance, with nothing failing, the mesh's decisions cannot change any answer.
        var scenario = TestScenarios.queue(rate: 500, requests: 20_000, latency: .exponential(mean: T.ms))
        let gatewayOnly = try Simulator.run(scenario)
        scenario.mesh.enabled = true
        let mesh = try Simulator.run(scenario)
        #expect(mesh.summary == gatewayOnly.summary)
        #expect(mesh.timeseries == gatewayOnly.timeseries)
        #expect(mesh.mesh?.addedLatency == 0)
    }

    @Test func aHeaderMatchThenWeightsSplitAsTheVirtualServiceSays() throws {
        let yaml = """
            name: canary
            duration: 100s
            clients:
              - name: web
                target: orders
                rate: 100/s
                requests:
                  - { weight: 20, path: /, headers: { x-canary: "true" } }
                  - { weight: 80, path: / }
            mesh: { enabled: true }
            services:
              orders:
                concurrency: 100
                latency: 1ms
                versions: { v1: { replicas: 2 }, v2: { replicas: 1 } }
                http:
                  - match: [{ headers: { x-canary: { exact: "true" } } }]
                    route: [{ destination: { host: orders, subset: v2 } }]
                  - route:
                      - { destination: { host: orders, subset: v1 }, weight: 90 }
                      - { destination: { host: orders, subset: v2 }, weight: 10 }
            """
        let result = try MeshScenario.run(yaml)
        let total = Double(result.summary[0].counts.requests)
        let v2 = Double(try #require(T.row(result, .version, "orders/v2")).counts.requests)
        // 20% by header plus 10% of the other 80%: 28% (10,000 requests, 4σ = 0.018).
        #expect(abs(v2 / total - 0.28) < 0.018, "v2 share \(v2 / total)")
    }

    @Test func aMirrorCopiesTrafficWithoutSlowingTheCaller() throws {
        let yaml = """
            name: mirror
            duration: 10s
            clients:
              - { name: web, target: orders, rate: 100/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              orders:
                concurrency: 100
                latency: 2ms
                versions: { v1: {}, v2: { latency: 300ms } }
                http:
                  - route: [{ destination: { host: orders, subset: v1 } }]
                    mirror: { host: orders, subset: v2 }
                    mirrorPercentage: { value: 50 }
            """
        let result = try MeshScenario.run(yaml)
        #expect(result.summary[0].latency?.max == 2 * T.ms)
        let mirrored = try #require(T.row(result, .version, "orders/v2")).counts.requests
        // Binomial(1000, 0.5): 500 ± 4σ (4 × 15.8).
        #expect((436...564).contains(mirrored))
        #expect(T.row(result, .version, "orders/v1")?.counts.requests == 1000)
    }

    @Test func anAbortIsALocalAnswerThatIsNeverRetried() throws {
        let yaml = """
            name: abort
            duration: 100s
            clients:
              - { name: web, target: s, rate: 100/s }
            mesh: { enabled: true }
            services:
              s:
                concurrency: 100
                latency: 1ms
                http:
                  - route: [{ destination: { host: s } }]
                    retries: { attempts: 3, retryOn: 5xx }
                    fault:
                      abort: { percentage: { value: 10 }, httpStatus: 503 }
                      delay: { percentage: { value: 100 }, fixedDelay: 20ms }
            """
        let result = try MeshScenario.run(yaml)
        let counts = result.summary[0].counts
        #expect(counts.retries == 0)
        let aborted = Double(MeshScenario.count(result, .total, "all", code: 503, flag: "FI"))
        // 10% of 10,000: 4σ = 0.012.
        #expect(abs(aborted / Double(counts.requests) - 0.1) < 0.012)
        #expect(MeshScenario.count(result, .total, "all", code: 200, flag: "DI") == counts.ok)
        // The delay comes before routing: 20 ms + 1 ms for every answer.
        #expect(result.summary[0].latency?.max == 21 * T.ms)
    }

    @Test func aSidecarsOwnAnswerReachesACallingInstanceWithoutStallingIt() throws {
        // The abort answers every call from a to b at once; a (4 slots) must answer 500 to
        // every request and free its slot, not wait for ever.
        let yaml = """
            name: local-answer
            duration: 10s
            clients:
              - { name: web, target: a, rate: 10/s, arrival: uniform, timeout: 1s }
            mesh: { enabled: true }
            services:
              a: { concurrency: 4, latency: 1ms, calls: [{ service: b }] }
              b:
                http:
                  - route: [{ destination: { host: b } }]
                    fault: { abort: { percentage: { value: 100 }, httpStatus: 503 } }
            """
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .total, "all", code: 500, flag: "-") == 100)
        #expect(MeshScenario.count(result, .service, "b", code: 503, flag: "FI") == 100)
        #expect(MeshScenario.count(result, .version, "b/default", code: 503, flag: "FI") == 100)
    }

    @Test func aPartitionIsAConnectFailureRetriedUntilExhausted() throws {
        let yaml = shop(mesh: true, extra: """
            faults:
              - { name: split, at: 0s, target: back, kind: partition, from: front, to: back }
            """)
        let result = try MeshScenario.run(yaml)
        let back = try #require(T.row(result, .service, "back"))
        // Istio's default policy retries connect failures twice: three refused attempts.
        #expect(back.counts.requests == 3 * result.summary[0].counts.requests)
        #expect(MeshScenario.count(result, .service, "back", code: 503, flag: "URX") == 0)
        #expect(MeshScenario.count(result, .service, "back", code: 503, flag: "UF") == back.counts.requests)
        // front fails the request (onCallFailure: fail) with 500.
        #expect(MeshScenario.count(result, .total, "all", code: 500, flag: "-") == result.summary[0].counts.requests)
    }

    @Test func aRequestNoRuleMatchesGets404NR() throws {
        let yaml = """
            name: nr
            duration: 1s
            clients:
              - { name: web, target: s, rate: 10/s, requests: [{ path: /other }] }
            mesh: { enabled: true }
            services:
              s:
                http:
                  - match: [{ uri: { prefix: /api } }]
                    route: [{ destination: { host: s } }]
            """
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .total, "all", code: 404, flag: "NR") == result.summary[0].counts.requests)
    }
}
