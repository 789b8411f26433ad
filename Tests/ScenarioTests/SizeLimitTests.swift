import Testing
@testable import Scenario
import struct Scenario.SourceLocation

private func at(_ line: Int, _ column: Int = 3) -> SourceLocation {
    SourceLocation(file: "t.yaml", line: line, column: column)
}

private let second: Nanoseconds = 1_000_000_000

/// One client calling one service: each test raises one count to its bound (accepted) and one
/// past it (refused, naming the field, the value and the bound).
private func small() -> Scenario {
    Scenario(
        name: "t", duration: 60 * second,
        clients: [Client(name: "web", target: .service("api"), arrival: .rate(10, .poisson), location: at(4, 5))],
        services: [Service(name: "api", versions: [ServiceVersion(name: "default", location: at(8))], location: at(8))],
        sectionLocations: ["duration": at(2, 1), "services": at(7, 1)])
}

private func service(_ name: String, replicas: Int, calls: [String] = [], line: Int) -> Service {
    let steps = calls.map { CallStep.call(DownstreamCall(service: $0, location: at(line, 9))) }
    return Service(name: name, versions: [ServiceVersion(name: "default", replicas: replicas, calls: steps, location: at(line))], location: at(line))
}

@Suite struct SizeLimitTests {
    private func errors(_ scenario: Scenario) -> [String] {
        ScenarioValidator.validate(scenario).filter { $0.severity == .error }.map(\.message)
    }

    /// Each single count: its bound passes, one more is refused with the field, value and bound.
    @Test func everySingleCountHasABound() {
        let cases: [(String, (inout Scenario, Int) -> Void, Int, String)] = [
            ("services.api.replicas", { $0.services[0].versions[0].replicas = $1 }, 100_000, "instances meshsim simulates per service"),
            ("services.api.concurrency", { $0.services[0].versions[0].concurrency = $1 }, 1_000_000, "requests meshsim processes at once per instance"),
            ("services.api.queue", { $0.services[0].versions[0].queue = $1 }, 1_000_000,
             "waiting requests meshsim holds per instance (leave queue out for an unlimited queue)"),
            ("clients[0].addresses", { $0.clients[0].addresses = $1 }, 1_000_000, "source addresses meshsim simulates per client"),
            ("clients[0].users", { $0.clients[0].arrival = .users($1, thinkTime: .zero) }, 1_000_000, "users meshsim simulates per client"),
            ("clients[0].retries.attempts", { $0.clients[0].retries = ClientRetries(attempts: $1, backoff: 0, on: [.serverError]) }, 100,
             "client retries meshsim simulates"),
            ("gateway.replicas", { $0.gateway = Gateway(replicas: $1, location: at(6, 1)) }, 10_000, "gateway replicas meshsim simulates"),
            ("gateway.plugins[0].config.minute", { scenario, limit in
                let plugin = Plugin(
                    name: "rate-limiting", config: .rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: limit)])),
                    location: at(6, 1))
                scenario.gateway = Gateway(plugins: [plugin], location: at(6, 1))
            }, 1_000_000_000_000, "requests meshsim counts per period or bucket"),
        ]
        for (field, set, bound, what) in cases {
            var scenario = small()
            set(&scenario, bound)
            #expect(errors(scenario) == [], "\(field)")
            set(&scenario, Int.max)
            #expect(errors(scenario) == ["\(field): 9223372036854775807 is more than the \(Self.thousands(bound)) \(what)"])
        }
    }

    /// Digits in groups of three, written here rather than with the code under test.
    static func thousands(_ value: Int) -> String {
        var groups: [String] = []
        var digits = String(value)
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        return ([digits] + groups).joined(separator: ",")
    }

    @Test func listsHaveABound() {
        var scenario = small()
        scenario.services = (0..<10_001).map { service("s\($0)", replicas: 1, line: 8 + $0) }
        scenario.clients[0].target = .service("s0")
        #expect(ScenarioValidator.validate(scenario) == [
            .error("services has 10,001 entries, more than the 10,000 services meshsim simulates", at: at(7, 1)),
        ])
        scenario.services.removeLast()
        #expect(errors(scenario) == [])
    }

    /// The Gateway API's 16 backendRefs per rule pass; a 17th is refused at the route.
    @Test func backendsOfARouteHaveTheGatewayAPIBound() {
        var scenario = small()
        let backends = (0..<17).map { _ in GatewayBackend(service: "api", location: at(12, 9)) }
        scenario.gateway = Gateway(routes: [GatewayRoute(name: "r", backends: backends, location: at(11, 5))], location: at(10, 1))
        #expect(errors(scenario) == [
            "gateway.routes[0].backends has 17 entries, more than the 16 backendRefs the Gateway API allows in a rule",
        ])
        scenario.gateway?.routes[0].backends.removeLast()
        #expect(errors(scenario) == [])
    }

    /// Ten clients of 10,000 requests each are the bound on request templates in all; an 11th is refused.
    @Test func requestTemplatesOfAllClientsAreBounded() {
        var scenario = small()
        let mix = (0..<10_000).map { RequestTemplate(path: "/\($0)") }
        scenario.clients = (0..<10).map { Client(name: "c\($0)", target: .service("api"), arrival: .rate(1, .poisson), requests: mix, location: at(4 + $0, 5)) }
        scenario.sectionLocations["clients"] = at(3, 1)
        #expect(errors(scenario) == [])
        scenario.clients.append(Client(name: "c10", target: .service("api"), arrival: .rate(1, .poisson), requests: mix, location: at(14, 5)))
        #expect(errors(scenario) == ["clients[].requests has 110,000 entries, more than the 100,000 requests meshsim mixes in all clients together"])
        scenario.clients = [Client(name: "c", target: .service("api"), arrival: .rate(1, .poisson), requests: mix + [RequestTemplate()], location: at(4, 5))]
        #expect(errors(scenario) == ["clients[0].requests has 10,001 entries, more than the 10,000 requests meshsim mixes per client"])
    }

    /// Versions of 60,000 and 50,000 replicas pass one by one, not together.
    @Test func theVersionsOfAServiceShareItsBound() {
        var scenario = small()
        scenario.services[0].hasDeclaredVersions = true
        scenario.services[0].versions = [
            ServiceVersion(name: "v1", replicas: 60_000, location: at(9, 5)), ServiceVersion(name: "v2", replicas: 50_000, location: at(10, 5)),
        ]
        #expect(errors(scenario) == ["services.api: its versions have 110,000 replicas in all, more than the 100,000 instances meshsim simulates per service"])
        scenario.services[0].versions[1].replicas = 40_000
        #expect(errors(scenario) == [])
    }

    /// 200 scopes (the total, web, 99 services and their 99 versions) × 100 s / 10 ms = 2,000,000
    /// rows, the bound; a 100th service makes 202 × 10,000 = 2,020,000.
    @Test func timeSeriesRowsOfAllScopesAreBounded() {
        var scenario = small()
        scenario.duration = 100 * second
        scenario.interval = 10_000_000
        scenario.sectionLocations["interval"] = at(3, 1)
        scenario.services = (0..<99).map { service("s\($0)", replicas: 1, line: 8 + $0) }
        scenario.clients[0].target = .service("s0")
        #expect(errors(scenario) == [])
        scenario.services.append(service("s99", replicas: 1, line: 107))
        #expect(errors(scenario) == [
            "interval: 10ms over duration 100s makes 10,000 rows for each of 202 scopes (the total, clients, routes, services and versions): "
                + "2,020,000 time-series rows, more than the 2,000,000 meshsim keeps; use a longer interval",
        ])
    }

    /// 1 (the total) + 9,999 clients + 8,000 services + their 32,000 versions = 50,000 scopes,
    /// the bound; a 10,000th client makes 50,001.
    @Test func reportScopesAreBounded() {
        var scenario = small()
        scenario.services = (0..<8_000).map { index in
            Service(
                name: "s\(index)", versions: (0..<4).map { ServiceVersion(name: "v\($0)", location: at(8 + index)) }, hasDeclaredVersions: true,
                location: at(8 + index))
        }
        scenario.clients = (0..<9_999).map { Client(name: "c\($0)", target: .service("s0"), arrival: .rate(1, .poisson), location: at(4, 5)) }
        #expect(errors(scenario) == [])
        scenario.clients.append(Client(name: "c9999", target: .service("s0"), arrival: .rate(1, .poisson), location: at(4, 5)))
        #expect(errors(scenario) == [
            "services: the scenario has 50,001 report scopes (the total, clients, routes, services and versions), more than the 50,000 meshsim measures",
        ])
    }

    /// Ten local copies × (1 + 499,999 addresses) identities × 2 periods = 10,000,000 counters,
    /// the bound; one more address adds 20.
    @Test func rateLimitCountersAreBounded() {
        var scenario = small()
        let limits = [PeriodLimit(period: .second, limit: 5), PeriodLimit(period: .minute, limit: 100)]
        let plugin = Plugin(name: "rate-limiting", config: .rateLimiting(RateLimitingConfig(limits: limits, limitBy: .ip)), location: at(6, 5))
        scenario.gateway = Gateway(replicas: 10, plugins: [plugin], routes: [GatewayRoute(name: "r", service: "api", location: at(7, 5))], location: at(5, 1))
        scenario.clients[0].target = .gateway
        scenario.clients[0].addresses = 499_999
        #expect(errors(scenario) == [])
        scenario.clients[0].addresses = 500_000
        #expect(ScenarioValidator.validate(scenario) == [.error(
            "clients[].addresses: the rate-limiting plugins would keep 10,000,020 counters (gateway replicas under policy local × client "
                + "addresses × requests × periods), more than the 10,000,000 meshsim keeps; lower the clients' addresses, or use policy cluster",
            at: at(6, 5))])
    }

    /// The client's sidecar tracks a's 999 hosts, and each of a's 999 instances b's 10,000:
    /// 9,990,999 slots; a 1,000th instance of a makes 1,000 + 10,000,000.
    @Test func sidecarHostSlotsAreBounded() {
        var scenario = small()
        scenario.mesh = Mesh(enabled: true, location: at(5, 1))
        scenario.services = [service("api", replicas: 999, calls: ["b"], line: 8), service("b", replicas: 10_000, line: 9)]
        #expect(errors(scenario) == [])
        scenario.services[0].versions[0].replicas = 1_000
        #expect(ScenarioValidator.validate(scenario) == [.error(
            "mesh.enabled: the sidecars would keep 10,001,000 host slots (each caller instance, gateway replica and client × the instances "
                + "of each service it calls), more than the 10,000,000 meshsim keeps; lower the replicas of services that call each other",
            at: at(5, 1))])
        scenario.mesh.enabled = false
        #expect(errors(scenario) == [])
    }

    /// Two closed loops of 600,000 users pass one by one, not together.
    @Test func usersOfAllClientsShareTheirBound() {
        var scenario = small()
        scenario.clients = ["a", "b"].enumerated().map { index, name in
            Client(name: name, target: .service("api"), arrival: .users(600_000, thinkTime: .zero), location: at(4 + index, 5))
        }
        #expect(errors(scenario) == ["clients: the closed-loop clients have 1,200,000 users in all, more than the 1,000,000 meshsim simulates in one scenario"])
        scenario.clients[1].arrival = .users(400_000, thinkTime: .zero)
        #expect(errors(scenario) == [])
    }

    /// A chain of 20,000 calls, past the bound on services, is still walked without recursion,
    /// and closing it is one cycle through every service.
    @Test func theCallGraphIsWalkedWithoutRecursion() {
        var scenario = small()
        scenario.services = (0..<20_000).map { service("s\($0)", replicas: 1, calls: $0 < 19_999 ? ["s\($0 + 1)"] : [], line: 8 + $0) }
        #expect(CallGraphChecks.diagnostics(scenario, NameIndex(scenario)) == [])
        scenario.services[19_999].versions[0].calls = [.call(DownstreamCall(service: "s0", location: at(40_000, 9)))]
        let found = CallGraphChecks.diagnostics(scenario, NameIndex(scenario))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("calls form a cycle: s0 → s1 → s2") == true)
        #expect(found.first?.message.hasSuffix("s19998 → s19999 → s0") == true)
    }

    /// 100 services of 1,000 calls each are the bound on calls in all; one more call is refused.
    @Test func callsOfAllVersionsAreBounded() {
        var scenario = small()
        scenario.services += (0..<100).map { service("c\($0)", replicas: 1, calls: Array(repeating: "api", count: 1_000), line: 9 + $0) }
        #expect(errors(scenario) == [])
        scenario.services.append(service("c100", replicas: 1, calls: ["api"], line: 109))
        #expect(errors(scenario) == ["services.*.calls has 100,001 entries, more than the 100,000 downstream calls meshsim simulates in all versions together"])
    }

    /// 101 services calling themselves close 101 cycles; the first 100 are reported.
    @Test func reportedCyclesAreCapped() {
        var scenario = small()
        scenario.services = (0..<101).map { service("s\($0)", replicas: 1, calls: ["s\($0)"], line: 8 + $0) }
        let found = CallGraphChecks.diagnostics(scenario, NameIndex(scenario))
        #expect(found.count == 100)
        #expect(found.last?.message == "calls form a cycle: s99 → s99")
    }
}
