import Engine
import Scenario
import Testing

/// Kong upstreams without the mesh: a crashed instance behind one gateway replica that
/// alternates between two instances (round-robin), with Kong's retries off so that every
/// refused connection is a lost request.
@Suite struct KongUpstreamTests {
    /// 100 requests/s evenly spaced for 30 s; s/default/1 is down from 10 s to 20 s.
    func yaml(upstream: String) -> String {
        """
        name: kong-health
        duration: 30s
        clients:
          - { name: load, rate: 100/s, arrival: uniform }
        gateway:
          routes: [{ name: r, paths: [/], service: s }]
          services: { s: { retries: 0 } }
          upstreams:
            s: \(upstream)
        services:
          s: { replicas: 2, concurrency: 100, latency: 1ms }
        faults:
          - { name: down, at: 10s, duration: 10s, target: s/default/1, kind: crash }
        """
    }

    func kongEvents(_ result: RunResult) -> [String] {
        result.events.filter { $0.kind.hasPrefix("kong_") }.map { "\(DurationText.format($0.time)) \($0.kind) \($0.target) \($0.detail)" }
    }

    @Test func withoutChecksHalfTheRequestsOfTheCrashAreLost() throws {
        let result = try MeshScenario.run(yaml(upstream: "{ algorithm: round-robin }"))
        // 1000 requests in the 10 s, every other one to the crashed instance.
        let errors = try #require(TestScenarios.row(result, .total, "all")?.counts.errors)
        #expect(abs(errors - 500) <= 1)
        #expect(kongEvents(result).isEmpty)
    }

    @Test func passiveChecksStopTrafficAfterTcpFailuresAndNeverBringItBack() throws {
        let result = try MeshScenario.run(yaml(upstream: "{ healthchecks: { passive: { unhealthy: { tcp_failures: 2 } } } }"))
        #expect(TestScenarios.row(result, .total, "all")?.counts.errors == 2)
        #expect(TestScenarios.row(result, .total, "all")?.ejections == 1)
        let events = kongEvents(result)
        #expect(events.count == 1)
        #expect(events.first?.hasSuffix("kong_unhealthy s/default/1 passive tcp_failures=2 caller=gateway/0") == true)
        // Still out at the end: the last interval's service row counts it ejected.
        #expect(result.timeseries.last { $0.scope == .service && $0.name == "s" }?.ejected == 1)
    }

    @Test func activeProbesBringTheInstanceBackAfterItRecovers() throws {
        let upstream = """
            { healthchecks: { passive: { unhealthy: { tcp_failures: 2 } },
                             active: { unhealthy: { interval: 1, tcp_failures: 1 }, healthy: { successes: 2 } } } }
            """
        let result = try MeshScenario.run(yaml(upstream: upstream))
        #expect(TestScenarios.row(result, .total, "all")?.counts.errors == 2)
        // Probes every second while it is down: refused until 20 s (ignored, it is down
        // already), good at 20 s and 21 s (the fault ends before the 20 s probe).
        let events = kongEvents(result)
        #expect(events.count == 2)
        #expect(events.last == "21s kong_healthy s/default/1 active successes=2 caller=gateway/0")
        #expect(result.timeseries.last { $0.scope == .service && $0.name == "s" }?.ejected == 0)
    }

    @Test func withEveryTargetDownKongAnswers503NoHealthyUpstream() throws {
        let yaml = """
            name: kong-none
            duration: 10s
            clients:
              - { name: load, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: r, paths: [/], service: s }]
              services: { s: { retries: 0 } }
              upstreams:
                s: { healthchecks: { passive: { unhealthy: { tcp_failures: 1 } } } }
            services:
              s: { replicas: 1, latency: 1ms }
            faults:
              - { name: down, at: 0s, target: s/default/0, kind: crash }
            """
        let result = try MeshScenario.run(yaml)
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "UF") == 1)
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "UH") == 99)
    }

    /// Kong's log phase reports an upstream's 504 as a timeout (kong/runloop/handler.lua), so
    /// a 504 counts against `timeouts`, not `http_failures`, even with 504 in http_statuses.
    @Test func anAnswered504CountsAsATimeout() throws {
        let checks = "{ healthchecks: { passive: { unhealthy: { timeouts: 2, http_failures: 1, http_statuses: [504] } } } }"
        let result = try MeshScenario.run(yaml(upstream: checks).replacingOccurrences(
            of: "kind: crash }", with: "kind: errors, rate: 100%, status: 504 }"))
        // Every other request from 10 s goes to s/default/1 (10.000 s, 10.020 s, answered 1 ms
        // later): the second 504 takes it out.
        #expect(TestScenarios.row(result, .total, "all")?.counts.errors == 2)
        #expect(kongEvents(result) == ["10021ms kong_unhealthy s/default/1 passive timeouts=2 caller=gateway/0"])
    }

    @Test func anUpstreamWithKongsDefaultsRunsAsNoUpstream() throws {
        let plain = try MeshScenario.run(yaml(upstream: "{}").replacingOccurrences(of: "  upstreams:\n    s: {}\n", with: ""))
        let defaults = try MeshScenario.run(yaml(upstream: "{}"))
        #expect(plain.summary.map(\.counts) == defaults.summary.map(\.counts))
        #expect(plain.events.count == defaults.events.count)
    }
}

/// Which instance Kong's balancer picks, seen through two one-instance versions.
@Suite struct KongBalancerRunTests {
    /// 100 requests/s evenly spaced for 10 s to v1 (first target) and v2.
    func run(_ upstream: String, headers: String = "") throws -> (v1: Int, v2: Int) {
        let yaml = """
            name: kong-pick
            duration: 10s
            clients:
              - { name: load, rate: 100/s, arrival: uniform, requests: [{ path: /\(headers) }] }
            gateway:
              routes: [{ name: r, paths: [/], service: s }]
              upstreams: { s: \(upstream) }
            services:
              s:
                latency: 1ms
                versions: { v1: { replicas: 1 }, v2: { replicas: 1 } }
            """
        let result = try MeshScenario.run(yaml)
        return (
            TestScenarios.row(result, .version, "s/v1")?.counts.requests ?? -1,
            TestScenarios.row(result, .version, "s/v2")?.counts.requests ?? -1)
    }

    /// Each answer takes 1 ms and requests come 10 ms apart: at every pick both targets
    /// have no connection open, and the tie goes to the first.
    @Test func leastConnectionsSendsEverythingToTheFirstIdleTarget() throws {
        let counts = try run("{ algorithm: least-connections }")
        #expect(counts.v1 == 1000)
        #expect(counts.v2 == 0)
        let roundRobin = try run("{ algorithm: round-robin }")
        #expect(roundRobin.v1 == 500 && roundRobin.v2 == 500)
    }

    @Test func consistentHashingKeepsOneKeyOnOneTarget() throws {
        let counts = try run("{ algorithm: consistent-hashing, hash_on: header, hash_on_header: x-user }", headers: ", headers: { x-user: alice }")
        #expect([counts.v1, counts.v2].sorted() == [0, 1000])
    }
}
