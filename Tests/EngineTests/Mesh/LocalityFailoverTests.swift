import Engine
import Policy
import Scenario
import Testing

/// Locality load balancing in whole runs: Istio sets failover priorities only with outlier
/// detection; Envoy keeps traffic in the caller's zone, leaves a zone whose hosts are
/// ejected, and `crossZoneLatency` is paid by attempts that cross zones.
@Suite struct LocalityFailoverTests {
    typealias T = TestScenarios

    /// Six instances over three zones (instance i in zone i % 3), one client in zone a.
    private func scenario(outlierDetection: Bool, fault: Bool = false) -> String {
        let detection = outlierDetection
            ? "outlierDetection: { consecutive5xxErrors: 1, interval: 1s, baseEjectionTime: 30s, maxEjectionPercent: 100 }" : ""
        return """
            name: zones
            duration: 20s
            clients:
              - { name: web, target: api, rate: 200/s, zone: a }
            mesh: { enabled: true, crossZoneLatency: 30ms }
            services:
              api:
                replicas: 6
                zones: [a, b, c]
                concurrency: 100
                latency: 10ms
                trafficPolicy:
                  loadBalancer: { simple: ROUND_ROBIN }
                  \(detection)
            \(fault ? "faults: [{ kind: zone, zone: a, at: 5s, duration: 10s }]" : "")
            """
    }

    private func rows(_ result: RunResult) -> [String: LocalityRow] {
        Dictionary((result.locality ?? []).map { ("\($0.fromZone)>\($0.toZone)", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func withOutlierDetectionTrafficStaysInTheCallersZone() throws {
        let result = try MeshScenario.run(scenario(outlierDetection: true))
        let byZone = rows(result)
        #expect(byZone.keys.sorted() == ["a>a"])
        #expect(byZone["a>a"]?.share == 1)
        // Every attempt stays in zone a: 10 ms each, no cross-zone latency.
        #expect(T.row(result, .client, "web")?.latency?.max == 10 * T.ms)
    }

    /// Without outlier detection Istio sets no priorities: round robin over all six hosts
    /// sends exactly two thirds across zones, each paying 30 ms more.
    @Test func withoutOutlierDetectionTwoThirdsCrossZones() throws {
        let result = try MeshScenario.run(scenario(outlierDetection: false))
        let byZone = rows(result)
        #expect(byZone.keys.sorted() == ["a>a", "a>b", "a>c"])
        for key in ["a>a", "a>b", "a>c"] {
            let share = try #require(byZone[key]?.share)
            #expect(abs(share - 1.0 / 3) < 0.001, "\(key) \(share)")
        }
        #expect(T.row(result, .client, "web")?.latency?.p50 == 40 * T.ms)
    }

    /// Zone a fails for 10 s: its two instances refuse connections, outlier detection ejects
    /// them, and Envoy moves zone a's whole load to the next level (zones b and c, one region).
    @Test func aZoneOutageFailsOverAfterTheEjections() throws {
        let result = try MeshScenario.run(scenario(outlierDetection: true, fault: true))
        let start = try #require(result.events.first { $0.kind == "fault_start" })
        #expect(start.detail == "crash api/default/0 api/default/3")
        let ejections = result.events.filter { $0.kind == "eject" }
        #expect(Set(ejections.map(\.target)) == ["api/default/0", "api/default/3"])
        let byZone = rows(result)
        // Ejected at 5 s for 30 s, past the end of the run: zone a's load stays in b and c
        // for the last 15 s of 20, three quarters of it, split evenly between them.
        let toB = try #require(byZone["a>b"]).share
        let toC = try #require(byZone["a>c"]).share
        #expect(abs(toB + toC - 0.75) < 0.01, "\(toB + toC)")
        #expect(abs(toB - toC) < 0.01)
        // A refused connection is retried on another host (Istio's default retries), so the
        // only errors are the requests in flight when the zone crashed: reset (UC), which
        // Istio's default retryOn does not retry.
        let errors = result.summary[0].counts.errors
        #expect(errors > 0 && errors < 10)
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "UC") == errors)
    }

    @Test func noZoneNoLocalityReport() throws {
        let result = try MeshScenario.run("""
            name: plain
            duration: 1s
            clients: [{ name: web, target: api, rate: 10/s }]
            mesh: { enabled: true, crossZoneLatency: 30ms }
            services: { api: { replicas: 2 } }
            """)
        #expect(result.locality == nil)
    }

    @Test func theLintWarnsAboutFailoverWithoutOutlierDetection() throws {
        let text = """
            name: lint
            duration: 1s
            clients: [{ name: web, target: api, rate: 10/s, zone: a }]
            mesh: { enabled: true }
            services:
              api:
                zones: [a, b]
                trafficPolicy: { loadBalancer: { localityLbSetting: { failover: [{ from: r1, to: r2 }] } } }

            """
        let scenario = try #require(MeshScenario.load(text))
        let messages = PolicyLint.diagnostics(scenario).map(\.message)
        #expect(messages == [
            "localityLbSetting of api: locality failover without outlier detection has no effect (Istio requires outlierDetection); "
                + "add trafficPolicy.outlierDetection",
        ])
        let faulty = ScenarioLoader.load(text: text + "faults: [{ kind: zone, zone: d, at: 0s }]\n", file: "lint.yaml")
        #expect(faulty.errors.map(\.message) == [
            "fault \"zone-0\": no instance or gateway replica is in zone d; did you mean 'a'?",
        ])
    }
}
