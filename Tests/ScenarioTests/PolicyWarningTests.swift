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
}
