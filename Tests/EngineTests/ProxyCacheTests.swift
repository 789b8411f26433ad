import Foundation
@testable import Engine
import Scenario
import Testing

/// Kong's proxy-cache in the simulation, against the closed form of a TTL cache and against
/// hand-worked counts.
@Suite struct ProxyCacheTests {
    typealias T = TestScenarios

    func scenario(
        keys: Int, rate: Double, ttl: Int, method: String = "GET", errors: Double = 0, spacing: Client.Spacing = .poisson,
        duration: Nanoseconds = 1000 * T.second, inQuery: Bool = false, varyQueryParams: [String]? = nil
    ) -> Scenario {
        let cache = ProxyCacheConfig(cacheTTL: Nanoseconds(ttl) * T.second, requestMethods: ["GET"], responseCodes: [200], varyQueryParams: varyQueryParams)
        let request = RequestTemplate(
            method: method, path: inQuery ? "/items?id=" : "/items/", keys: RequestKeys(count: keys, inQuery: inQuery, location: T.here))
        return Scenario(
            name: "cache", seed: 11, duration: duration,
            clients: [Client(name: "web", target: .gateway, arrival: .rate(rate, spacing), requests: [request], location: T.here)],
            gateway: Gateway(
                replicas: 1, plugins: [Plugin(name: "proxy-cache", config: .proxyCache(cache), location: T.here)],
                routes: [GatewayRoute(name: "items", paths: ["/items"], service: "s", location: T.here)], location: T.here),
            services: [T.service("s", concurrency: 1000, latency: .constant(0), errors: errors)])
    }

    /// A key asked at Poisson rate λ_k, with a TTL T counted from an instant upstream answer:
    /// each miss starts a cycle of length T in which every request hits, and the first request
    /// after it misses again. A cycle holds 1 miss and Poisson(λ_k·T) hits, so the hit ratio
    /// is λ_k·T / (1 + λ_k·T).
    ///
    /// Tolerance: over C cycles the ratio R = ΣH / Σ(1 + H), H ~ Poisson(m), m = λ_k·T, has by
    /// the delta method Var(R) ≈ (1 − R)²·Var(H) / (C·(1 + m)²) = (1 − R)²·m / (C·(1 + m)²).
    /// 100/s for 1000 s is 100,000 requests in C = 100,000 / (1 + m) cycles: for m = 10,
    /// sd ≈ 0.00027; for m = 1, sd ≈ 0.0011. The bounds are 4 sd, rounded up.
    @Test(arguments: [(keys: 10, tolerance: 0.0012), (keys: 100, tolerance: 0.0045)])
    func uniformKeysUnderPoissonArrivalsHitAsTheClosedFormSays(keys: Int, tolerance: Double) throws {
        let rate = 100.0
        let ttl = 1
        let result = try Simulator.run(scenario(keys: keys, rate: rate, ttl: ttl))
        let total = result.summary[0]
        let perKey = rate / Double(keys) * Double(ttl)
        let expected = perKey / (1 + perKey)
        let measured = Double(total.cacheHits) / Double(total.counts.requests)
        #expect(abs(measured - expected) < tolerance, "hit ratio \(measured), closed form \(expected)")
        // A hit never reaches the service: it sees exactly the misses.
        let service = try #require(result.summary.first { $0.scope == .service })
        #expect(service.counts.requests == total.counts.requests - total.cacheHits)
        #expect(service.cacheHits == 0)
        let route = try #require(result.summary.first { $0.scope == .route })
        #expect(route.cacheHits == total.cacheHits)
        #expect(result.summary.first { $0.scope == .client }?.cacheHits == total.cacheHits)
    }

    @Test func aQueryKeyOutsideVaryQueryParamsSharesOneEntry() throws {
        // 100 keys in ?id=, but only `page` varies the key: every request asks for one entry,
        // asked at 100/s with a 1 s TTL, a hit ratio of 100 / 101 (sd about 0.0001 over
        // 1000 cycles). With `id` named, 100 entries at 1/s each: 1 / 2.
        let shared = try Simulator.run(scenario(keys: 100, rate: 100, ttl: 1, duration: 100 * T.second, inQuery: true, varyQueryParams: ["page"]))
        #expect(abs(Double(shared.summary[0].cacheHits) / Double(shared.summary[0].counts.requests) - 100.0 / 101) < 0.001)
        let apart = try Simulator.run(scenario(keys: 100, rate: 100, ttl: 1, inQuery: true, varyQueryParams: ["id"]))
        #expect(abs(Double(apart.summary[0].cacheHits) / Double(apart.summary[0].counts.requests) - 0.5) < 0.0045)
    }

    @Test func evenlySpacedRequestsForOneKeyHitUntilTheTTLEnds() throws {
        // 4 a second, evenly spaced, one key, a 1 s TTL: a miss at t stores until t + 1 s, and
        // the requests at t + 0.25, 0.5, 0.75 and 1 s hit (Kong serves an entry up to the end of
        // its TTL); the next misses. 5 requests per cycle, 4 hits: 10 s hold 40 requests, 32 hits.
        let result = try Simulator.run(scenario(keys: 1, rate: 4, ttl: 1, spacing: .uniform, duration: 10 * T.second))
        #expect(result.summary[0].counts.requests == 40)
        #expect(result.summary[0].cacheHits == 32)
    }

    @Test func aMethodOutsideRequestMethodAndAnUncacheableStatusNeverHit() throws {
        let post = try Simulator.run(scenario(keys: 1, rate: 10, ttl: 60, method: "POST", duration: 10 * T.second))
        #expect(post.summary[0].cacheHits == 0)
        // Every answer is a 500, not in response_code [200]: nothing is stored.
        let failing = try Simulator.run(scenario(keys: 1, rate: 10, ttl: 60, errors: 1, duration: 10 * T.second))
        #expect(failing.summary[0].cacheHits == 0)
        #expect(failing.summary[0].counts.errors == failing.summary[0].counts.requests)
    }

    @Test func zipfCumulativeProbabilitiesAreTheHandWorkedOnes() {
        // s = 1, N = 3: weights 1, 1/2, 1/3, sum 11/6: P = 6/11, 3/11, 2/11.
        let sampler = KeySampler(RequestKeys(count: 3, popularity: .zipf(1), location: T.here))
        #expect(abs(sampler.cumulative[0] - 6.0 / 11) < 1e-15)
        #expect(abs(sampler.cumulative[1] - 9.0 / 11) < 1e-15)
        #expect(sampler.cumulative[2] == 1)
    }

    @Test func zipfDrawsFollowTheExactProbabilities() {
        // 200,000 draws over 10 keys at s = 1.1, against p_k = k^-1.1 / Σ j^-1.1. Pearson's
        // chi-square has 9 degrees of freedom; its 0.999 quantile is 27.877 (published tables).
        let keys = 10
        let exponent = 1.1
        let sampler = KeySampler(RequestKeys(count: keys, popularity: .zipf(exponent), location: T.here))
        var rng = RandomStream(seed: 5, key: "zipf")
        var counts = [Int](repeating: 0, count: keys)
        let draws = 200_000
        for _ in 0..<draws { counts[sampler.draw(&rng) - 1] += 1 }
        let weights = (1...keys).map { 1 / Foundation.pow(Double($0), exponent) }
        let total = weights.reduce(0, +)
        let chiSquare = zip(counts, weights).reduce(0.0) { sum, pair in
            let expected = Double(draws) * pair.1 / total
            return sum + (Double(pair.0) - expected) * (Double(pair.0) - expected) / expected
        }
        #expect(chiSquare < 27.877, "chi-square \(chiSquare), counts \(counts)")
    }

    @Test func uniformDrawsCoverEveryKeyAndNoOther() {
        let sampler = KeySampler(RequestKeys(count: 7, location: T.here))
        var rng = RandomStream(seed: 5, key: "uniform")
        var seen = Set<Int>()
        for _ in 0..<1000 { seen.insert(sampler.draw(&rng)) }
        #expect(seen == Set(1...7))
    }
}

extension ProxyCacheTests {
    @Test func aComposedRoutesAnswerIsCachedLikeAProxiedOne() throws {
        // The evenly spaced case above through a route composed of two services: 32 of the 40
        // requests hit, and each service is called only on the 8 misses.
        var scenario = scenario(keys: 1, rate: 4, ttl: 1, spacing: .uniform, duration: 10 * T.second)
        scenario.services.append(T.service("t", concurrency: 1000, latency: .constant(0)))
        let here = T.here
        scenario.gateway?.routes = [GatewayRoute(
            name: "items", paths: ["/items"], backends: [],
            composition: RouteComposition(steps: [.parallel([DownstreamCall(service: "s", location: here), DownstreamCall(service: "t", location: here)])]),
            location: here)]
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].cacheHits == 32)
        #expect(result.summary.filter { $0.scope == .service }.map(\.counts.requests) == [8, 8])
    }
}
