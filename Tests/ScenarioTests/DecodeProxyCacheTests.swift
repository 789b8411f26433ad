import Testing
@testable import Scenario

/// proxy-cache's config as Kong's schema (kong/plugins/proxy-cache/schema.lua) has it, and
/// request keys `{1..N}` with their popularity.
@Suite struct DecodeProxyCacheTests {
    /// A gateway whose `plugins:` list starts on line 6.
    private func text(_ plugins: String) -> String {
        DecodeFixture.header + "clients: [{ name: web, rate: 1/s }]\ngateway:\n  plugins:\n" + plugins + "\n" + DecodeFixture.service
    }

    /// A gateway client whose `requests:` list starts on line 7, a route `/api/items` to orders.
    private func requests(_ entries: String, routePath: String = "/api/items") -> String {
        DecodeFixture.header + "clients:\n  - name: web\n    rate: 1/s\n    requests:\n" + entries + "\n"
            + "gateway:\n  routes: [{ name: items, paths: [\(routePath)], service: orders }]\n" + DecodeFixture.service
    }

    @Test func everyFieldDecodes() throws {
        let yaml = """
                - name: proxy-cache
                  config:
                    strategy: memory
                    cache_ttl: 30
                    storage_ttl: 10
                    request_method: [GET, POST]
                    response_code: [200, 404]
                    content_type: [application/json]
                    vary_headers: [x-tenant]
                    vary_query_params: [id]
                    memory: { dictionary_name: my_cache }
                    ignore_uri_case: true
            """
        let plugin = try #require(DecodeFixture.scenario(text(yaml))?.gateway?.plugins.first)
        let expected = ProxyCacheConfig(
            cacheTTL: 30_000_000_000, requestMethods: ["GET", "POST"], responseCodes: [200, 404], contentTypes: ["application/json"],
            varyHeaders: ["x-tenant"], varyQueryParams: ["id"], dictionaryName: "my_cache", storageTTL: 10_000_000_000, ignoreURICase: true)
        #expect(plugin.config == .proxyCache(expected))
        // The dictionary drops the entry after storage_ttl, before Kong would refresh it.
        #expect(expected.freshFor == 10_000_000_000)
        // A longer storage_ttl, or 0 (the shared dictionary's "never expires"), leaves cache_ttl.
        #expect(ProxyCacheConfig(cacheTTL: 30_000_000_000, storageTTL: 0).freshFor == 30_000_000_000)
        #expect(ProxyCacheConfig(cacheTTL: 30_000_000_000, storageTTL: 60_000_000_000).freshFor == 30_000_000_000)
    }

    @Test func kongsDefaults() throws {
        let plugin = try #require(DecodeFixture.scenario(text("    - { name: proxy-cache, config: { strategy: memory } }"))?.gateway?.plugins.first)
        guard case .proxyCache(let config) = plugin.config else {
            Issue.record("not a proxy-cache config")
            return
        }
        // schema.lua: cache_ttl 300, request_method GET HEAD, response_code 200 301 404,
        // content_type text/plain application/json, dictionary kong_db_cache.
        #expect(config.cacheTTL == 300_000_000_000)
        #expect(config.requestMethods == ["GET", "HEAD"])
        #expect(config.responseCodes == [200, 301, 404])
        #expect(config.contentTypes == ["text/plain", "application/json"])
        #expect(config.dictionaryName == "kong_db_cache")
        #expect(config.varyHeaders == nil && config.varyQueryParams == nil)
        #expect(!config.cacheControl && config.storageTTL == nil && !config.ignoreURICase)
        #expect(config.storesJSON)
    }

    @Test func contentTypesMatchAsKongMatchesThem() {
        // handler.lua: type and subtype may be '*', and the parameters must be the same.
        for (types, stores) in [(["*/*"], true), (["application/*"], true), (["text/plain"], false), (["application/json; charset=utf-8"], false)] {
            #expect(ProxyCacheConfig(contentTypes: types).storesJSON == stores, "\(types)")
        }
    }

    @Test func schemaErrorsAndWarnings() {
        let yaml = """
                - name: proxy-cache
                  config: { strategy: redis, cache_ttl: 0, request_method: [GET, DELETE], response_code: [], response_headers: { age: false }, cache_controll: true }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "7:27: error: gateway.plugins[0].config.strategy must be memory, not 'redis': meshsim models the memory strategy (one cache per gateway replica)",
            "7:45: error: gateway.plugins[0].config.cache_ttl must be between 1 and 31536000, not 0",
            "7:70: error: gateway.plugins[0].config.request_method[1] must be one of HEAD, GET, POST, PATCH, PUT, not 'DELETE'",
            "7:94: error: gateway.plugins[0].config.response_code must list at least one entry",
            "7:98: warning: gateway.plugins[0].config.response_headers has no effect in a simulation",
            "7:132: error: unknown key 'cache_controll' in gateway.plugins[0].config; did you mean 'cache_control'?",
        ])
    }

    @Test func strategyIsRequired() {
        #expect(DecodeFixture.messages(text("    - { name: proxy-cache, config: { cache_ttl: 5 } }")) == [
            "6:36: error: gateway.plugins[0].config.strategy is required",
        ])
    }

    @Test func cacheControlWarnsThatNothingIsStored() {
        let messages = DecodeFixture.messages(text("    - { name: proxy-cache, config: { strategy: memory, cache_control: true } }"))
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("6:56: warning: gateway.plugins[0].config.cache_control: true stores nothing in a simulation") == true)
    }

    @Test func aCacheThatCanStoreNothingWarns() {
        #expect(DecodeFixture.messages(text("    - { name: proxy-cache, config: { strategy: memory, content_type: [text/plain] } }")) == [
            "6:56: warning: gateway.plugins[0].config.content_type matches no application/json answer, which every simulated service sends, so the cache stores nothing",
        ])
        #expect(DecodeFixture.messages(text("    - { name: proxy-cache, config: { strategy: memory, request_method: [] } }")) == [
            "6:56: warning: gateway.plugins[0].config.request_method is empty, so Kong bypasses the cache for every request",
        ])
    }

    /// N is digits only; `popularity` without any path, or after a wrong path, is one error.
    @Test func keyCountsAreDigitsAndPopularityNeedsKeys() {
        let entries = """
                  - { path: "/api/items/{1..+50}" }
                  - { popularity: zipf(1) }
                  - { path: "/api/items/{1..0}", popularity: zipf(1) }
            """
        #expect(DecodeFixture.messages(requests(entries)) == [
            "7:17: error: clients[0].requests[0].path must write the keys as {1..N} with N a whole number from 1, e.g. /items/{1..5000}, not '/api/items/{1..+50}'",
            "8:11: error: clients[0].requests[1].popularity needs keys in clients[0].requests[1].path, e.g. /items/{1..5000}",
            "9:17: error: clients[0].requests[2].path must write the keys as {1..N} with N a whole number from 1, e.g. /items/{1..5000}, not '/api/items/{1..0}'",
        ])
    }

    @Test func keysInThePathAndInAQueryValue() throws {
        let entries = """
                  - { path: "/api/items/{1..5000}", popularity: zipf(1.1) }
                  - { path: "/api/items?id={1..20}&view=full" }
                  - { path: "/api/items/item-{1..3}.json" }
            """
        let client = try #require(DecodeFixture.scenario(requests(entries))?.clients.first)
        let location = { (line: Int, column: Int) in SourceLocation(file: "s.yaml", line: line, column: column) }
        #expect(client.requests.map(\.path) == ["/api/items/", "/api/items?id=", "/api/items/item-"])
        #expect(client.requests.map(\.keys) == [
            RequestKeys(count: 5000, popularity: .zipf(1.1), location: location(7, 11)),
            RequestKeys(count: 20, suffix: "&view=full", inQuery: true, location: location(8, 11)),
            RequestKeys(count: 3, suffix: ".json", location: location(9, 11)),
        ])
        #expect(client.requests[1].keys?.path(prefix: "/api/items?id=", key: 7) == "/api/items?id=7&view=full")
    }

    @Test func keyErrorsSayWhereAndHow() {
        let entries = """
                  - { path: "/api/items/{0..9}" }
                  - { path: "/api/{1..9}/items" }
                  - { path: "/api/items?{1..9}" }
                  - { path: "/a/{1..2}/{1..3}" }
                  - { path: /api/items, popularity: zipf(1) }
                  - { path: "/api/items/{1..9}", popularity: zipf(0) }
            """
        #expect(DecodeFixture.messages(requests(entries)) == [
            "7:17: error: clients[0].requests[0].path must write the keys as {1..N} with N a whole number from 1, e.g. /items/{1..5000}, not '/api/items/{0..9}'",
            "8:17: error: clients[0].requests[1].path must put {1..N} in the last path segment or as a whole query value (?id={1..N}), not in '/api/{1..9}/items'",
            "9:17: error: clients[0].requests[2].path must put {1..N} in the last path segment or as a whole query value (?id={1..N}), not in '/api/items?{1..9}'",
            "10:17: error: clients[0].requests[3].path may hold {1..N} only once, not in '/a/{1..2}/{1..3}'",
            "11:29: error: clients[0].requests[4].popularity needs keys in clients[0].requests[4].path, e.g. /items/{1..5000}",
            "12:50: error: clients[0].requests[5].popularity must be uniform or zipf(s) with 0 < s ≤ 100 (e.g. zipf(1.1)), not 'zipf(0)'",
        ])
    }

    @Test func aRoutePrefixThatSplitsTheKeysIsAnErrorNamingBoth() throws {
        let scenario = try #require(DecodeFixture.scenario(requests("      - { path: \"/api/items/{1..500}\" }", routePath: "/api/items/1")))
        let messages = ScenarioValidator.validate(scenario).map { "\($0.location.line):\($0.location.column): \($0.message)" }
        #expect(messages.contains(
            "7:11: clients[0].requests[0].path /api/items/{1..500}: gateway route 'items' path '/api/items/1' matches only some of its keys, and meshsim routes every key as '/api/items/'; use a route prefix that ends before '{'"))
    }

    @Test(arguments: [
        // A prefix before '{' routes every key alike; one after it routes keys 1, 10–19, 100–199…
        (StringMatch.prefix("/api/"), false), (.prefix("/api/items/"), false), (.prefix("/api/items/1"), true),
        (.prefix("/api/items/0"), false), (.prefix("/api/items/501"), false), (.prefix("/api/items/x"), false),
        // Exact: the text before '{' is never a real path; key 7's real path is one of them.
        (.exact("/api/items/"), true), (.exact("/api/items/7"), true), (.exact("/api/items/501"), false), (.exact("/api/other"), false),
    ])
    func splitsOnlyWhenSomeKeysAreRoutedApart(match: StringMatch, splits: Bool) {
        let keys = RequestKeys(count: 500, location: SourceLocation(file: "s.yaml", line: 1, column: 1))
        #expect(RequestKeyChecks.splits(match, keys, "/api/items/") == splits)
    }

    /// Each replica keeps an entry per key: 20 × 500,001 = 10,000,020 entries is over the bound,
    /// 19 × 500,001 is not, and without a proxy-cache nothing is kept.
    @Test func cacheEntriesOfAllReplicasAreBounded() throws {
        func errors(replicas: Int, plugin: String = "plugins: [{ name: proxy-cache, config: { strategy: memory } }]") throws -> [String] {
            let yaml = DecodeFixture.header + """
                clients: [{ name: web, rate: 1/s, requests: [{ path: "/api/items/{1..500001}" }] }]
                gateway:
                  replicas: \(replicas)
                  \(plugin)
                  routes: [{ name: items, paths: [/api/items], service: orders }]
                """ + "\n" + DecodeFixture.service
            let scenario = try #require(DecodeFixture.scenario(yaml))
            return ScenarioValidator.validate(scenario).map(\.message)
        }
        #expect(try errors(replicas: 20) == [
            "clients[].requests: the proxy-cache could keep 10,000,020 entries (gateway replicas × the keys of the gateway's requests), "
                + "more than the 10,000,000 meshsim keeps; use fewer keys or replicas",
        ])
        #expect(try errors(replicas: 19).isEmpty)
        #expect(try errors(replicas: 20, plugin: "plugins: []").isEmpty)
    }

    @Test func keysAreBounded() throws {
        let scenario = try #require(DecodeFixture.scenario(requests("      - { path: \"/api/items/{1..1000001}\" }")))
        let messages = ScenarioValidator.validate(scenario).map(\.message)
        #expect(messages == ["clients[0].requests[0].path keys: 1000001 is more than the 1,000,000 keys meshsim draws from per request entry"])
    }
}
