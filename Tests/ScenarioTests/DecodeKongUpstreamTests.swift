import Testing
@testable import Scenario

/// `gateway.upstreams` and `gateway.services`: Kong's upstream and service objects
/// (kong/db/schema/entities/upstreams.lua, services.lua), with their defaults and ranges.
@Suite struct DecodeKongUpstreamTests {
    private func text(_ gateway: String) -> String {
        DecodeFixture.header + gateway + "\nclients: [{ name: web, rate: 1/s }]\n" + DecodeFixture.service
    }

    @Test func anUpstreamWithItsHealthchecks() throws {
        let yaml = """
            gateway:
              routes: [{ name: r, service: orders }]
              upstreams:
                orders:
                  algorithm: consistent-hashing
                  hash_on: header
                  hash_on_header: X-User
                  hash_fallback: ip
                  slots: 100
                  healthchecks:
                    passive: { unhealthy: { http_failures: 3, http_statuses: [500] }, healthy: { successes: 5 } }
                    active: { http_path: /health, timeout: 0.5, healthy: { interval: 5, successes: 2 }, unhealthy: { interval: 2.5, tcp_failures: 1 } }
            """
        let upstream = try #require(DecodeFixture.scenario(text(yaml))?.gateway?.upstreams.first)
        #expect(upstream.service == "orders")
        #expect(upstream.algorithm == .consistentHashing)
        #expect(upstream.hashOn == .header("x-user"))
        #expect(upstream.hashFallback == .ip)
        #expect(upstream.slots == 100)
        let checks = upstream.healthchecks
        #expect(checks.passive.unhealthy.httpFailures == 3)
        #expect(checks.passive.unhealthy.httpStatuses == [500])
        #expect(checks.passive.healthy.successes == 5)
        // Kong's defaults where nothing is written.
        #expect(checks.passive.healthy.httpStatuses.count == 19)
        #expect(checks.active.unhealthy.httpStatuses == [429, 404, 500, 501, 502, 503, 504, 505])
        #expect(checks.active.timeout == 500_000_000)
        #expect(checks.active.httpPath == "/health")
        #expect(checks.active.healthy.interval == 5_000_000_000)
        #expect(checks.active.unhealthy.interval == 2_500_000_000)
        #expect(checks.active.unhealthy.tcpFailures == 1)
    }

    @Test func kongDefaults() throws {
        let yaml = "gateway:\n  routes: [{ name: r, service: orders }]\n  upstreams: { orders: {} }"
        let upstream = try #require(DecodeFixture.scenario(text(yaml))?.gateway?.upstreams.first)
        #expect(upstream == KongUpstream(service: "orders", location: upstream.location))
        #expect(upstream.slots == 10_000)
        #expect(upstream.healthchecks.passive.unhealthy.httpStatuses == [429, 500, 503])
    }

    @Test func serviceSettingsApplyToRoutesThatDidNotWriteTheirOwn() throws {
        let yaml = """
            gateway:
              routes:
                - { name: a, service: orders }
                - { name: b, service: orders, timeout: 1s, retries: 1 }
              services:
                orders: { retries: 2, connect_timeout: 1000, read_timeout: 3000, write_timeout: 4000 }
            """
        let gateway = try #require(DecodeFixture.scenario(text(yaml))?.gateway)
        let settings = try #require(gateway.services.first)
        #expect(settings.connectTimeout == 1_000_000_000 && settings.readTimeout == 3_000_000_000 && settings.writeTimeout == 4_000_000_000)
        #expect(gateway.routes[0].timeout == 3_000_000_000)
        #expect(gateway.routes[0].retries == 2)
        #expect(gateway.routes[1].timeout == 1_000_000_000)
        #expect(gateway.routes[1].retries == 1)
    }

    @Test func errorsAndProductFields() {
        let yaml = """
            gateway:
              upstreams:
                orders: { name: orders.svc, slots: 5, hash_on: cookie, algorthm: latency }
                other: { hash_on: header, hash_fallback: none }
                third: { hash_fallback: ip, healthchecks: { threshold: 50, active: { type: tcp, concurrency: 3 } } }
              services:
                orders: { retries: 40000, host: orders.svc, read_timeout: 0 }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "5:15: warning: gateway.upstreams.orders.name has no effect in a simulation",
            "5:40: error: gateway.upstreams.orders.slots must be between 10 and 65536, not 5",
            "5:43: error: gateway.upstreams.orders.hash_on: hashing on cookie is not modelled (meshsim's requests carry headers, a consumer and a client address: use header, consumer or ip)",
            "5:60: error: unknown key 'algorthm' in gateway.upstreams.orders; did you mean 'algorithm'?",
            "6:14: error: gateway.upstreams.other.hash_on is header, so gateway.upstreams.other.hash_on_header is required",
            "7:14: error: gateway.upstreams.third.hash_fallback must be none when hash_on is none",
            "7:49: error: gateway.upstreams.third.healthchecks.threshold: an upstream-wide health threshold is not modelled (each target is up or down on its own); remove it or write 0",
            "7:74: warning: gateway.upstreams.third.healthchecks.active.type: Kong sends no active tcp probes for HTTP traffic (it sets both intervals to 0 in the http subsystem), so this upstream is probed by no one",
            "7:85: warning: gateway.upstreams.third.healthchecks.active.concurrency has no effect in a simulation",
            "9:24: error: gateway.services.orders.retries must be between 0 and 32767, not 40000",
            "9:31: warning: gateway.services.orders.host has no effect in a simulation",
            "9:63: error: gateway.services.orders.read_timeout must be between 1 and 2147483646, not 0",
        ])
    }

    /// kong/runloop/balancer/healthcheckers.lua: in the http subsystem an active `tcp` check
    /// has both intervals set to 0; a passive check's type changes nothing Kong reports.
    @Test func activeTCPChecksSendNoProbesAndPassiveTypesAllCount() throws {
        let yaml = """
            gateway:
              upstreams:
                orders:
                  healthchecks:
                    active: { type: tcp, healthy: { interval: 5, successes: 2 }, unhealthy: { interval: 2, tcp_failures: 1 } }
                    passive: { type: tcp, unhealthy: { http_failures: 3 } }
            """
        let messages = DecodeFixture.messages(text(yaml))
        #expect(messages == [
            "7:19: warning: gateway.upstreams.orders.healthchecks.active.type: Kong sends no active tcp probes for HTTP traffic (it sets both intervals to 0 in the http subsystem), so this upstream is probed by no one",
        ])
        let checks = try #require(DecodeFixture.scenario(text(yaml))?.gateway?.upstreams.first?.healthchecks)
        #expect(checks.active.healthy.interval == 0)
        #expect(checks.active.unhealthy.interval == 0)
        #expect(checks.active.unhealthy.tcpFailures == 1)
        #expect(checks.passive.unhealthy.httpFailures == 3)
        let grpc = "gateway:\n  upstreams:\n    orders: { healthchecks: { active: { type: grpc } } }\n"
        #expect(DecodeFixture.messages(text(grpc)) == [
            "5:41: error: gateway.upstreams.orders.healthchecks.active.type: grpc health checks are not modelled; meshsim probes with HTTP (http or https)",
        ])
    }

    /// upstreams.lua's shorthands: least-connections and latency reset hash_on to none; a
    /// written hash_on makes the algorithm consistent-hashing, or round-robin for none.
    @Test func hashOnAndAlgorithmFollowKongsShorthands() throws {
        let yaml = """
            gateway:
              upstreams:
                a: { hash_on: header, hash_on_header: x-user }
                b: { algorithm: round-robin, hash_on: consumer }
                c: { algorithm: consistent-hashing, hash_on: none }
                d: { algorithm: least-connections, hash_on: ip }
                e: { algorithm: consistent-hashing }
            """
        let services = "services: { a: {}, b: {}, c: {}, d: {}, e: {} }\n"
        let text = DecodeFixture.header + yaml + "\nclients: [{ name: web, rate: 1/s }]\n" + services
        #expect(DecodeFixture.messages(text) == [
            "6:10: warning: gateway.upstreams.b.algorithm: Kong makes it consistent-hashing when hash_on is consumer; write that",
            "7:10: warning: gateway.upstreams.c.algorithm: Kong makes it round-robin when hash_on is none; write that",
            "8:40: warning: gateway.upstreams.d.hash_on has no effect with algorithm least-connections: Kong sets it to none",
        ])
        let upstreams = try #require(DecodeFixture.scenario(text)?.gateway?.upstreams)
        #expect(upstreams.map(\.algorithm) == [.consistentHashing, .consistentHashing, .roundRobin, .leastConnections, .consistentHashing])
        #expect(upstreams.map(\.hashOn) == [.header("x-user"), .consumer, .none, .none, .none])
    }

    @Test func aFallbackDiffersFromHashOn() {
        let yaml = """
            gateway:
              upstreams:
                orders: { hash_on: header, hash_on_header: X-User, hash_fallback: header, hash_fallback_header: x-user }
                other: { hash_on: ip, hash_fallback: ip }
            """
        let text = DecodeFixture.header + yaml + "\nclients: [{ name: web, rate: 1/s }]\nservices: { orders: {}, other: {} }\n"
        #expect(DecodeFixture.messages(text) == [
            "5:56: error: gateway.upstreams.orders.hash_fallback must name another header than hash_on_header",
            "6:27: error: gateway.upstreams.other.hash_fallback must not repeat hash_on (ip)",
        ])
    }

    /// nginx timers count milliseconds: a shorter interval, even one that rounds to 0 ns, is an error.
    @Test func anActiveIntervalIsZeroOrAtLeastAMillisecond() {
        let yaml = """
            gateway:
              upstreams:
                orders: { healthchecks: { active: { healthy: { interval: 0.000000001 }, unhealthy: { interval: 0.0001 } } } }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "5:52: error: gateway.upstreams.orders.healthchecks.active.healthy.interval must be 0 (no probes) or at least 0.001 (1 ms, the resolution of Kong's timers), not 1e-09",
            "5:90: error: gateway.upstreams.orders.healthchecks.active.unhealthy.interval must be 0 (no probes) or at least 0.001 (1 ms, the resolution of Kong's timers), not 0.0001",
        ])
        let fine = yaml.replacingOccurrences(of: "0.000000001", with: "0").replacingOccurrences(of: "0.0001", with: "0.001")
        #expect(DecodeFixture.messages(text(fine)).isEmpty)
    }

    /// Each gateway replica keeps a state per target and probes every target: 10,000 replicas
    /// × 10,000 instances is 10^8 states; 100 × 100 probed every 1 ms for 10 s is 10^8 probes
    /// per timer, 2 × 10^8 in all, fine; 10^9 + 10^6 with the timers at 1 ms and 1 s for 100 s.
    @Test func targetStatesAndProbesAreBounded() {
        func messages(replicas: Int, instances: Int, duration: String, intervals: String) -> [String] {
            let yaml = """
                name: t
                duration: \(duration)
                clients: [{ name: web, rate: 1/s }]
                gateway:
                  replicas: \(replicas)
                  routes: [{ name: r, service: orders }]
                  upstreams: { orders: { healthchecks: { active: \(intervals) } } }
                services: { orders: { replicas: \(instances) } }
                """
            return ScenarioLoader.load(text: yaml, file: "s.yaml").errors.map(\.message)
        }
        #expect(messages(replicas: 10_000, instances: 10_000, duration: "10s", intervals: "{}") == [
            "gateway.upstreams: Kong would keep 100,000,000 target states (gateway replicas × the instances of each upstream's service), "
                + "more than the 10,000,000 meshsim keeps; lower the replicas",
        ])
        let both = "{ healthy: { interval: 0.001 }, unhealthy: { interval: 0.001 } }"
        #expect(messages(replicas: 100, instances: 100, duration: "10s", intervals: both).isEmpty)
        #expect(messages(replicas: 100, instances: 100, duration: "100s", intervals: "{ healthy: { interval: 0.001 }, unhealthy: { interval: 1 } }") == [
            "gateway.upstreams.orders.healthchecks.active: the gateway replicas would send up to 1,001,000,000 probes in 100s, more than "
                + "the 1,000,000,000 meshsim simulates; use a longer interval",
        ])
    }

    @Test func validationNamesUnknownServicesAndWarnsUnderTheMesh() {
        let yaml = DecodeFixture.header + """
            gateway:
              routes: [{ name: r, service: orders }]
              upstreams: { ordrs: {} }
              services: { orders: { retries: 1 } }
            mesh: { enabled: true }
            clients: [{ name: web, rate: 1/s }]
            services: { orders: {} }
            """
        let loaded = ScenarioLoader.load(text: yaml, file: "s.yaml")
        #expect(loaded.errors.map(\.message) == ["gateway.upstreams.ordrs: no service named \"ordrs\"; did you mean \"orders\"?"])
        let fixed = ScenarioLoader.load(text: yaml.replacingOccurrences(of: "ordrs", with: "orders"), file: "s.yaml")
        #expect(fixed.errors.isEmpty)
        #expect(fixed.warnings.map(\.message).contains(
            "gateway.upstreams.orders has no effect while the mesh carries the gateway's calls "
                + "(the sidecar balances and ejects; use a DestinationRule's loadBalancer and outlierDetection)"))
    }
}
