import Testing
@testable import Scenario
import struct Scenario.SourceLocation

private func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "t.yaml", line: line, column: column)
}

private let second: Nanoseconds = 1_000_000_000

private func assertion(_ text: String, line: Int) -> Assertion {
    // The parser's own tests cover the grammar; here it only builds labels the validator reads.
    (try? AssertionParser.parse(text, at: at(line, 5))) ?? Assertion(text: text, metric: .p99, op: .less, value: .number(0), location: at(line, 5))
}

/// A valid scenario with every cross-reference the validator follows: clients through the
/// gateway and direct, versions with calls, Istio routes with a mirror, faults of each target
/// kind, a rollout and labelled assertions.
private func valid() -> Scenario {
    let toInventory = CallStep.call(DownstreamCall(service: "inventory", location: at(34, 11)))
    return Scenario(
        name: "t", duration: 600 * second, warmup: 10 * second,
        clients: [
            Client(name: "web", target: .gateway, arrival: .rate(100, .poisson), location: at(10, 5)),
            Client(name: "batch", target: .service("orders"), arrival: .users(5, thinkTime: .zero), location: at(12, 5)),
        ],
        gateway: Gateway(replicas: 2, routes: [GatewayRoute(name: "orders", service: "orders", location: at(20, 7))], location: at(18, 1)),
        mesh: Mesh(enabled: true, location: at(25, 1)),
        services: [
            Service(
                name: "orders",
                versions: [
                    ServiceVersion(name: "v1", replicas: 4, calls: [toInventory], location: at(31, 7)),
                    ServiceVersion(name: "v2", replicas: 1, calls: [toInventory], location: at(32, 7)),
                ],
                trafficPolicy: TrafficPolicy(outlierDetection: OutlierDetection(maxEjectionPercent: 100, location: at(37, 7)), location: at(36, 5)),
                http: [
                    HTTPRoute(
                        route: [
                            RouteDestination(destination: Destination(host: "orders", subset: "v1"), weight: 90, location: at(41, 11)),
                            RouteDestination(destination: Destination(host: "orders", subset: "v2"), weight: 10, location: at(42, 11)),
                        ],
                        timeout: 1 * second, retries: HTTPRetry(attempts: 3, perTryTimeout: second / 5, location: at(43, 9)),
                        mirror: Destination(host: "orders", subset: "v2"), location: at(40, 7)),
                ],
                hasDeclaredVersions: true, location: at(30, 3)),
            Service(
                name: "inventory",
                versions: [ServiceVersion(
                    name: "default", replicas: 2, calls: [.parallel([DownstreamCall(service: "payments", location: at(52, 13))])],
                    location: at(50, 3))],
                location: at(50, 3)),
            Service(name: "payments", versions: [ServiceVersion(name: "default", location: at(55, 3))], location: at(55, 3)),
        ],
        faults: [
            Fault(name: "crash-0", at: 120 * second, duration: 60 * second, target: .instance(service: "orders", version: "v1", index: 3),
                  kind: .crash, location: at(60, 5)),
            Fault(name: "cut", at: 60 * second, target: .service("payments"), kind: .partition(from: "inventory", to: "payments"), location: at(65, 5)),
            Fault(name: "gw", at: 30 * second, target: .gatewayReplica(1), instances: .count(1), kind: .hang, location: at(70, 5)),
        ],
        rollout: Rollout(service: "orders", stable: "v1", canary: "v2", analysis: .init(threshold: 5, stepWeight: 10, maxWeight: 50), location: at(75, 1)),
        assertions: [
            assertion("p99{client=web} < 250ms", line: 80),
            assertion("ejections{service=orders} >= 1", line: 81),
            assertion("error_rate{route=orders} < 1%", line: 82),
        ],
        sectionLocations: ["duration": at(4, 1), "warmup": at(5, 1)])
}

struct ValidatorTests {
    @Test func validScenarioHasNoDiagnostics() {
        #expect(ScenarioValidator.validate(valid()) == [])
    }

    @Test func clientTargetsMustExist() {
        var scenario = valid()
        scenario.clients[1].target = .service("ordrs")
        #expect(ScenarioValidator.validate(scenario) == [
            .error("client \"batch\" targets ordrs: no service named \"ordrs\"; did you mean \"orders\"?", at: at(12, 5)),
        ])
    }

    @Test func everythingThatNeedsTheGatewayFailsWithoutItInFileOrder() {
        var scenario = valid()
        scenario.gateway = nil
        #expect(ScenarioValidator.validate(scenario) == [
            .error("client \"web\" targets the gateway, but the scenario has no gateway section", at: at(10, 5)),
            .error("fault \"gw\": it targets the gateway, but the scenario has no gateway section", at: at(70, 5)),
            .error("assertion error_rate{route=orders} < 1%: route=orders needs a gateway, and the scenario has none", at: at(82, 5)),
        ])
    }

    @Test func routeServicesExistAndRouteNamesAreUnique() {
        var scenario = valid()
        scenario.gateway?.routes.append(GatewayRoute(name: "orders", service: "billing", location: at(23, 7)))
        #expect(ScenarioValidator.validate(scenario) == [
            .error("route name \"orders\" is already used at line 20", at: at(23, 7)),
            .error("route \"orders\": no service named \"billing\" (services: orders, inventory, payments)", at: at(23, 7)),
        ])
    }

    @Test func callsMustNameExistingServicesReportedOncePerCall() {
        var scenario = valid()
        let call = CallStep.call(DownstreamCall(service: "inventry", location: at(35, 11)))
        // Both versions inherit the call from the service, so it is in the model twice.
        scenario.services[0].versions[0].calls.append(call)
        scenario.services[0].versions[1].calls.append(call)
        #expect(ScenarioValidator.validate(scenario) == [
            .error("orders calls inventry: no service named \"inventry\"; did you mean \"inventory\"?", at: at(35, 11)),
        ])
    }

    @Test func callCyclesAreReportedWithTheirPath() {
        var scenario = valid()
        scenario.services[2].versions[0].calls = [.call(DownstreamCall(service: "orders", location: at(56, 11)))]
        #expect(ScenarioValidator.validate(scenario) == [
            .error("calls form a cycle: orders → inventory → payments → orders", at: at(56, 11)),
        ])
    }

    @Test func aServiceCallingItselfIsACycle() {
        var scenario = valid()
        scenario.services[2].versions[0].calls = [.call(DownstreamCall(service: "payments", location: at(56, 11)))]
        #expect(ScenarioValidator.validate(scenario) == [.error("calls form a cycle: payments → payments", at: at(56, 11))])
    }

    @Test func aCycleThroughOneVersionOnlyCounts() {
        var scenario = valid()
        scenario.services[1].versions[0].calls = []
        scenario.services[0].versions[1].calls.append(.call(DownstreamCall(service: "payments", location: at(33, 11))))
        scenario.services[2].versions[0].calls = [.call(DownstreamCall(service: "orders", location: at(56, 11)))]
        #expect(ScenarioValidator.validate(scenario) == [.error("calls form a cycle: orders → payments → orders", at: at(56, 11))])
    }

    @Test func withTheMeshACycleThroughAMirrorIsACycle() {
        // payments calls orders, whose VirtualService mirrors to payments: every mirrored
        // request would call orders again.
        var scenario = valid()
        scenario.services[1].versions[0].calls = []
        scenario.services[2].versions[0].calls = [.call(DownstreamCall(service: "orders", location: at(56, 11)))]
        scenario.services[0].http?[0].mirror = Destination(host: "payments")
        #expect(ScenarioValidator.validate(scenario).filter { $0.message.contains("cycle") } == [
            .error("calls form a cycle: payments → payments", at: at(56, 11)),
        ])
        scenario.mesh.enabled = false
        #expect(ScenarioValidator.validate(scenario).filter { $0.message.contains("cycle") } == [])
    }

    @Test func routeDestinationsAndMirrorsMustExist() {
        var scenario = valid()
        scenario.services[0].http?[0].route[0].destination = Destination(host: "orders", subset: "v3")
        scenario.services[0].http?[0].route[1].destination = Destination(host: "payment")
        scenario.services[0].http?[0].mirror = Destination(host: "inventory", subset: "canary")
        #expect(ScenarioValidator.validate(scenario) == [
            .error("mirror of services.orders.http: service \"inventory\" has no version \"canary\" (versions: default)", at: at(40, 7)),
            .error("destination of services.orders.http: service \"orders\" has no version \"v3\"; did you mean \"v1\"?", at: at(41, 11)),
            .error("destination of services.orders.http: no service named \"payment\"; did you mean \"payments\"?", at: at(42, 11)),
        ])
    }

    @Test(arguments: [
        (Fault.Target.service("inventroy"), "fault \"gw\": no service named \"inventroy\"; did you mean \"inventory\"?"),
        (.version(service: "orders", version: "v9"), "fault \"gw\": service \"orders\" has no version \"v9\"; did you mean \"v1\"?"),
        (.instance(service: "orders", version: "v1", index: 4), "fault \"gw\": orders/v1 has 4 instances (0 to 3), so there is no instance 4"),
        (.instance(service: "orders", version: "v2", index: 1), "fault \"gw\": orders/v2 has 1 instance (index 0), so there is no instance 1"),
        (.gatewayReplica(2), "fault \"gw\": the gateway has 2 replicas (0 to 1), so there is no replica 2"),
    ])
    func faultTargetsMustExist(target: Fault.Target, message: String) {
        var scenario = valid()
        scenario.faults[2].target = target
        #expect(ScenarioValidator.validate(scenario) == [.error(message, at: at(70, 5))])
    }

    @Test func partitionEndsMustExist() {
        var scenario = valid()
        scenario.faults[1].kind = .partition(from: "gateway", to: "pay")
        scenario.gateway = nil
        scenario.clients[0].target = .service("orders")
        scenario.faults.removeLast()
        scenario.assertions.removeLast()
        #expect(ScenarioValidator.validate(scenario) == [
            .error("fault \"cut\" partitions from the gateway, but the scenario has no gateway section", at: at(65, 5)),
            .error("fault \"cut\" partitions to pay: no service named \"pay\" (services: orders, inventory, payments)", at: at(65, 5)),
        ])
        scenario.faults[0].kind = .partition(from: "invntory", to: "orders")
        #expect(ScenarioValidator.validate(scenario).map(\.message).contains(
            "fault \"crash-0\" partitions from invntory: no service named \"invntory\"; did you mean \"inventory\"?"))
    }

    @Test func faultInstanceCountBeyondTheTargetWarns() {
        var scenario = valid()
        scenario.faults[0].target = .version(service: "orders", version: "v1")
        scenario.faults[0].instances = .count(5)
        scenario.faults[2].target = .gateway
        scenario.faults[2].instances = .count(2)
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("fault \"crash-0\" asks for 5 instances, but orders/v1 has 4; all 4 are affected", at: at(60, 5)),
        ])
        // A whole service counts the replicas of all its versions: 4 + 1.
        scenario.faults[0].target = .service("orders")
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.faults[0].instances = .count(6)
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("fault \"crash-0\" asks for 6 instances, but orders has 5; all 5 are affected", at: at(60, 5)),
        ])
    }

    @Test func faultStartingAtOrAfterTheDurationWarns() {
        var scenario = valid()
        scenario.faults[1].at = 599 * second
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.faults[1].at = 600 * second
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("fault \"cut\" starts at 10m, not before the clients stop at duration 10m; it can only affect requests still in flight", at: at(65, 5)),
        ])
    }

    @Test func rolloutNeedsTwoExistingVersions() {
        var scenario = valid()
        scenario.rollout?.canary = "v3"
        #expect(ScenarioValidator.validate(scenario) == [
            .error("rollout canary: service \"orders\" has no version \"v3\"; did you mean \"v1\"?", at: at(75, 1)),
        ])
        scenario.rollout?.canary = "v1"
        #expect(ScenarioValidator.validate(scenario) == [
            .error("rollout stable and canary are both \"v1\": a canary rollout needs two different versions", at: at(75, 1)),
        ])
        scenario.rollout?.service = "order"
        #expect(ScenarioValidator.validate(scenario) == [
            .error("rollout: no service named \"order\"; did you mean \"orders\"?", at: at(75, 1)),
        ])
    }

    @Test(arguments: [
        ("p99{client=mobile} < 1s", "no client named \"mobile\" (clients: web, batch)"),
        ("p99{route=order} < 1s", "no route named \"order\"; did you mean \"orders\"?"),
        ("p99{service=inventori} < 1s", "no service named \"inventori\"; did you mean \"inventory\"?"),
        ("p99{version=v2} < 1s", "write version=SERVICE/VERSION (versions: orders/v1, orders/v2, inventory/default, payments/default)"),
        ("p99{version=orders/v3} < 1s", "service \"orders\" has no version \"v3\"; did you mean \"v1\"?"),
        ("p99{version=ordrs/v1} < 1s", "no service named \"ordrs\"; did you mean \"orders\"?"),
    ])
    func assertionLabelsNameWhatExists(text: String, problem: String) {
        var scenario = valid()
        scenario.assertions = [assertion(text, line: 85)]
        #expect(ScenarioValidator.validate(scenario) == [.error("assertion \(text): \(problem)", at: at(85, 5))])
    }

    @Test func meshPoliciesAreInactiveWithoutTheMesh() {
        var scenario = valid()
        scenario.mesh = Mesh()
        let expected: [Diagnostic] = [
            .warning("services.orders.trafficPolicy is inactive while mesh.enabled is false", at: at(36, 5)),
            .warning("services.orders.http is inactive while mesh.enabled is false", at: at(40, 7)),
        ]
        #expect(ScenarioValidator.validate(scenario) == expected)
        scenario.mesh = Mesh(enabled: false, location: at(25, 1))
        #expect(ScenarioValidator.validate(scenario) == expected)
    }

    @Test func warmupOfHalfTheDurationOrMoreWarns() {
        var scenario = valid()
        scenario.warmup = 299 * second
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.warmup = 300 * second
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("warmup 5m is at least half of duration 10m, so most of the run is not counted", at: at(5, 1)),
        ])
        scenario.warmup = 600 * second
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("warmup 10m is not shorter than duration 10m, so no request is counted", at: at(5, 1)),
        ])
    }

    @Test func sizesThatWouldExhaustMemoryAreErrors() {
        var scenario = valid()
        // orders 4 + 1, inventory 2, payments 1, and ten services of 10,000: 100,008 instances in all.
        scenario.services += (0..<10).map { index in
            Service(name: "s\(index)", versions: [ServiceVersion(name: "default", replicas: 10_000, location: at(90 + index, 3))], location: at(90 + index, 3))
        }
        #expect(ScenarioValidator.validate(scenario) == [
            .error("services: the versions have 100,008 replicas in all, more than the 100,000 instances meshsim simulates in one scenario", at: at(30, 3)),
        ])
        scenario.services.removeLast(10)
        scenario.interval = 6 * 1_000_000  // 10 min in 6 ms rows: 100,000 rows, the limit itself
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.interval = 5 * 1_000_000
        #expect(ScenarioValidator.validate(scenario) == [
            .error("interval: 5ms splits duration 10m into 120,000 time-series rows per scope, more than the 100,000 meshsim keeps; use a longer interval", at: at(4, 1)),
        ])
    }

    @Test func openLoopVolumeAndClientRetriesAreBounded() {
        var scenario = valid()
        // 10 minutes: 1,666,667/s sends 1,000,000,200 requests, just over a billion.
        scenario.clients[0].arrival = .rate(1_666_667, .poisson)
        #expect(ScenarioValidator.validate(scenario) == [
            .error(
                "clients[0].rate: client \"web\" would send about 1,000,000,200 requests in 10m, more than the 1,000,000,000 meshsim simulates per client; lower the rate or the duration",
                at: at(10, 5)),
        ])
        scenario.clients[0].retries = ClientRetries(attempts: 101, backoff: 0, on: [.serverError])
        // Single counts come first: the volume is checked once they are within bounds.
        #expect(ScenarioValidator.validate(scenario) == [
            .error("clients[0].retries.attempts: 101 is more than the 100 client retries meshsim simulates", at: at(10, 5)),
        ])
        // A ramp from 0 to 4,000,000/s over the 10 minutes sends half of rate × time: 1.2 billion.
        scenario.clients[0].retries = nil
        scenario.clients[0].arrival = .schedule([SchedulePoint(at: 0, rate: 0), SchedulePoint(at: 600 * second, rate: 4_000_000)], .poisson)
        #expect(ScenarioValidator.validate(scenario).map(\.message) == [
            "clients[0].schedule: client \"web\" would send about 1,200,000,000 requests in 10m, more than the 1,000,000,000 meshsim simulates per client; lower the rate or the duration",
        ])
    }

    @Test func outlierDetectionThatCanNeverEjectWarns() {
        var scenario = valid()
        // The routes send to subsets v1 (4 hosts) and v2 (1 host), each a cluster with its own
        // detector: ejecting v2's only host is 100 × 1 / 1 = 100% of it.
        scenario.services[0].trafficPolicy?.outlierDetection?.maxEjectionPercent = nil
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "outlier detection of orders/v2 can never eject: 100 × 1 / 1 host > maxEjectionPercent (10), so no host is ever ejected; raise maxEjectionPercent to at least 100 or run at least 10 hosts",
                at: at(37, 7)),
        ])
        // Without a VirtualService, Istio routes to the whole service: 5 hosts (4 + 1), and one
        // ejection is 20% of them.
        scenario.services[0].http = nil
        scenario.services[0].trafficPolicy?.outlierDetection?.maxEjectionPercent = 19
        #expect(ScenarioValidator.validate(scenario).map(\.message) == [
            "outlier detection of orders can never eject: 100 × 1 / 5 hosts > maxEjectionPercent (19), so no host is ever ejected; raise maxEjectionPercent to at least 20 or run at least 6 hosts",
        ])
        scenario.services[0].trafficPolicy?.outlierDetection?.maxEjectionPercent = 20
        #expect(ScenarioValidator.validate(scenario).filter { $0.message.contains("never eject") } == [])
        // A single host may be ejected only when maxEjectionPercent is 100.
        scenario.services[0].trafficPolicy = nil
        scenario.services[2].trafficPolicy = TrafficPolicy(
            outlierDetection: OutlierDetection(maxEjectionPercent: 100, location: at(57, 7)), location: at(56, 5))
        #expect(ScenarioValidator.validate(scenario).filter { $0.message.contains("never eject") } == [])
    }

    @Test func perTryTimeoutNotShorterThanTheRouteTimeoutWarns() {
        var scenario = valid()
        scenario.services[0].http?[0].retries?.perTryTimeout = 1 * second
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("perTryTimeout 1s is not shorter than the route timeout 1s, so Envoy ignores it", at: at(43, 9)),
        ])
        scenario.services[0].http?[0].timeout = nil
        #expect(ScenarioValidator.validate(scenario) == [])
    }
}
