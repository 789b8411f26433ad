import Testing
@testable import Scenario
import struct Scenario.SourceLocation

private func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "t.yaml", line: line, column: column)
}

private let second: Nanoseconds = 1_000_000_000
private let millisecond: Nanoseconds = 1_000_000

@Suite struct PolicyWarningTests {
    @Test func theShopDrawsNoWarning() {
        #expect(ScenarioValidator.validate(Shop.scenario()) == [])
    }

    // MARK: rate limits on several replicas

    @Test func localRateLimitingOnOneReplicaIsSilentAndOnThreeSaysTheEffectiveLimit() {
        var scenario = Shop.scenario()
        scenario.gateway?.plugins = [Shop.rateLimiting([PeriodLimit(period: .minute, limit: 100)], line: 19)]
        #expect(ScenarioValidator.validate(scenario) == [])
        scenario.gateway?.replicas = 3
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "rate-limiting: minute: 100 with policy local on 3 gateway replicas lets up to 300 requests per minute through for each consumer, since each replica counts on its own; use policy: cluster or redis for a shared count",
                at: at(19, 7)),
        ])
        scenario.gateway?.plugins = [Shop.rateLimiting([PeriodLimit(period: .minute, limit: 100)], policy: .cluster, line: 19)]
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    @Test func routeRateLimitingNamesTheRouteEveryPeriodAndWhatIsCounted() {
        var scenario = Shop.scenario()
        scenario.gateway?.replicas = 2
        scenario.gateway?.routes[0].plugins = [
            Shop.rateLimiting([PeriodLimit(period: .second, limit: 5), PeriodLimit(period: .minute, limit: 100)], limitBy: .ip, line: 22),
        ]
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "rate-limiting of route \"orders\": second: 5, minute: 100 with policy local on 2 gateway replicas lets up to 10 requests per second and 200 per minute through for each client address, since each replica counts on its own; use policy: cluster or redis for a shared count",
                at: at(22, 7)),
        ])
    }

    @Test func envoyLocalRateLimitIsOneBucketPerReplica() {
        var scenario = Shop.scenario()
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
        var scenario = Shop.scenario()
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
        var scenario = Shop.scenario()
        let canary = HTTPMatch(headers: [HeaderMatch(name: "x-canary", match: .exact("true"))], location: at(45, 11))
        scenario.services[0].http?.append(HTTPRoute(match: [canary], route: [Shop.destination("v2", weight: nil, line: 46)], location: at(44, 7)))
        #expect(ScenarioValidator.validate(scenario) == [
            .warning(
                "services.orders.http[1] never matches: http[0] (line 40) matches every request and comes first; move the rule that matches everything to the end of the list",
                at: at(44, 7)),
        ])
        scenario.services[0].http?.reverse()
        #expect(ScenarioValidator.validate(scenario) == [])
    }

    @Test func anHTTPRuleWhoseEntriesEarlierRulesCoverNeverMatches() {
        var scenario = Shop.scenario()
        let catchAll = scenario.services[0].http?[0]
        func rule(_ uris: [StringMatch], header: HeaderMatch? = nil, line: Int) -> HTTPRoute {
            HTTPRoute(
                match: uris.map { HTTPMatch(uri: $0, headers: header.map { [$0] } ?? [], location: at(line, 11)) },
                route: [Shop.destination("v1", weight: nil, line: line)], location: at(line, 7))
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
