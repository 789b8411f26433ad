import Policy
import Scenario
import Testing
import struct Scenario.SourceLocation

private func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "t.yaml", line: line, column: column)
}

private let second: Nanoseconds = 1_000_000_000
private let millisecond: Nanoseconds = 1_000_000

@Suite struct PolicyLintTests {
    @Test func theShopDrawsNoWarning() {
        #expect(ScenarioValidator.validate(Shop.scenario()) == [])
        #expect(PolicyLint.diagnostics(Shop.scenario()) == [])
    }

    // MARK: retry amplification

    /// Without the mesh a hang is ended by Kong's 60 s timeout, which Kong retries; the
    /// 2 s client timeout fires first and the client retries too: (1 + 1) × (1 + retries).
    @Test func clientAndGatewayRetriesOfAHangWarnAboveTenAttempts() {
        var scenario = Shop.scenario()
        scenario.mesh = Mesh()
        scenario.services[0].http = nil
        scenario.clients[0].timeout = 2 * second
        scenario.clients[0].retries = ClientRetries(attempts: 1, backoff: 0, on: [.timeout])
        scenario.gateway?.routes[0].retries = 4
        #expect(PolicyLint.diagnostics(scenario) == [])
        scenario.gateway?.routes[0].retries = 5
        let expected: [Diagnostic] = [
            .warning(
                "client \"web\": up to 2 × 6 = 12 attempts per request reach payments when it never answers (client retries 1, gateway route \"orders\" retries 5); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ]
        #expect(PolicyLint.diagnostics(scenario) == expected)
        // The longest matching prefix picks the route: /api/users takes a route without retries.
        scenario.gateway?.routes.append(GatewayRoute(name: "catalog", paths: ["/api"], service: "orders", retries: 0, location: at(23, 7)))
        #expect(PolicyLint.diagnostics(scenario) == expected)
        scenario.clients[0].requests = [RequestTemplate(path: "/api/users")]
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    /// The same hang behind a split route: a client gets one warning, for the first backend
    /// (in file order) whose chain is amplified, and a backend of weight 0 receives nothing,
    /// so it is passed over.
    @Test func aSplitRouteAmplifiesThroughItsWeightedBackendsOnly() {
        var scenario = Shop.scenario()
        scenario.mesh = Mesh()
        scenario.services[0].http = nil
        scenario.services.append(Service(name: "static", versions: [ServiceVersion(name: "default", location: at(57, 3))], location: at(57, 3)))
        scenario.clients[0].timeout = 2 * second
        scenario.clients[0].retries = ClientRetries(attempts: 1, backoff: 0, on: [.timeout])
        scenario.gateway?.routes[0].retries = 5
        func warning(_ service: String) -> [Diagnostic] {
            [.warning(
                "client \"web\": up to 2 × 6 = 12 attempts per request reach \(service) when it never answers (client retries 1, gateway route \"orders\" retries 5); retry at one layer only, or lower the attempts",
                at: at(10, 5))]
        }
        scenario.gateway?.routes[0].backends = [
            GatewayBackend(service: "static", weight: 1, location: at(21, 11)),
            GatewayBackend(service: "orders", weight: 1, location: at(22, 11)),
        ]
        #expect(PolicyLint.diagnostics(scenario) == warning("static"))
        scenario.gateway?.routes[0].backends[0].weight = 0
        #expect(PolicyLint.diagnostics(scenario) == warning("payments"))
    }

    /// Istio's default retries only connect failures, so a crash of payments is tried 3 times
    /// by inventory's sidecar, and the 500 that inventory and orders then answer is retried
    /// by the clients alone (Kong never retries an answer): (1 + client retries) × 3.
    @Test func istioDefaultRetriesMultiplyWithClientRetriesOfConnectFailures() {
        var scenario = Shop.scenario()
        scenario.gateway?.routes[0].retries = 0
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        scenario.clients[1].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        #expect(PolicyLint.diagnostics(scenario) == [])
        scenario.clients[0].retries?.attempts = 3
        scenario.clients[1].retries?.attempts = 3
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "client \"web\": up to 4 × 3 = 12 attempts per request reach payments when it refuses connections (client retries 3, mesh retries 2 at payments); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
            .warning(
                "client \"batch\": up to 4 × 3 = 12 attempts per request reach payments when it refuses connections (client retries 3, mesh retries 2 at payments); retry at one layer only, or lower the attempts",
                at: at(12, 5)),
        ])
    }

    /// payments hangs. Its sidecar retries 500 ms per-try timeouts (gateway-error): 3 tries,
    /// a 504 after 1.5 s, so inventory and orders answer 500 after 1.5 s. The orders rule's
    /// 1 s per-try timeout fires first and is retried (5xx): 3 tries, a 504 after 3 s, which
    /// reaches Kong's 3 s timeout: 6 tries, 18 s, past the client's 10 s timeout: 3 tries.
    @Test func timeoutsRetriedAtEveryLayerMultiplyDownTheWholeChain() {
        var scenario = Shop.scenario()
        scenario.clients[0].timeout = 10 * second
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.timeout])
        scenario.gateway?.routes[0].timeout = 3 * second
        scenario.services[0].http?[0].retries = HTTPRetry(attempts: 2, perTryTimeout: 1 * second, retryOn: "5xx", location: at(43, 9))
        scenario.services[2].http = [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: "payments"), location: at(58, 11))],
            retries: HTTPRetry(attempts: 2, perTryTimeout: 500 * millisecond, retryOn: "gateway-error", location: at(59, 9)),
            location: at(57, 7))]
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "client \"web\": up to 3 × 6 × 3 × 3 = 162 attempts per request reach payments when it never answers (client retries 2, gateway route \"orders\" retries 5, mesh retries 2 at orders and at payments); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
        // A 3.5 s gateway timeout sees the 504 of orders' sidecar first, and Kong does not
        // retry an answer; the client's own timeout is then not reached either.
        scenario.gateway?.routes[0].timeout = 3500 * millisecond
        #expect(PolicyLint.diagnostics(scenario) == [])
        // A per-try timeout is retried only on 5xx, gateway-error or reset: orders' sidecar
        // answers 504 after its first second, long before Kong's 3 s.
        scenario.gateway?.routes[0].timeout = 3 * second
        scenario.services[0].http?[0].retries?.retryOn = "connect-failure"
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    /// payments hangs and nothing times out below orders' sidecar, whose 1 s per-try timeout
    /// is retried (reset) but whose 2.5 s route timeout leaves room for 3 tries (at 0, 1 and
    /// 2 s) of the 6 asked for; its 504 at 2.5 s comes after Kong's 2 s timeout: 6 tries.
    /// (`reset` does not retry the 500 that orders answers when payments refuses connections.)
    @Test func aRouteTimeoutBoundsTheTriesThatFitInIt() {
        var scenario = Shop.scenario()
        scenario.gateway?.routes[0].timeout = 2 * second
        scenario.services[0].http?[0].timeout = 2500 * millisecond
        scenario.services[0].http?[0].retries = HTTPRetry(attempts: 5, perTryTimeout: 1 * second, retryOn: "reset", location: at(43, 9))
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "client \"web\": up to 6 × 3 = 18 attempts per request reach payments when it never answers (gateway route \"orders\" retries 5, mesh retries 2 at orders); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
    }

    /// payments' sidecar tries 5 times on 5xx; a 500 that inventory passes on is retried by the
    /// client 3 times (15 attempts), unless inventory ignores the failed call.
    @Test func aCallerThatIgnoresFailuresStopsTheAmplification() {
        var scenario = Shop.scenario()
        scenario.gateway?.routes[0].retries = 0
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        scenario.services[2].http = [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: "payments"), location: at(58, 11))],
            retries: HTTPRetry(attempts: 4, retryOn: "5xx", location: at(59, 9)), location: at(57, 7))]
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "client \"web\": up to 3 × 5 = 15 attempts per request reach payments when it refuses connections (client retries 2, mesh retries 4 at payments); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
        scenario.services[1].versions[0].onCallFailure = .ignore
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    /// Kong picks one route per request: on the same longest prefix, the route with more
    /// conditions wins (KongRouter), so the GET route without retries takes web's requests
    /// and the hang of clientAndGatewayRetriesOfAHangWarnAboveTenAttempts is tried 2 × 1 times.
    @Test func theRouteKongPicksOnATiedPrefixIsTheOneThatCounts() {
        var scenario = Shop.scenario()
        scenario.mesh = Mesh()
        scenario.services[0].http = nil
        scenario.clients[0].timeout = 2 * second
        scenario.clients[0].retries = ClientRetries(attempts: 1, backoff: 0, on: [.timeout])
        scenario.gateway?.routes[0].retries = 5
        scenario.gateway?.routes.append(
            GatewayRoute(name: "orders-get", paths: ["/api/orders"], methods: ["GET"], service: "orders", retries: 0, location: at(23, 7)))
        #expect(PolicyLint.diagnostics(scenario) == [])
        scenario.clients[0].requests = [RequestTemplate(method: "POST", path: "/api/orders/42")]
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "client \"web\": up to 2 × 6 = 12 attempts per request reach payments when it never answers (client retries 1, gateway route \"orders\" retries 5); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
    }

    /// Istio takes a `retryOn` number as a status code only when Go's http.StatusText knows
    /// it: 500 is retried by payments' sidecar (5 tries, then inventory answers 500 and web
    /// retries it: 3 × 5), 599 is passed to Envoy as a condition name that Envoy ignores.
    @Test func aRetryOnStatusCodeCountsOnlyWhenIstioKnowsIt() {
        var scenario = Shop.scenario()
        scenario.gateway?.routes[0].retries = 0
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        scenario.services[2].http = [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: "payments"), location: at(58, 11))],
            retries: HTTPRetry(attempts: 4, retryOn: "500", location: at(59, 9)), location: at(57, 7))]
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "client \"web\": up to 3 × 5 = 15 attempts per request reach payments when it answers 500 (client retries 2, mesh retries 4 at payments); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
        scenario.services[2].http?[0].retries?.retryOn = "599"
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    // MARK: weights that send nothing

    @Test func aVersionNamedOnlyWithWeightZeroGetsNoTraffic() {
        var scenario = Shop.scenario()
        scenario.services[0].http?[0].route[1].weight = 0
        let expected: [Diagnostic] = [
            .warning("version v2 of orders gets no traffic: the http routes name it only with weight 0; give it a weight above 0, or remove the version", at: at(32, 7)),
        ]
        #expect(PolicyLint.diagnostics(scenario) == expected)
        scenario.services[0].http?[0].route[1].weight = 1
        #expect(PolicyLint.diagnostics(scenario) == [])
        // A copy by mirror is traffic too (a dark launch).
        scenario.services[0].http?[0].route[1].weight = 0
        scenario.services[0].http?[0].mirror = Destination(host: "orders", subset: "v2")
        #expect(PolicyLint.diagnostics(scenario) == [])
        // Without the mesh, versions share by replicas and the weights are inactive.
        scenario.services[0].http?[0].mirror = nil
        scenario.mesh = Mesh()
        #expect(PolicyLint.diagnostics(scenario) == [])
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("services.orders.http is inactive while mesh.enabled is false", at: at(40, 7)),
        ])
    }

    @Test func aVersionNoRouteNamesGetsNoTrafficUnlessTheRolloutMovesTrafficToIt() {
        var scenario = Shop.scenario()
        scenario.services[0].http?[0].route = [Shop.destination("v1", weight: 0, line: 41)]
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning(
                "version v2 of orders gets no traffic: no http route sends to it; add a destination with subset v2 and a weight above 0, or remove the version",
                at: at(32, 7)),
        ])
        scenario.rollout = Rollout(service: "orders", stable: "v1", canary: "v2", analysis: .init(threshold: 5, stepWeight: 10), location: at(75, 1))
        #expect(PolicyLint.diagnostics(scenario) == [])
    }

    @Test func aRuleWhoseWeightsAreAllZeroRoutesNothing() {
        var scenario = Shop.scenario()
        scenario.services[0].http?[0].route[0].weight = 0
        scenario.services[0].http?[0].route[1].weight = nil
        let idle = "gets no traffic: the http routes name it only with weight 0; give it a weight above 0, or remove the version"
        #expect(PolicyLint.diagnostics(scenario) == [
            .warning("version v1 of orders \(idle)", at: at(31, 7)),
            .warning("version v2 of orders \(idle)", at: at(32, 7)),
            .warning(
                "services.orders.http[0] routes nothing: every destination has weight 0 (a weight left out is 0 when there are several destinations), and Istio rejects such a rule (total destination weight = 0); give at least one destination a weight above 0",
                at: at(40, 7)),
        ])
    }
}
