import Policy
import Scenario
import Testing

/// Kong's cache key text, worked from kong/plugins/proxy-cache/cache_key.lua:
/// `prefix|method|uri|params|headers`, prefix `consumer:route` or `route`.
@Suite struct ProxyCacheKeyTests {
    func key(_ config: ProxyCacheConfig = ProxyCacheConfig(), consumer: String? = nil, path: String, headers: [Header] = []) -> String {
        ProxyCacheKey.text(config, route: "items", consumer: consumer, method: "GET", path: path, headers: headers)
    }

    @Test func everyQueryArgumentSortedByNameWhenNoneAreNamed() {
        // params_key: all argument names sorted; a repeated one's values sorted, joined by ','; a
        // bare one (true in Kong) as its name alone; fields joined by ':'.
        #expect(key(path: "/api/items/7?z=1&a=2&flag&a=1") == "items|GET|/api/items/7|a=1,2:flag:z=1|")
    }

    @Test func onlyTheNamedArgumentsAndHeadersInTheirConfiguredOrder() {
        let config = ProxyCacheConfig(varyHeaders: ["x-tenant", "x-missing"], varyQueryParams: ["id"])
        let headers = [Header(name: "X-Tenant", value: "acme"), Header(name: "x-other", value: "1")]
        #expect(key(config, consumer: "alice", path: "/api/items?view=full&id=9", headers: headers)
            == "alice:items|GET|/api/items|id=9|x-tenant=acme")
    }

    @Test func ignoreURICaseLowersThePathOnly() {
        #expect(key(ProxyCacheConfig(ignoreURICase: true), path: "/API/Items?Id=A") == "items|GET|/api/items|Id=A|")
    }

    @Test func anAnswerIsFreshUntilItsTTLEndsAndThenRefreshed() {
        var cache = ProxyCache()
        cache.store(3, status: 404, now: 10, ttl: 5)
        #expect(cache.lookup(3, now: 15) == 404)
        #expect(cache.lookup(3, now: 16) == nil)
        #expect(cache.lookup(4, now: 12) == nil)
        cache.store(3, status: 200, now: 16, ttl: 5)
        #expect(cache.lookup(3, now: 20) == 200)
        #expect(cache.count == 1)
    }
}
