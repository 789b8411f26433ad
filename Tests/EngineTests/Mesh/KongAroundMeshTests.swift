import Engine
import Scenario
import Testing

/// The gateway in the mesh: Kong's route timeout wraps the gateway replica's sidecar hop,
/// and compare's setups stay independent of how they are scheduled.
@Suite struct KongAroundMeshTests {
    typealias T = TestScenarios

    @Test func kongRetriesTheWholeHopWhenItsTimeoutFires() throws {
        // The only instance hangs; the mesh has no route timeout. Kong gives each try 200 ms
        // and retries twice: 504 at 600 ms, three attempts at the service per request.
        let yaml = """
            name: kong-timeout
            duration: 10s
            clients:
              - { name: web, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: all, paths: [/], service: s, timeout: 200ms, retries: 2 }]
            mesh: { enabled: true }
            services:
              s: { concurrency: 1000, latency: 1ms }
            faults:
              - { name: hang, at: 0s, target: s, kind: hang }
            """
        let result = try MeshScenario.run(yaml)
        let total = result.summary[0]
        #expect(total.counts.requests == 100)
        #expect(total.counts.retries == 200)
        #expect(total.latency?.p50 == 600 * T.ms)
        #expect(total.latency?.max == 600 * T.ms)
        #expect(MeshScenario.count(result, .total, "all", code: 504, flag: "UT") == 100)
        #expect(MeshScenario.count(result, .service, "s", code: 504, flag: "UT") == 300)
    }

    @Test func kongDoesNotRetryAnAnswerFromItsSidecar() throws {
        // The sidecar retries the refused connections itself (Istio's default) and answers
        // 503 URX when both instances are down; Kong sees an answer, not a connect failure.
        let yaml = """
            name: kong-answer
            duration: 10s
            clients:
              - { name: web, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: all, paths: [/], service: s, retries: 5 }]
            mesh: { enabled: true }
            services:
              s: { replicas: 2, concurrency: 1000, latency: 1ms }
            faults:
              - { name: crash, at: 0s, target: s, kind: crash }
            """
        let result = try MeshScenario.run(yaml)
        let total = result.summary[0]
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "URX") == 100)
        #expect(total.counts.retries == 200)
        #expect(T.row(result, .service, "s")?.counts.requests == 300)
    }

    @Test func meshAndGatewayOnlyVariantsGiveTheSameResultsInParallelOrOneByOne() throws {
        let yaml = """
            name: variants
            duration: 20s
            clients:
              - { name: web, rate: 200/s }
            gateway:
              replicas: 2
              routes: [{ name: all, paths: [/], service: front }]
            mesh: { enabled: true, sidecarLatency: 300us }
            services:
              front:
                replicas: 3
                concurrency: 4
                latency: exp(5ms)
                calls: [{ service: back }]
                trafficPolicy:
                  outlierDetection: { consecutive5xxErrors: 3, maxEjectionPercent: 50 }
              back:
                replicas: 2
                concurrency: 8
                latency: exp(3ms)
                errors: 2%
            faults:
              - { name: crash, at: 5s, duration: 5s, target: back/default/0, kind: crash }
            """
        let mesh = try #require(MeshScenario.load(yaml))
        var gatewayOnly = mesh
        gatewayOnly.mesh.enabled = false
        let parallel = Simulator.runEach([mesh, gatewayOnly, mesh], jobs: 3)
        let serial = Simulator.runEach([mesh, gatewayOnly, mesh], jobs: 1)
        for (a, b) in zip(parallel, serial) {
            let left = try a.get()
            let right = try b.get()
            #expect(left.summary == right.summary)
            #expect(left.timeseries == right.timeseries)
            #expect(left.events == right.events)
            #expect(left.responses == right.responses)
            #expect(left.mesh == right.mesh)
        }
        // The two setups saw the same client arrivals.
        let first = try parallel[0].get().summary[0].counts.requests
        #expect(try parallel[1].get().summary[0].counts.requests == first)
    }
}
