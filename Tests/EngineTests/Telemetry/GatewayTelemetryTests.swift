import Engine
import Scenario
import Testing

/// Kong's series from whole runs, with counts worked out by hand.
@Suite struct GatewayTelemetryTests {
    typealias T = TestScenarios
    typealias S = TelemetryScenario

    /// web sends 10 requests a second to /shop, evenly spaced from t = 0, against `second: 5`:
    /// the first 5 of each second pass (1 ms at Kong, then 10 ms at orders), the other 5 get
    /// Kong's own 429 after its 1 ms. probe sends 1 a second to a path no route matches:
    /// Kong's 404, with no route and no service. The route idle takes nothing.
    @Test func aRateLimitedRouteCountsKongsOwn429sApartFromTheServicesAnswers() throws {
        let result = try S.run("""
            name: limited
            duration: 10s
            interval: 5s
            clients:
              - { name: web, rate: 10/s, arrival: uniform, requests: [{ path: /shop }] }
              - { name: probe, rate: 1/s, arrival: uniform, requests: [{ path: /nowhere }] }
            gateway:
              latency: 1ms
              routes:
                - name: shop
                  paths: [/shop]
                  service: orders
                  plugins: [{ name: rate-limiting, config: { second: 5, policy: local } }]
                - { name: idle, paths: [/idle], service: orders }
            services:
              orders: { concurrency: 10, latency: 10ms }
            """)
        let telemetry = try #require(result.telemetry)
        #expect(telemetry.gatewayBounds == [25, 50, 80, 100, 250, 400, 700, 1000, 2000, 5000, 10000, 30000, 60000])
        #expect(telemetry.sampleTimes == [5 * T.second, 10 * T.second])
        let requests = telemetry.gatewayRequests.map { "\($0.route)|\($0.service)|\($0.code)|\($0.answeredByGateway)|\($0.counts)" }
        #expect(Set(requests) == ["shop|orders|200|false|[25, 50]", "shop|orders|429|true|[25, 50]", "||404|true|[5, 10]"])
        #expect(telemetry.gatewayRequests.allSatisfy { $0.consumer == nil && $0.firstSample == 0 })
        let shop = try #require(telemetry.gatewayLatency.first { $0.route == "shop" })
        // Every latency is under 25 ms, Kong's first bucket. Total: 50 × 11 + 50 × 1 ms;
        // upstream only for the 50 proxied: 50 × 10 ms.
        let bounds = telemetry.gatewayBounds.count
        #expect(shop.request.last == HistogramPoint(buckets: Array(repeating: 100, count: bounds), count: 100, sum: 600))
        #expect(shop.upstream.last == HistogramPoint(buckets: Array(repeating: 50, count: bounds), count: 50, sum: 500))
        #expect(shop.request.first?.count == 50)
        let unrouted = try #require(telemetry.gatewayLatency.first { $0.route == "" })
        #expect(unrouted.service == "")
        #expect(unrouted.request.last?.count == 10)
        #expect(unrouted.upstream.last?.count == 0)
        #expect(!telemetry.gatewayLatency.contains { $0.route == "idle" })
        // Kong's count per route is the route's row in summary.csv.
        #expect(T.row(result, .route, "shop")?.counts.requests == 100)
        #expect(T.row(result, .route, "shop")?.counts.rateLimited == 50)
        #expect(telemetry.mesh.isEmpty)
    }

    /// Without the mesh a refused connection is Kong's own answer (503 with source kong): orders
    /// has no instance, so Kong never reaches an upstream.
    @Test func aRefusedUpstreamIsKongsOwnAnswer() throws {
        let result = try S.run("""
            name: refused
            duration: 1s
            interval: 1s
            clients:
              - { name: web, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: shop, paths: [/], service: orders, retries: 0 }]
            services:
              orders: { replicas: 0 }
            """)
        let telemetry = try #require(result.telemetry)
        #expect(telemetry.gatewayRequests.map { "\($0.code)|\($0.answeredByGateway)|\($0.counts)" } == ["503|true|[10]"])
    }

    /// With the mesh, Kong's upstream is its sidecar: the sidecar's 503 UH (no instance) is an
    /// upstream answer, and the source report from kong counts every request Kong sent.
    @Test func withTheMeshTheSidecarsAnswerIsTheUpstreams() throws {
        let result = try S.run("""
            name: refused
            duration: 1s
            interval: 1s
            clients:
              - { name: web, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: shop, paths: [/], service: orders, retries: 0 }]
            mesh: { enabled: true }
            services:
              orders: { replicas: 0 }
            """)
        let telemetry = try #require(result.telemetry)
        #expect(telemetry.gatewayRequests.map { "\($0.code)|\($0.answeredByGateway)|\($0.counts)" } == ["503|false|[10]"])
        let source = S.mesh(telemetry, .source, from: "kong", to: "orders")
        #expect(source.map { "\($0.responseCode) \($0.responseFlags) \($0.destinationVersion)" } == ["503 UH unknown"])
        #expect(S.total(source) == 10)
        #expect(S.mesh(telemetry, .destination, from: "kong", to: "orders").isEmpty)
    }

    /// Kong's 50 ms timeout around a 100 ms service, one retry: each request is two tries of
    /// 50 ms, both cut off, then Kong's own 504. The sidecar reports each try as a request Kong
    /// sent (504 UT), and the pod each attempt it was cut off from; Kong counts the request once.
    @Test func kongsOwnTimeoutIsKongsAnswerAndEachTryIsASourceReport() throws {
        let result = try S.run("""
            name: timeouts
            duration: 1s
            interval: 2s
            clients:
              - { name: web, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: shop, paths: [/], service: orders, timeout: 50ms, retries: 1 }]
            mesh: { enabled: true }
            services:
              orders: { concurrency: 10, latency: 100ms, versions: { v1: {} } }
            """)
        let telemetry = try #require(result.telemetry)
        #expect(telemetry.gatewayRequests.map { "\($0.code)|\($0.answeredByGateway)|\($0.counts)" } == ["504|true|[10]"])
        let source = S.mesh(telemetry, .source, from: "kong", to: "orders")
        #expect(source.map { "\($0.responseCode) \($0.responseFlags) \($0.destinationVersion)" } == ["504 UT v1"])
        let route = try #require(TestScenarios.row(result, .route, "shop")).counts
        #expect(route.retries == 10)
        #expect(S.total(source) == UInt64(route.requests + route.retries))
        #expect(source.first?.points.last?.sum == 1000)  // 20 tries × 50 ms
        let destination = S.mesh(telemetry, .destination, from: "kong", to: "orders")
        #expect(destination.map { "\($0.responseCode) \($0.responseFlags)" } == ["504 UT"])
        #expect(S.total(destination) == 20)
        // Kong waited 100 ms upstream for each request, and its own latency is 0.
        let shop = try #require(telemetry.gatewayLatency.first)
        #expect(shop.upstream.last?.sum == 1000)  // 10 × 100 ms
        #expect(shop.request.last?.sum == 1000)
    }
}
