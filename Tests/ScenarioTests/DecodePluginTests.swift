import Testing
@testable import Scenario

@Suite struct DecodePluginTests {
    /// A gateway whose `plugins:` list starts on line 6.
    private func text(_ plugins: String) -> String {
        DecodeFixture.header + "clients: [{ name: web, rate: 1/s }]\ngateway:\n  plugins:\n" + plugins + "\n" + DecodeFixture.service
    }

    private func plugins(_ yaml: String) -> [Plugin]? {
        DecodeFixture.scenario(text(yaml))?.gateway?.plugins
    }

    @Test func specPluginsDecode() throws {
        let yaml = """
                - name: key-auth
                  config: { key_names: [apikey, x-key] }
                  consumers: { k-web: web-app, k-partner: partner }
                - name: jwt
                  config: { claims_to_verify: [exp, nbf] }
                  issuers: { issuer-a: web-app }
                - name: rate-limiting
                  config: { minute: 1000, second: 50, limit_by: header, header_name: x-user, policy: cluster, hide_client_headers: true }
                - name: local-rate-limit
                  config: { max_tokens: 100, tokens_per_fill: 10, fill_interval: 1s }
            """
        let decoded = try #require(plugins(yaml))
        #expect(decoded.map(\.name) == ["key-auth", "jwt", "rate-limiting", "local-rate-limit"])
        #expect(decoded[0].config == .keyAuth(KeyAuthConfig(keyNames: ["apikey", "x-key"], consumers: ["k-web": "web-app", "k-partner": "partner"])))
        #expect(decoded[1].config == .jwt(JWTConfig(claimsToVerify: [.exp, .nbf], issuers: ["issuer-a": "web-app"])))
        #expect(decoded[2].config == .rateLimiting(RateLimitingConfig(
            limits: [PeriodLimit(period: .second, limit: 50), PeriodLimit(period: .minute, limit: 1000)],
            limitBy: .header, headerName: "x-user", policy: .cluster, hideClientHeaders: true)))
        #expect(decoded[3].config == .localRateLimit(LocalRateLimitConfig(maxTokens: 100, tokensPerFill: 10, fillInterval: 1_000_000_000)))
        #expect(decoded[0].location == SourceLocation(file: "s.yaml", line: 6, column: 7))
    }

    @Test func pluginDefaults() throws {
        let yaml = """
                - { name: key-auth }
                - { name: jwt, config: {} }
                - { name: rate-limiting, config: { hour: 10, limit_by: path, path: /api } }
                - name: local-rate-limit
                  config: { stat_prefix: edge, token_bucket: { max_tokens: 5, fill_interval: "50ms" } }
            """
        let decoded = try #require(plugins(yaml))
        #expect(decoded[0].config == .keyAuth(KeyAuthConfig(keyNames: ["apikey"], consumers: [:])))
        #expect(decoded[1].config == .jwt(JWTConfig(claimsToVerify: [], issuers: [:])))
        #expect(decoded[2].config == .rateLimiting(RateLimitingConfig(
            limits: [PeriodLimit(period: .hour, limit: 10)], limitBy: .path, path: "/api", policy: .local, hideClientHeaders: false)))
        #expect(decoded[3].config == .localRateLimit(LocalRateLimitConfig(maxTokens: 5, tokensPerFill: 1, fillInterval: 50_000_000)))
    }

    @Test func disabledPluginsAreLeftOutAndRoutePluginsDecode() throws {
        let text = DecodeFixture.header + """
            clients: [{ name: web, rate: 1/s }]
            gateway:
              plugins: [{ name: key-auth, enabled: false }, { name: jwt, enabled: true }]
              routes:
                - { name: r, service: orders, plugins: [{ name: rate-limiting, config: { second: 1 } }] }
            """ + "\n" + DecodeFixture.service
        let gateway = try #require(DecodeFixture.scenario(text)?.gateway)
        #expect(gateway.plugins.map(\.name) == ["jwt"])
        #expect(gateway.routes[0].plugins.map(\.name) == ["rate-limiting"])
    }

    @Test func rateLimitingChecksKongsSchema() {
        let yaml = """
                - { name: rate-limiting, config: { second: 50, minute: 10, hour: 20 } }
                - { name: rate-limiting, config: { limit_by: consumer } }
                - { name: rate-limit, config: { second: 1.5, limit_by: header, policy: redsi } }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "7:15: error: plugin name 'rate-limiting' is used twice (first at line 6)",
            "7:38: error: gateway.plugins[1].config needs at least one limit: second, minute, hour, day, month, year",
            "8:15: error: gateway.plugins[2].name 'rate-limit' is not one of Kong's bundled plugins; did you mean 'rate-limiting'?",
            "6:52: error: gateway.plugins[0].config.minute (10) cannot be lower than gateway.plugins[0].config.second (50): Kong requires limits that grow with the period",
            "6:64: error: gateway.plugins[0].config.hour (20) cannot be lower than gateway.plugins[0].config.second (50): Kong requires limits that grow with the period",
        ].sorted(by: DecodePluginTests.fileOrder))
    }

    @Test func rateLimitingConditionalFields() {
        let yaml = """
                - { name: rate-limiting, config: { second: 1.5, limit_by: header, policy: redsi } }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "6:48: error: gateway.plugins[0].config.second must be a whole number, not '1.5'",
            "6:53: error: gateway.plugins[0].config.header_name is required with limit_by: header",
            "6:79: error: gateway.plugins[0].config.policy must be one of local, cluster, redis, not 'redsi'; did you mean 'redis'?",
        ])
    }

    @Test func localRateLimitErrors() {
        let yaml = """
                - { name: local-rate-limit, config: { tokens_per_fill: 0, fill_interval: 10ms, descriptors: [] } }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "6:41: error: gateway.plugins[0].config.max_tokens is required",
            "6:60: error: gateway.plugins[0].config.tokens_per_fill must be at least 1, not 0",
            "6:78: error: gateway.plugins[0].config.fill_interval must be at least 50ms (Envoy's shortest fill interval), not 10ms",
            "6:84: error: gateway.plugins[0].config.descriptors is an Envoy field that meshsim does not simulate",
        ])
    }

    @Test func sideMapsBelongToTheirPlugin() {
        let yaml = """
                - { name: jwt, consumers: { k: c } }
                - { name: key-auth, issuers: { i: c }, service: orders }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "6:20: error: gateway.plugins[0].consumers applies only to the key-auth plugin, not to jwt",
            "7:25: error: gateway.plugins[1].issuers applies only to the jwt plugin, not to key-auth",
            "7:44: error: gateway.plugins[1].service is a Kong field that meshsim does not simulate",
        ])
    }

    @Test func productFieldsWithoutEffectAreWarnings() throws {
        let yaml = """
                - name: key-auth
                  protocols: [http]
                  config: { hide_credentials: true, key_in_query: false }
                - name: jwt
                  config: { uri_param_names: [jwt], secret_is_base64: false }
                - name: rate-limiting
                  config: { second: 5, redis_host: redis, fault_tolerant: true, redis: { port: 6379 } }
            """
        let (scenario, diagnostics) = DecodeFixture.decode(text(yaml))
        #expect(scenario != nil)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" } == [
            "7:7: warning: gateway.plugins[0].protocols has no effect in a simulation",
            "8:17: warning: gateway.plugins[0].config.hide_credentials has no effect in a simulation",
            "8:41: warning: gateway.plugins[0].config.key_in_query has no effect in a simulation",
            "10:17: warning: gateway.plugins[1].config.uri_param_names has no effect in a simulation",
            "10:41: warning: gateway.plugins[1].config.secret_is_base64 has no effect in a simulation",
            "12:28: warning: gateway.plugins[2].config.redis_host has no effect in a simulation",
            "12:47: warning: gateway.plugins[2].config.fault_tolerant has no effect in a simulation",
            "12:69: warning: gateway.plugins[2].config.redis has no effect in a simulation",
        ])
    }

    private static func fileOrder(_ a: String, _ b: String) -> Bool {
        let position = { (text: String) in text.split(separator: ":").prefix(2).compactMap { Int($0) } }
        return position(a).lexicographicallyPrecedes(position(b))
    }
}
