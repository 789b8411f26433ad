import Testing
@testable import Scenario
import struct Scenario.SourceLocation

private func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "t.yaml", line: line, column: column)
}

private let second: Nanoseconds = 1_000_000_000
private let millisecond: Nanoseconds = 1_000_000

private func destination(_ subset: String?, weight: Int?, line: Int) -> RouteDestination {
    RouteDestination(destination: Destination(host: "orders", subset: subset), weight: weight, location: at(line, 11))
}

private func rateLimiting(_ limits: [PeriodLimit], limitBy: RateLimitingConfig.LimitBy = .consumer, policy: RateLimitingConfig.Policy = .local, line: Int) -> Plugin {
    Plugin(name: "rate-limiting", config: .rateLimiting(RateLimitingConfig(limits: limits, limitBy: limitBy, policy: policy)), location: at(line, 7))
}

/// A shop that draws no warning: a client through the gateway and one calling orders
/// directly, orders (two versions) → inventory → payments, all under the mesh with Istio's
/// default retries. Each test adds the one setting its warning is about.
private func shop() -> Scenario {
    Scenario(
        name: "t", duration: 600 * second,
        clients: [
            Client(name: "web", target: .gateway, arrival: .rate(100, .poisson), requests: [RequestTemplate(path: "/api/orders/42")], location: at(10, 5)),
            Client(name: "batch", target: .service("orders"), arrival: .users(5, thinkTime: .zero), location: at(12, 5)),
        ],
        gateway: Gateway(
            routes: [GatewayRoute(name: "orders", paths: ["/api/orders"], service: "orders", location: at(20, 7))], location: at(18, 1)),
        mesh: Mesh(enabled: true, location: at(25, 1)),
        services: [
            Service(
                name: "orders",
                versions: ["v1", "v2"].enumerated().map { index, name in
                    ServiceVersion(
                        name: name, replicas: 10, calls: [.call(DownstreamCall(service: "inventory", location: at(34, 11)))],
                        location: at(31 + index, 7))
                },
                http: [HTTPRoute(route: [destination("v1", weight: 90, line: 41), destination("v2", weight: 10, line: 42)], location: at(40, 7))],
                hasDeclaredVersions: true, location: at(30, 3)),
            Service(
                name: "inventory",
                versions: [ServiceVersion(
                    name: "default", calls: [.call(DownstreamCall(service: "payments", location: at(52, 11)))], location: at(50, 3))],
                location: at(50, 3)),
            Service(name: "payments", versions: [ServiceVersion(name: "default", location: at(55, 3))], location: at(55, 3)),
        ])
}

@Suite struct PolicyWarningTests {
    @Test func theShopDrawsNoWarning() {
        #expect(ScenarioValidator.validate(shop()) == [])
    }

    // MARK: rate limits on several replicas

    @Test func localRateLimitingOnOneReplicaIsSilentAndOnThreeSaysTheEffectiveLimit() {
        var scenario = shop()
        scenario.gateway?.plugins = [rateLimiting([PeriodLimit(period: .minute, limit: 100)], line: 19)]
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.gateway?.replicas = 3
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "rate-limiting: minute: 100 with policy local on 3 gateway replicas lets up to 300 requests per minute through for each consumer, since each replica counts on its own; use policy: cluster or redis for a shared count",
                at: at(19, 7)),
        ])
        scenario.gateway?.plugins = [rateLimiting([PeriodLimit(period: .minute, limit: 100)], policy: .cluster, line: 19)]
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    @Test func routeRateLimitingNamesTheRouteEveryPeriodAndWhatIsCounted() {
        var scenario = shop()
        scenario.gateway?.replicas = 2
        scenario.gateway?.routes[0].plugins = [
            rateLimiting([PeriodLimit(period: .second, limit: 5), PeriodLimit(period: .minute, limit: 100)], limitBy: .ip, line: 22),
        ]
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "rate-limiting of route \"orders\": second: 5, minute: 100 with policy local on 2 gateway replicas lets up to 10 requests per second and 200 per minute through for each client address, since each replica counts on its own; use policy: cluster or redis for a shared count",
                at: at(22, 7)),
        ])
    }

    @Test func envoyLocalRateLimitIsOneBucketPerReplica() {
        var scenario = shop()
        let bucket = LocalRateLimitConfig(maxTokens: 100, tokensPerFill: 10, fillInterval: 500 * millisecond)
        scenario.gateway?.plugins = [Plugin(name: "local-rate-limit", config: .localRateLimit(bucket), location: at(19, 7))]
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.gateway?.replicas = 3
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "local-rate-limit: each of the 3 gateway replicas has its own bucket of max_tokens 100 refilled by 10 every 500ms, so the gateway lets up to 30 requests every 500ms through, in bursts of up to 300; divide max_tokens and tokens_per_fill by 3 for that limit on the whole gateway",
                at: at(19, 7)),
        ])
    }

    // MARK: retry amplification

    /// Without the mesh a hang is ended by Kong's 60 s timeout, which Kong retries; the
    /// 2 s client timeout fires first and the client retries too: (1 + 1) × (1 + retries).
    @Test func clientAndGatewayRetriesOfAHangWarnAboveTenAttempts() {
        var scenario = shop()
        scenario.mesh = Mesh()
        scenario.services[0].http = nil
        scenario.clients[0].timeout = 2 * second
        scenario.clients[0].retries = ClientRetries(attempts: 1, backoff: 0, on: [.timeout])
        scenario.gateway?.routes[0].retries = 4
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.gateway?.routes[0].retries = 5
        let expected: [Diagnostic] = [
            .warning(
                "client \"web\": up to 2 × 6 = 12 attempts per request reach payments when it never answers (client retries 1, gateway route \"orders\" retries 5); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ]
        #expect(ScenarioValidator.validate(scenario) == expected)
        // The longest matching prefix picks the route: /api/users takes a route without retries.
        scenario.gateway?.routes.append(GatewayRoute(name: "catalog", paths: ["/api"], service: "orders", retries: 0, location: at(23, 7)))
        #expect(ScenarioValidator.validate(scenario) == expected)
        scenario.clients[0].requests = [RequestTemplate(path: "/api/users")]
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    /// Istio's default retries only connect failures, so a crash of payments is tried 3 times
    /// by inventory's sidecar, and the 500 that inventory and orders then answer is retried
    /// by the clients alone (Kong never retries an answer): (1 + client retries) × 3.
    @Test func istioDefaultRetriesMultiplyWithClientRetriesOfConnectFailures() {
        var scenario = shop()
        scenario.gateway?.routes[0].retries = 0
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        scenario.clients[1].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.clients[0].retries?.attempts = 3
        scenario.clients[1].retries?.attempts = 3
        #expect(ScenarioValidator.validate(scenario) == [
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
        var scenario = shop()
        scenario.clients[0].timeout = 10 * second
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.timeout])
        scenario.gateway?.routes[0].timeout = 3 * second
        scenario.services[0].http?[0].retries = HTTPRetry(attempts: 2, perTryTimeout: 1 * second, retryOn: "5xx", location: at(43, 9))
        scenario.services[2].http = [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: "payments"), location: at(58, 11))],
            retries: HTTPRetry(attempts: 2, perTryTimeout: 500 * millisecond, retryOn: "gateway-error", location: at(59, 9)),
            location: at(57, 7))]
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "client \"web\": up to 3 × 6 × 3 × 3 = 162 attempts per request reach payments when it never answers (client retries 2, gateway route \"orders\" retries 5, mesh retries 2 at orders and at payments); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
        // A 3.5 s gateway timeout sees the 504 of orders' sidecar first, and Kong does not
        // retry an answer; the client's own timeout is then not reached either.
        scenario.gateway?.routes[0].timeout = 3500 * millisecond
        #expect(ScenarioValidator.validate(scenario) == [])
        // A per-try timeout is retried only on 5xx, gateway-error or reset: orders' sidecar
        // answers 504 after its first second, long before Kong's 3 s.
        scenario.gateway?.routes[0].timeout = 3 * second
        scenario.services[0].http?[0].retries?.retryOn = "connect-failure"
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    /// payments hangs and nothing times out below orders' sidecar, whose 1 s per-try timeout
    /// is retried (reset) but whose 2.5 s route timeout leaves room for 3 tries (at 0, 1 and
    /// 2 s) of the 6 asked for; its 504 at 2.5 s comes after Kong's 2 s timeout: 6 tries.
    /// (`reset` does not retry the 500 that orders answers when payments refuses connections.)
    @Test func aRouteTimeoutBoundsTheTriesThatFitInIt() {
        var scenario = shop()
        scenario.gateway?.routes[0].timeout = 2 * second
        scenario.services[0].http?[0].timeout = 2500 * millisecond
        scenario.services[0].http?[0].retries = HTTPRetry(attempts: 5, perTryTimeout: 1 * second, retryOn: "reset", location: at(43, 9))
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "client \"web\": up to 6 × 3 = 18 attempts per request reach payments when it never answers (gateway route \"orders\" retries 5, mesh retries 2 at orders); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
    }

    /// payments' sidecar tries 5 times on 5xx; a 500 that inventory passes on is retried by the
    /// client 3 times (15 attempts), unless inventory ignores the failed call.
    @Test func aCallerThatIgnoresFailuresStopsTheAmplification() {
        var scenario = shop()
        scenario.gateway?.routes[0].retries = 0
        scenario.clients[0].retries = ClientRetries(attempts: 2, backoff: 0, on: [.serverError])
        scenario.services[2].http = [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: "payments"), location: at(58, 11))],
            retries: HTTPRetry(attempts: 4, retryOn: "5xx", location: at(59, 9)), location: at(57, 7))]
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "client \"web\": up to 3 × 5 = 15 attempts per request reach payments when it refuses connections (client retries 2, mesh retries 4 at payments); retry at one layer only, or lower the attempts",
                at: at(10, 5)),
        ])
        scenario.services[1].versions[0].onCallFailure = .ignore
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    // MARK: shadowed routes

    @Test func aGatewayRouteWithTheSameConditionsAsAnEarlierOneNeverWins() {
        var scenario = shop()
        scenario.gateway?.routes = [
            GatewayRoute(name: "orders", paths: ["/api/orders", "/api/carts"], methods: ["GET"], service: "orders", location: at(20, 7)),
            GatewayRoute(name: "orders-v2", paths: ["/api/carts", "/api/orders"], methods: ["GET"], service: "orders", location: at(22, 7)),
        ]
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "route \"orders-v2\" never receives a request: route \"orders\" (line 20) has the same paths, methods and headers and comes first, and Kong gives a tie to the first route; change its paths, methods or headers, or remove it",
                at: at(22, 7)),
        ])
        // One more condition makes the later route win for the requests that meet it.
        scenario.gateway?.routes[1].headers = [HeaderCondition(name: "x-version", values: ["v2"])]
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    @Test func anHTTPRuleAfterOneThatMatchesEverythingNeverMatches() {
        var scenario = shop()
        let canary = HTTPMatch(headers: [HeaderMatch(name: "x-canary", match: .exact("true"))], location: at(45, 11))
        scenario.services[0].http?.append(HTTPRoute(match: [canary], route: [destination("v2", weight: nil, line: 46)], location: at(44, 7)))
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "services.orders.http[1] never matches: http[0] (line 40) matches every request and comes first; move the rule that matches everything to the end of the list",
                at: at(44, 7)),
        ])
        scenario.services[0].http?.reverse()
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    @Test func anHTTPRuleWhoseEntriesEarlierRulesCoverNeverMatches() {
        var scenario = shop()
        let catchAll = scenario.services[0].http?[0]
        func rule(_ uris: [StringMatch], header: HeaderMatch? = nil, line: Int) -> HTTPRoute {
            HTTPRoute(
                match: uris.map { HTTPMatch(uri: $0, headers: header.map { [$0] } ?? [], location: at(line, 11)) },
                route: [destination("v1", weight: nil, line: line)], location: at(line, 7))
        }
        let debug = HeaderMatch(name: "x-debug", match: .present)
        scenario.services[0].http = [
            rule([.prefix("/api/orders")], line: 40),
            rule([.exact("/health")], line: 41),
            // A shorter prefix matches more than the earlier longer one.
            rule([.prefix("/api")], header: debug, line: 42),
            // One more condition than http[1]: all it matches, http[1] matched already.
            rule([.exact("/health")], header: debug, line: 43),
            rule([.exact("/api/orders/42"), .exact("/health")], line: 44),
            // http[2] needs a header that this rule does not ask for.
            rule([.prefix("/api/users")], line: 45),
        ]
        scenario.services[0].http?.append(catchAll ?? rule([], line: 46))
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "services.orders.http[3] never matches: every request it matches is taken first by http[1] (line 41); move it before http[1], or remove it",
                at: at(43, 7)),
            .warning(
                "services.orders.http[4] never matches: every request it matches is taken first by http[0] (line 40) and http[1] (line 41); move it before http[0], or remove it",
                at: at(44, 7)),
        ])
    }

    // MARK: weights that send nothing

    @Test func aVersionNamedOnlyWithWeightZeroGetsNoTraffic() {
        var scenario = shop()
        scenario.services[0].http?[0].route[1].weight = 0
        let expected: [Diagnostic] = [
            .warning("version v2 of orders gets no traffic: the http routes name it only with weight 0; give it a weight above 0, or remove the version", at: at(32, 7)),
        ]
        #expect(ScenarioValidator.validate(scenario) == expected)
        scenario.services[0].http?[0].route[1].weight = 1
        #expect(ScenarioValidator.validate(scenario) == [])
        // A copy by mirror is traffic too (a dark launch).
        scenario.services[0].http?[0].route[1].weight = 0
        scenario.services[0].http?[0].mirror = Destination(host: "orders", subset: "v2")
        #expect(ScenarioValidator.validate(scenario) == [])
        // Without the mesh, versions share by replicas and the weights are inactive.
        scenario.services[0].http?[0].mirror = nil
        scenario.mesh = Mesh()
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("services.orders.http is inactive while mesh.enabled is false", at: at(40, 7)),
        ])
    }

    @Test func aVersionNoRouteNamesGetsNoTrafficUnlessTheRolloutMovesTrafficToIt() {
        var scenario = shop()
        scenario.services[0].http?[0].route = [destination("v1", weight: 0, line: 41)]
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "version v2 of orders gets no traffic: no http route sends to it; add a destination with subset v2 and a weight above 0, or remove the version",
                at: at(32, 7)),
        ])
        scenario.rollout = Rollout(service: "orders", stable: "v1", canary: "v2", analysis: .init(threshold: 5, stepWeight: 10), location: at(75, 1))
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    @Test func aRuleWhoseWeightsAreAllZeroRoutesNothing() {
        var scenario = shop()
        scenario.services[0].http?[0].route[0].weight = 0
        scenario.services[0].http?[0].route[1].weight = nil
        let idle = "gets no traffic: the http routes name it only with weight 0; give it a weight above 0, or remove the version"
        #expect(ScenarioValidator.validate(scenario) == [
            .warning("version v1 of orders \(idle)", at: at(31, 7)),
            .warning("version v2 of orders \(idle)", at: at(32, 7)),
            .warning(
                "services.orders.http[0] routes nothing: every destination has weight 0 (a weight left out is 0 when there are several destinations), and Istio rejects such a rule (total destination weight = 0); give at least one destination a weight above 0",
                at: at(40, 7)),
        ])
    }
}
