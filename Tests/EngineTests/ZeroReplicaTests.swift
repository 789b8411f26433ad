import Engine
import Scenario
import Testing

/// `replicas: 0`: a Deployment scaled to zero, or a DestinationRule subset whose labels match
/// no pod. Envoy answers a cluster without hosts itself: 503 with flag UH ("no healthy
/// upstream"). Without the mesh the call is refused, as by an instance that is down.
@Suite struct ZeroReplicaTests {
    @Test func withTheMeshEveryRequestToAServiceScaledToZeroIs503UH() throws {
        // 10 requests/s, evenly spaced, for 10 s: 100 requests, none of which reaches a host.
        let yaml = """
            name: scaled-to-zero
            duration: 10s
            clients:
              - { name: load, target: s, rate: 10/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s: { replicas: 0, latency: 1ms }
            """
        let result = try MeshScenario.run(yaml)
        #expect(result.responses.map { "\($0.scope.rawValue),\($0.name),\($0.code),\($0.flag),\($0.count)" } == [
            "total,all,503,UH,100",
            "client,load,503,UH,100",
            "service,s,503,UH,100",
            "version,s/default,503,UH,100",
        ])
        #expect(TestScenarios.row(result, .version, "s/default")?.counts.errors == 100)
    }

    @Test func aSubsetWithoutPodsAnswers503UHWhileItsSiblingServes() throws {
        // Requests with `x-v: 2` go to v2, which has no pods; the others to v1.
        let yaml = """
            name: empty-subset
            duration: 10s
            clients:
              - { name: old, target: s, rate: 10/s, arrival: uniform }
              - { name: new, target: s, rate: 10/s, arrival: uniform, requests: [{ path: /, headers: { x-v: "2" } }] }
            mesh: { enabled: true }
            services:
              s:
                latency: 1ms
                versions: { v1: { replicas: 2 }, v2: { replicas: 0 } }
                trafficPolicy:
                  loadBalancer: { consistentHash: { httpHeaderName: x-v } }
                  outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100 }
                http:
                  - match: [{ headers: { x-v: { exact: "2" } } }]
                    route: [{ destination: { host: s, subset: v2 } }]
                  - route: [{ destination: { host: s, subset: v1 } }]
            """
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .version, "s/v1", code: 200, flag: "-") == 100)
        #expect(MeshScenario.count(result, .version, "s/v2", code: 503, flag: "UH") == 100)
        #expect(TestScenarios.row(result, .client, "new")?.counts.errors == 100)
        #expect(!result.events.contains { $0.kind == "eject" })
    }

    @Test func withoutTheMeshAServiceScaledToZeroRefusesAsADownInstanceDoes() throws {
        // The engine answers a refused connection 503 UF: the same as when every instance has
        // crashed, shown by the second run (where the request at t = 0 is in service when the
        // crash resets it: 503 UC, and the 99 after it are refused).
        let scaled = Scenario(
            name: "scaled", duration: 10 * TestScenarios.second,
            clients: [TestScenarios.client(target: .service("s"), arrival: .rate(10, .uniform))],
            services: [TestScenarios.service("s", replicas: 0, latency: .constant(TestScenarios.ms))])
        let result = try Simulator.run(scaled)
        #expect(result.responses.map { "\($0.scope.rawValue),\($0.name),\($0.code),\($0.flag),\($0.count)" } == [
            "total,all,503,UF,100",
            "client,load,503,UF,100",
            "service,s,503,UF,100",
            "version,s/default,503,UF,100",
        ])
        var crashed = scaled
        crashed.services = [TestScenarios.service("s", replicas: 1, latency: .constant(TestScenarios.ms))]
        crashed.faults = [Fault(name: "down", at: 0, target: .service("s"), kind: .crash, location: TestScenarios.here)]
        let down = try Simulator.run(crashed)
        #expect(MeshScenario.count(down, .total, "all", code: 503, flag: "UF") == 99)
        #expect(MeshScenario.count(down, .total, "all", code: 503, flag: "UC") == 1)
        #expect(down.summary.map(\.counts.errors) == result.summary.map(\.counts.errors))
    }

    @Test func aVersionWithoutInstancesKeepsItsRowsWithZeroRequests() throws {
        // Without the mesh calls spread over the instances there are: v2 gets nothing, and
        // still has its summary row and a time-series row per interval, weight 0.
        var scenario = Scenario(
            name: "idle", duration: 30 * TestScenarios.second,
            clients: [TestScenarios.client(target: .service("s"), arrival: .rate(10, .uniform))],
            services: [Service(
                name: "s",
                versions: [
                    ServiceVersion(name: "v1", replicas: 2, location: TestScenarios.here),
                    ServiceVersion(name: "v2", replicas: 0, location: TestScenarios.here),
                ],
                hasDeclaredVersions: true, location: TestScenarios.here)])
        scenario.interval = 10 * TestScenarios.second
        let result = try Simulator.run(scenario)
        #expect(TestScenarios.row(result, .version, "s/v1")?.counts.requests == 300)
        let v2 = try #require(TestScenarios.row(result, .version, "s/v2"))
        #expect(v2.counts.requests == 0 && v2.latency == nil)
        let rows = result.timeseries.filter { $0.scope == .version && $0.name == "s/v2" }
        #expect(rows.map(\.requests) == [0, 0, 0])
        #expect(rows.map(\.weight) == [0, 0, 0])
        #expect(result.timeseries.filter { $0.scope == .version && $0.name == "s/v1" }.map(\.weight) == [100, 100, 100])
        // Same scenario, same seed: the same result.
        #expect(try Simulator.run(scenario).timeseries == result.timeseries)
    }

    @Test func faultsAndRolloutsOnAVersionWithoutInstancesTouchNothing() throws {
        // 50% of no instances is none. The canary has no pods: the requests drawn for it (10%
        // from 5 s) are refused, 503 UF, counted on the service's row as no instance took them,
        // and its analysis sees no canary answer at all, a failed check each interval, as
        // Flagger fails a check whose metric query finds no values.
        let yaml = """
            name: zero-canary
            duration: 20s
            clients:
              - { name: load, target: s, rate: 10/s, arrival: uniform }
            services:
              s:
                latency: 1ms
                versions: { v1: { replicas: 2 }, v2: { replicas: 0 } }
            faults:
              - { name: half, at: 1s, target: s/v2, instances: 50%, kind: crash }
            rollout:
              service: s
              stable: v1
              canary: v2
              analysis: { interval: 5s, threshold: 2, stepWeight: 10, maxWeight: 50 }
            """
        let scenario = try #require(MeshScenario.load(yaml))
        let result = try Simulator.run(scenario)
        #expect(result.events.first { $0.kind == "fault_start" }?.detail == "crash ")
        #expect(result.summary[0].counts.requests == 200)
        #expect(result.events.filter { $0.kind.hasPrefix("rollout") }.map { "\($0.time / TestScenarios.second) \($0.detail)" } == [
            "5 v2=10% v1=90%",
            "10 no canary traffic (failed checks 1, threshold 2)",
            "15 no canary traffic (failed checks 2, threshold 2)",
        ])
        #expect(TestScenarios.row(result, .version, "s/v2")?.counts.requests == 0)
        let refused = MeshScenario.count(result, .service, "s", code: 503, flag: "UF")
        #expect(refused > 0 && refused == result.summary[0].counts.errors)
        #expect(TestScenarios.row(result, .version, "s/v1")?.counts.errors == 0)
    }
}
