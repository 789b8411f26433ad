import Engine
import Scenario
import Testing

/// `gateway.kind: istio`: each replica is an Envoy that routes by the gateway's VirtualService
/// and calls the destination's cluster as a sidecar would.
@Suite struct IstioGatewayTests {
    typealias T = TestScenarios

    private func edge(replicas: Int = 1, rate: String = "100/s", duration: String = "100s", path: String = "/api/orders",
                      plugins: String = "[]", http: String, services: String) -> String {
        """
        name: edge
        duration: \(duration)
        clients:
          - { name: web, rate: \(rate), arrival: uniform, requests: [{ path: \(path) }] }
        gateway:
          kind: istio
          replicas: \(replicas)
          plugins: \(plugins)
          http:
        \(http)
        mesh: { enabled: true }
        services:
        \(services)
        """
    }

    @Test func theGatewaysWeightsSplitTheSubsetsAndTheServicesOwnRulesAreNotAppliedAgain() throws {
        let yaml = edge(
            http: """
                    - route:
                        - { destination: { host: orders, subset: v1 }, weight: 80 }
                        - { destination: { host: orders, subset: v2 }, weight: 20 }
                """,
            services: """
                  orders:
                    concurrency: 100
                    latency: 1ms
                    versions: { v1: {}, v2: {} }
                    http: [{ route: [{ destination: { host: orders, subset: v2 } }] }]
                """)
        let result = try MeshScenario.run(yaml)
        let total = Double(result.summary[0].counts.requests)
        #expect(total == 10_000)
        let v2 = Double(try #require(T.row(result, .version, "orders/v2")).counts.requests)
        // Binomial(10,000, 0.2): σ = 0.004, 4σ = 0.016. orders' own rule (all to v2) would give 1.
        #expect(abs(v2 / total - 0.2) < 0.016, "v2 share \(v2 / total)")
    }

    @Test func theGatewayRetriesA503AsItsRuleSays() throws {
        let yaml = edge(
            http: """
                    - route: [{ destination: { host: s } }]
                      retries: { attempts: 2, retryOn: 5xx }
                """,
            services: """
                  s:
                    concurrency: 100
                    latency: 1ms
                    errors: 50%
                    errorStatus: 503
                    http: [{ route: [{ destination: { host: s } }], retries: { attempts: 0 } }]
                """)
        let result = try MeshScenario.run(yaml)
        let counts = result.summary[0].counts
        let requests = Double(counts.requests)
        // Three tries, each failing with p = 0.5: 1/8 fail (σ = 0.0033, 4σ = 0.013) after two
        // retries (URX); the expected retries per request are 0.5 + 0.25 = 0.75 (σ ≈ 0.0083).
        let exhausted = Double(MeshScenario.count(result, .total, "all", code: 503, flag: "URX"))
        #expect(abs(exhausted / requests - 0.125) < 0.013, "failed share \(exhausted / requests)")
        #expect(abs(Double(counts.retries) / requests - 0.75) < 0.034, "retries per request \(Double(counts.retries) / requests)")
    }

    @Test func aRequestNoRuleMatchesIs404NR() throws {
        let yaml = edge(
            duration: "10s", path: "/other",
            http: """
                    - match: [{ uri: { prefix: /api } }]
                      route: [{ destination: { host: s } }]
                """,
            services: """
                  s: { latency: 1ms }
                """)
        let result = try MeshScenario.run(yaml)
        #expect(result.summary[0].counts.requests == 1000)
        #expect(MeshScenario.count(result, .total, "all", code: 404, flag: "NR") == 1000)
        #expect(T.row(result, .version, "s/default")?.counts.requests ?? 0 == 0)
    }

    @Test func envoysLocalRateLimitKeepsOneBucketPerReplica() throws {
        // 300 requests round-robin over 3 replicas: 100 each; each bucket holds 10 tokens and
        // refills once an hour, so 3 × 10 pass and 270 get 429.
        let yaml = edge(
            replicas: 3, rate: "30/s", duration: "10s",
            plugins: "[{ name: local-rate-limit, config: { max_tokens: 10, tokens_per_fill: 1, fill_interval: 1h } }]",
            http: """
                    - route: [{ destination: { host: s } }]
                """,
            services: """
                  s: { concurrency: 100, latency: 1ms }
                """)
        let result = try MeshScenario.run(yaml)
        #expect(result.summary[0].counts.requests == 300)
        #expect(MeshScenario.count(result, .total, "all", code: 200, flag: "-") == 30)
        #expect(MeshScenario.count(result, .total, "all", code: 429, flag: "RL") == 270)
    }

    @Test func theIngressGatewayIsTheCallersEnvoySoOnlyTheDestinationsSidecarAdds() throws {
        let yaml = """
            name: edge
            duration: 10s
            clients:
              - { name: web, rate: 100/s, requests: [{ path: /api }] }
            gateway:
              kind: istio
              http: [{ route: [{ destination: { host: s } }] }]
            mesh: { enabled: true, sidecarLatency: 1ms, mtls: STRICT, mtlsLatency: 500us }
            services:
              s: { concurrency: 1000, latency: 10ms }
            """
        let result = try MeshScenario.run(yaml)
        // 10 ms of work + 1 ms of s's sidecar + 0.5 ms of mTLS; Kong with its sidecar pays 2 × 1 ms.
        #expect(result.summary[0].latency?.p50 == 11_500_000)
        let usage = try #require(result.mesh)
        #expect(usage.sidecarPasses == result.summary[0].counts.requests)
        #expect(usage.addedLatencyPerRequest == 1.5e6)
    }
}
