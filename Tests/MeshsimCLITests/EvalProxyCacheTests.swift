import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval` prints proxy-cache's decision and Kong's cache key (cache_key.lua:
/// `route|method|uri|params|headers`, no consumer on an unauthenticated route).
@Suite struct EvalProxyCacheTests {
    static let scenario = """
        name: eval-cache
        duration: 1m
        clients:
          - name: shoppers
            rate: 10/s
            requests:
              - { path: "/api/items?id={1..50}&view=full", popularity: zipf(1.1), headers: { x-tenant: acme } }
        gateway:
          plugins:
            - name: proxy-cache
              config: { strategy: memory, cache_ttl: 30, vary_query_params: [id], vary_headers: [X-Tenant] }
          routes:
            - { name: items, paths: [/api/items], service: inventory }
        services:
          inventory: { latency: 5ms }
        """

    func eval(_ arguments: String...) throws -> String {
        let result = try EvalRun.run(Self.scenario, arguments)
        #expect(result.code == .success)
        return result.out
    }

    @Test func aMissStoresAndTheNextRequestWithinTheTTLHits() throws {
        // The client's keyed request is followed with key 1; view is not in vary_query_params.
        let out = try eval("--repeat", "3", "--every", "20s")
        let stages = out.split(separator: "\n").filter { $0.hasPrefix("proxy-cache (global)") }
        #expect(stages == [
            "proxy-cache (global)  miss on replica 1: key items|GET|/api/items|id=1|X-Tenant=acme; the answer is stored for 30s when its status is in 200, 301, 404",
            "proxy-cache (global)  hit on replica 1: key items|GET|/api/items|id=1|X-Tenant=acme → 200 from the cache, nothing goes upstream",
        ])
        // At 40 s the answer stored at 0 s is 40 s old, past its 30 s: the third misses.
        #expect(out.contains("request 3 at 40s: reaches inventory"))
    }

    @Test func aMethodKongDoesNotCacheBypasses() throws {
        let out = try eval("--request", "POST /api/items?id=3")
        #expect(out.contains("proxy-cache (global)  bypass: POST is not in request_method (GET, HEAD)"))
    }
}
