import Policy
import Scenario
import Testing

/// Kong runs plugins by priority (jwt 1450, key-auth 1250, rate-limiting 910, then the Envoy
/// local rate limit); a route plugin replaces the global plugin of the same name.
@Suite struct PluginChainTests {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    func keyAuth(_ consumers: [String: String] = [:]) -> Plugin {
        Plugin(name: "key-auth", config: .keyAuth(KeyAuthConfig(consumers: consumers)), location: here)
    }
    func jwt() -> Plugin { Plugin(name: "jwt", config: .jwt(JWTConfig()), location: here) }
    func rateLimiting(minute: Int) -> Plugin {
        Plugin(name: "rate-limiting", config: .rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: minute)])), location: here)
    }
    func localRateLimit() -> Plugin {
        Plugin(name: "local-rate-limit", config: .localRateLimit(LocalRateLimitConfig(maxTokens: 10, tokensPerFill: 1, fillInterval: 1_000_000_000)), location: here)
    }

    @Test func pluginsRunInKongPriorityOrderWhateverTheFileOrder() {
        let chain = PluginChain.effective(global: [localRateLimit(), rateLimiting(minute: 100), keyAuth(), jwt()], route: [])
        #expect(chain.map(\.name) == ["jwt", "key-auth", "rate-limiting", "local-rate-limit"])
    }

    @Test func aRoutePluginReplacesTheGlobalPluginOfTheSameName() {
        let chain = PluginChain.effective(global: [keyAuth(), rateLimiting(minute: 100)], route: [rateLimiting(minute: 5)])
        #expect(chain.map(\.name) == ["key-auth", "rate-limiting"])
        #expect(chain.last?.config == .rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: 5)])))
    }

    @Test func aRoutePluginWithoutAGlobalCounterpartJoinsInPriorityOrder() {
        let chain = PluginChain.effective(global: [rateLimiting(minute: 100)], route: [keyAuth(["k": "c"])])
        #expect(chain.map(\.name) == ["key-auth", "rate-limiting"])
        #expect(chain.first?.config == .keyAuth(KeyAuthConfig(consumers: ["k": "c"])))
    }

    @Test func noPluginsGiveAnEmptyChain() {
        #expect(PluginChain.effective(global: [], route: []).isEmpty)
    }
}
