import Policy
import Scenario
import Testing
import struct Scenario.SourceLocation

private func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "t.yaml", line: line, column: column)
}

private let millisecond: Nanoseconds = 1_000_000

private func service(
    _ name: String, replicas: Int = 1, concurrency: Int = 1, queue: Int? = nil, latency: Nanoseconds, errors: Double = 0,
    calls: [CallStep] = [], line: Int
) -> Service {
    Service(
        name: name,
        versions: [ServiceVersion(
            name: "default", replicas: replicas, concurrency: concurrency, queue: queue, latency: .constant(latency), errors: errors,
            calls: calls, location: at(line, 3))],
        location: at(line, 3))
}

private func call(_ service: String, percent: Double = 1, line: Int) -> CallStep {
    .call(DownstreamCall(service: service, percent: percent, location: at(line, 9)))
}

private func overload(_ name: String, _ received: String, _ capacity: String, _ growth: String, line: Int) -> Diagnostic {
    .warning(
        "\(name) receives \(received) req/s against a capacity of \(capacity) req/s and its queue is unlimited: it will grow by ~\(growth) "
            + "requests per second; add replicas or concurrency, lower the load, or set a queue limit",
        at: at(line, 3))
}

/// Offered load against capacity, and call fan-out, with numbers worked by hand.
@Suite struct LoadLintTests {
    /// One server of 1 ms processes 1,000 requests a second; a million a second grows its queue.
    @Test func aMillionRequestsASecondToOneMillisecondServerWarns() {
        var scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "c", target: .service("api"), arrival: .rate(1_000_000, .poisson), location: at(4, 5))],
            services: [service("api", latency: millisecond, line: 6)])
        #expect(PolicyLint.diagnostics(scenario) == [overload("api", "1,000,000", "1,000", "999,000", line: 6)])
        scenario.clients[0].arrival = .rate(1_000, .poisson)  // exactly the capacity
        #expect(PolicyLint.diagnostics(scenario) == [])
        scenario.clients[0].arrival = .rate(1_000_000, .poisson)
        scenario.services[0].versions[0].queue = 100
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    /// A route split 3 : 1 : 0 (Gateway API weights) sends 1,000/s as 750/s to stable (capacity
    /// 1 / 1 ms = 1,000/s), 250/s to canary (1 / 5 ms = 200/s, overloaded by 50/s) and nothing
    /// to drained, whose 1 s requests could take only 1/s.
    @Test func aWeightedRouteSplitsItsLoadByWeight() {
        let backends = [("stable", 3), ("canary", 1), ("drained", 0)].map { GatewayBackend(service: $0, weight: $1, location: at(15, 11)) }
        let scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "web", target: .gateway, arrival: .rate(1_000, .poisson), location: at(4, 5))],
            gateway: Gateway(routes: [GatewayRoute(name: "orders", backends: backends, location: at(14, 7))], location: at(12, 1)),
            services: [
                service("stable", latency: millisecond, line: 20),
                service("canary", latency: 5 * millisecond, line: 22),
                service("drained", latency: 1_000 * millisecond, line: 24),
            ])
        #expect(PolicyLint.diagnostics(scenario) == [overload("canary", "250", "200", "50", line: 22)])
    }

    /// A composed route's request enters every service it calls: 1,000/s reach both (capacity
    /// 1 / 1 ms = 1,000/s, exactly enough), the called service twice per request (2,000/s
    /// against 1,000/s, overloaded by 1,000/s), and the 30 % call 300/s against 1 / 5 ms = 200/s.
    @Test func aComposedRouteSendsEachRequestToEveryServiceItCalls() {
        let steps: [CallStep] = [
            .parallel([DownstreamCall(service: "once", location: at(16, 11)), DownstreamCall(service: "twice", location: at(17, 11))]),
            call("twice", line: 18),
            call("sometimes", percent: 0.3, line: 19),
        ]
        let route = GatewayRoute(name: "dashboard", backends: [], composition: RouteComposition(steps: steps), location: at(14, 7))
        let scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "web", target: .gateway, arrival: .rate(1_000, .poisson), location: at(4, 5))],
            gateway: Gateway(routes: [route], location: at(12, 1)),
            services: [
                service("once", latency: millisecond, line: 20),
                service("twice", latency: millisecond, line: 22),
                service("sometimes", latency: 5 * millisecond, line: 24),
            ])
        #expect(PolicyLint.diagnostics(scenario) == [
            overload("twice", "2,000", "1,000", "1,000", line: 22),
            overload("sometimes", "300", "200", "100", line: 24),
        ])
    }

    /// web sends 900/s; two thirds of its requests take the orders route (the rest match none):
    /// 600/s, 450 to v1 (3 of 4 replicas) and 150 to v2. v1 calls inventory always and again
    /// half the time, v2 once: 450 × 1.5 + 150 = 825/s against 2 / 4 ms = 500/s. payments gets
    /// v1's 450 and batch's 100/s, which batch tries 1 + 0.5 + 0.25 = 1.75 times each since
    /// payments fails half of them: 450 + 175 = 625/s against 1 / 2 ms = 500/s.
    @Test func loadFollowsRoutesVersionsPercentsAndClientRetries() {
        let scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [
                Client(
                    name: "web", target: .gateway, arrival: .rate(900, .poisson),
                    requests: [RequestTemplate(weight: 2, path: "/api/orders"), RequestTemplate(weight: 1, path: "/static")], location: at(4, 5)),
                Client(
                    name: "batch", target: .service("payments"), arrival: .rate(100, .poisson),
                    retries: ClientRetries(attempts: 2, backoff: 0, on: [.serverError]), location: at(8, 5)),
            ],
            gateway: Gateway(routes: [GatewayRoute(name: "orders", paths: ["/api"], service: "orders", location: at(14, 7))], location: at(12, 1)),
            services: [
                Service(
                    name: "orders",
                    versions: [
                        ServiceVersion(
                            name: "v1", replicas: 3, concurrency: 4, latency: .exponential(mean: 10 * millisecond),
                            calls: [
                                call("inventory", line: 23),
                                .parallel([
                                    DownstreamCall(service: "inventory", percent: 0.5, location: at(25, 13)),
                                    DownstreamCall(service: "payments", location: at(26, 13)),
                                ]),
                            ],
                            location: at(21, 7)),
                        ServiceVersion(
                            name: "v2", replicas: 1, concurrency: 4, latency: .exponential(mean: 10 * millisecond),
                            calls: [call("inventory", line: 29)], location: at(28, 7)),
                    ],
                    hasDeclaredVersions: true, location: at(20, 3)),
                service("inventory", replicas: 2, latency: 4 * millisecond, line: 31),
                service("payments", latency: 2 * millisecond, errors: 0.5, line: 33),
            ])
        #expect(PolicyLint.diagnostics(scenario) == [
            overload("inventory", "825", "500", "325", line: 31),
            overload("payments", "625", "500", "125", line: 33),
        ])
    }

    /// With the mesh, a's sidecar retries b's 5xx up to 3 times: b fails half of the tries,
    /// so each call is tried 1 + 0.5 + 0.25 + 0.125 = 1.875 times: 400/s × 1.875 = 750/s.
    @Test func sidecarRetriesOfErrorsAddToTheLoad() {
        var b = service("b", latency: 2 * millisecond, errors: 0.5, line: 8)
        b.http = [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: "b"), location: at(10, 11))],
            retries: HTTPRetry(attempts: 3, retryOn: "5xx", location: at(11, 9)), location: at(9, 7))]
        let scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "c", target: .service("a"), arrival: .rate(400, .poisson), location: at(4, 5))],
            mesh: Mesh(enabled: true, location: at(5, 1)),
            services: [service("a", concurrency: 100, latency: millisecond, calls: [call("b", line: 7)], line: 6), b])
        #expect(PolicyLint.diagnostics(scenario) == [overload("b", "750", "500", "250", line: 8)])
    }

    /// 4,000/s split over two versions of one 1 ms instance: 2,000/s each against 1,000/s.
    /// A connectionPool limit turns the excess away in the callers' sidecars before it
    /// queues, in the cluster it belongs to: v2's own pool only where routes send to subset
    /// v2, the service's in the whole-service cluster and every subset that keeps it.
    @Test func aSubsetConnectionPoolLeavesOutItsVersionWhenRoutesUseItsCluster() {
        let versions = ["v1", "v2"].enumerated().map { index, name in
            ServiceVersion(name: name, latency: .constant(millisecond), location: at(8 + index, 7))
        }
        var scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "c", target: .service("api"), arrival: .rate(4_000, .poisson), location: at(4, 5))],
            mesh: Mesh(enabled: true, location: at(5, 1)),
            services: [Service(name: "api", versions: versions, hasDeclaredVersions: true, location: at(6, 3))])
        let v1 = Diagnostic.warning(
            "api/v1 receives 2,000 req/s against a capacity of 1,000 req/s and its queue is unlimited: it will grow by ~1,000 "
                + "requests per second; add replicas or concurrency, lower the load, or set a queue limit",
            at: at(8, 7))
        #expect(PolicyLint.diagnostics(scenario).count == 2)
        let pool = TrafficPolicy(connectionPool: ConnectionPool(maxConnections: 10), location: at(12, 9))
        // Without http, Istio's default route goes to the whole-service cluster: v2's pool is unused.
        scenario.services[0].versions[1].trafficPolicy = pool
        #expect(PolicyLint.diagnostics(scenario).count == 2)
        scenario.services[0].http = [HTTPRoute(
            route: ["v1", "v2"].map { RouteDestination(destination: Destination(host: "api", subset: $0), weight: 50, location: at(15, 11)) },
            location: at(14, 7))]
        #expect(PolicyLint.diagnostics(scenario) == [v1])
        scenario.services[0].trafficPolicy = pool
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    /// a processes 1,000 of the 4,000 requests a second it receives, so it calls b at twice
    /// that, not twice what it receives: 2,000/s against b's 1,000/s.
    @Test func aSaturatedCallerPassesOnOnlyWhatItProcesses() {
        let scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "c", target: .service("a"), arrival: .rate(4_000, .poisson), location: at(4, 5))],
            services: [
                service("a", latency: millisecond, calls: [call("b", line: 7), call("b", line: 8)], line: 6),
                service("b", latency: millisecond, line: 9),
            ])
        #expect(PolicyLint.diagnostics(scenario) == [
            overload("a", "4,000", "1,000", "3,000", line: 6),
            overload("b", "2,000", "1,000", "1,000", line: 9),
        ])
    }

    /// 100 users who think 90 ms and give up after 1 s on a 10 ms server send one request
    /// each 100 ms: 1,000/s against 100/s. Without a timeout each user waits for its answer,
    /// so at most 100 requests ever wait and nothing grows without bound.
    @Test func aClosedLoopCountsOnlyWhenItsUsersGiveUp() {
        var scenario = Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(
                name: "c", target: .service("api"), arrival: .users(100, thinkTime: .constant(90 * millisecond)),
                timeout: 1_000 * millisecond, location: at(4, 5))],
            services: [service("api", latency: 10 * millisecond, line: 6)])
        #expect(PolicyLint.diagnostics(scenario) == [overload("api", "1,000", "100", "900", line: 6)])
        scenario.clients[0].timeout = nil
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    // MARK: fan-out

    private static func chain(_ length: Int, callsEach: (Int) -> Int) -> Scenario {
        Scenario(
            name: "t", duration: 60_000 * millisecond,
            clients: [Client(name: "c", target: .service("s0"), arrival: .rate(1, .poisson), location: at(4, 5))],
            services: (0..<length).map { index in
                let next = index + 1 < length ? Array(repeating: call("s\(index + 1)", line: 10 + index), count: callsEach(index)) : []
                return service("s\(index)", latency: 0, calls: next, line: 10 + index)
            })
    }

    private static func fanOut(_ calls: String) -> Diagnostic {
        .warning(
            "client \"c\": one request to s0 can make up to \(calls) calls between services, more than 10,000: calls repeated at several "
                + "levels of the call graph multiply, and a run cannot keep up; call each service fewer times, or flatten the chain",
            at: at(4, 5))
    }

    /// 30 services each calling the next twice: s1 gets 2 calls, s2 4, … s29 2^29, and
    /// 2 + 4 + … + 2^29 = 2^30 - 2.
    @Test func thirtyServicesEachCallingTheNextTwiceWarn() {
        #expect(PolicyLint.diagnostics(Self.chain(30) { _ in 2 }) == [Self.fanOut("1,073,741,822")])
    }

    /// s0 calls s1 100 times and s1 calls s2 99 times: 100 × (1 + 99) = 10,000, the limit
    /// itself; one more call from s1 makes 100 × 101 = 10,100.
    @Test func tenThousandCallsPerRequestIsTheLimit() {
        #expect(PolicyLint.diagnostics(Self.chain(3) { $0 == 0 ? 100 : 99 }) == [])
        #expect(PolicyLint.diagnostics(Self.chain(3) { $0 == 0 ? 100 : 100 }) == [Self.fanOut("10,100")])
    }

    /// 2^70 calls do not fit in an Int: the count saturates instead of trapping.
    @Test func aFanOutBeyondIntSaturates() {
        #expect(PolicyLint.diagnostics(Self.chain(71) { _ in 2 }) == [Self.fanOut("9,223,372,036,854,775,807")])
    }
}
