import Testing
@testable import Scenario

/// `trafficPolicy` (Istio DestinationRule) and `http` (Istio VirtualService) of a service.
@Suite struct DecodeMeshPolicyTests {
    /// A scenario whose service `orders` starts on line 5, its fields on line 6.
    private func text(_ fields: String) -> String {
        DecodeFixture.header + DecodeFixture.client + "services:\n  orders:\n" + fields + "\n"
    }

    private func orders(_ fields: String) -> Service? {
        DecodeFixture.scenario(text(fields))?.services.first
    }

    @Test func specTrafficPolicy() throws {
        let yaml = """
                trafficPolicy:
                  loadBalancer: { simple: LEAST_REQUEST }
                  connectionPool:
                    tcp: { maxConnections: 100 }
                    http: { http1MaxPendingRequests: 100, http2MaxRequests: 1000, maxRetries: 3 }
                  outlierDetection:
                    consecutive5xxErrors: 5
                    consecutiveGatewayErrors: 0
                    interval: 10s
                    baseEjectionTime: 30s
                    maxEjectionPercent: 10
                    minHealthPercent: 0
            """
        let policy = try #require(orders(yaml)?.trafficPolicy)
        #expect(policy.loadBalancer == .leastRequest)
        #expect(policy.connectionPool == ConnectionPool(maxConnections: 100, http1MaxPendingRequests: 100, http2MaxRequests: 1000, maxRetries: 3))
        #expect(policy.outlierDetection == OutlierDetection(
            consecutive5xxErrors: 5, consecutiveGatewayErrors: 0, interval: 10_000_000_000, baseEjectionTime: 30_000_000_000,
            maxEjectionPercent: 10, minHealthPercent: 0, location: SourceLocation(file: "s.yaml", line: 12, column: 9)))
        #expect(policy.location == SourceLocation(file: "s.yaml", line: 7, column: 7))
    }

    @Test(arguments: [
        ("{ simple: ROUND_ROBIN }", TrafficPolicy.LoadBalancer.roundRobin),
        ("{ simple: RANDOM }", .random),
        ("{ simple: LEAST_CONN }", .leastRequest),
        ("{ consistentHash: { httpHeaderName: x-user, minimumRingSize: 1024 } }", .consistentHashHeader("x-user")),
    ])
    func loadBalancers(yaml: String, expected: TrafficPolicy.LoadBalancer) throws {
        let policy = try #require(orders("    trafficPolicy: { loadBalancer: \(yaml) }")?.trafficPolicy)
        #expect(policy.loadBalancer == expected)
    }

    /// Istio reads 0 as "unset" for these (proto3), and `consecutiveErrors` as gateway errors only.
    @Test func istioReadings() throws {
        let yaml = """
                trafficPolicy:
                  loadBalancer: { simple: UNSPECIFIED }
                  connectionPool: { tcp: { maxConnections: 0 }, http: { http2MaxRequests: 0 } }
                  outlierDetection: { consecutiveErrors: 7, maxEjectionPercent: 0 }
            """
        let (scenario, diagnostics) = DecodeFixture.decode(text(yaml))
        let policy = try #require(scenario?.services.first?.trafficPolicy)
        #expect(policy.loadBalancer == nil)
        #expect(policy.connectionPool == ConnectionPool())
        #expect(policy.outlierDetection?.consecutiveGatewayErrors == 7)
        #expect(policy.outlierDetection?.consecutive5xxErrors == 0)
        #expect(policy.outlierDetection?.maxEjectionPercent == nil)
        #expect(diagnostics.map(\.description) == [
            "s.yaml:9:27: warning: services.orders.trafficPolicy.outlierDetection.consecutiveErrors is deprecated: Istio reads it as consecutiveGatewayErrors (502, 503, 504 only) with consecutive5xxErrors off",
        ])
    }

    @Test func noEffectIstioFieldsWarn() throws {
        let yaml = """
                trafficPolicy:
                  tls: { mode: ISTIO_MUTUAL }
                  connectionPool:
                    tcp: { maxConnections: 10, connectTimeout: 30ms, tcpKeepalive: { time: 7200s } }
                    http: { h2UpgradePolicy: UPGRADE, idleTimeout: 1h, maxRequestsPerConnection: 1, useClientProtocol: true }
                  outlierDetection: { splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 3 }
            """
        let messages = DecodeFixture.messages(text(yaml))
        #expect(messages == [
            "7:7: warning: services.orders.trafficPolicy.tls has no effect in a simulation",
            "9:36: warning: services.orders.trafficPolicy.connectionPool.tcp.connectTimeout has no effect in a simulation",
            "9:58: warning: services.orders.trafficPolicy.connectionPool.tcp.tcpKeepalive has no effect in a simulation",
            "10:17: warning: services.orders.trafficPolicy.connectionPool.http.h2UpgradePolicy has no effect in a simulation",
            "10:43: warning: services.orders.trafficPolicy.connectionPool.http.idleTimeout has no effect in a simulation",
            "10:60: warning: services.orders.trafficPolicy.connectionPool.http.maxRequestsPerConnection has no effect in a simulation",
            "10:89: warning: services.orders.trafficPolicy.connectionPool.http.useClientProtocol has no effect in a simulation",
            "11:27: warning: services.orders.trafficPolicy.outlierDetection.splitExternalLocalOriginErrors has no effect in a simulation",
            "11:65: warning: services.orders.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures has no effect in a simulation",
        ])
    }

    @Test func trafficPolicyErrors() {
        let yaml = """
                trafficPolicy:
                  loadBalancer: { simple: ROUNDROBIN, consistentHash: { useSourceIp: true } }
                  connectionPool: { http: { http2MaxRequests: -1 } }
                  outlierDetection: { maxEjectionPercent: 50%, interval: 10, baseEjectionTme: 30s }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "7:21: error: services.orders.trafficPolicy.loadBalancer must have only one of simple or consistentHash",
            "7:31: error: services.orders.trafficPolicy.loadBalancer.simple must be one of ROUND_ROBIN, LEAST_REQUEST, RANDOM, LEAST_CONN, UNSPECIFIED, PASSTHROUGH, not 'ROUNDROBIN'; did you mean 'ROUND_ROBIN'?",
            "7:61: error: services.orders.trafficPolicy.loadBalancer.consistentHash.useSourceIp is an Istio field that meshsim does not simulate",
            "8:51: error: services.orders.trafficPolicy.connectionPool.http.http2MaxRequests must be between 0 and 2147483647, not -1",
            "9:47: error: services.orders.trafficPolicy.outlierDetection.maxEjectionPercent must be a plain number: write 50, not 50%",
            "9:62: error: services.orders.trafficPolicy.outlierDetection.interval must be a duration: write 10s or 10ms, not 10 (a duration needs a unit: ns, us, ms, s, m, h)",
            "9:66: error: unknown key 'baseEjectionTme' in services.orders.trafficPolicy.outlierDetection; did you mean 'baseEjectionTime'?",
        ])
    }

    @Test func specHTTPRoutes() throws {
        let yaml = """
                http:
                  - name: canary-header
                    match:
                      - headers: { x-canary: { exact: "true" }, x-user: {} }
                      - { uri: { prefix: /api }, method: { regex: "GET|HEAD" } }
                    route:
                      - destination: { subset: v2 }
                  - route:
                      - { destination: { subset: v1 }, weight: 90 }
                      - { destination: { host: payments, subset: v2 }, weight: 10 }
                    timeout: 1s
                    retries: { attempts: 3, perTryTimeout: 200ms, retryOn: "5xx,connect-failure,503" }
                    fault:
                      delay: { percentage: { value: 10 }, fixedDelay: 2s }
                      abort: { percentage: { value: 0.5 }, httpStatus: 503 }
                    mirror: { host: orders, subset: v2 }
                    mirrorPercentage: { value: 10 }
            """
        let http = try #require(orders(yaml)?.http)
        let location = { (line: Int, column: Int) in SourceLocation(file: "s.yaml", line: line, column: column) }
        #expect(http[0] == HTTPRoute(
            name: "canary-header",
            match: [
                HTTPMatch(headers: [HeaderMatch(name: "x-canary", match: .exact("true")), HeaderMatch(name: "x-user", match: .present)],
                          location: location(9, 13)),
                HTTPMatch(uri: .prefix("/api"), method: .regex("GET|HEAD"), location: location(10, 13)),
            ],
            route: [RouteDestination(destination: Destination(host: "orders", subset: "v2"), location: location(12, 13))],
            location: location(7, 9)))
        #expect(http[1] == HTTPRoute(
            route: [
                RouteDestination(destination: Destination(host: "orders", subset: "v1"), weight: 90, location: location(14, 13)),
                RouteDestination(destination: Destination(host: "payments", subset: "v2"), weight: 10, location: location(15, 13)),
            ],
            timeout: 1_000_000_000,
            retries: HTTPRetry(attempts: 3, perTryTimeout: 200_000_000, retryOn: "5xx,connect-failure,503", location: location(17, 18)),
            fault: HTTPFault(delay: .init(fraction: 0.1, fixedDelay: 2_000_000_000), abort: .init(fraction: 0.005, httpStatus: 503)),
            mirror: Destination(host: "orders", subset: "v2"),
            mirrorPercentage: 0.1,
            location: location(13, 9)))
    }

    @Test func httpDefaultsAndDeprecatedForms() throws {
        let yaml = """
                http:
                  - route: [{ destination: {} }]
                    retries: { perTryTimeout: 1s }
                    fault: { delay: { percent: 5, fixedDelay: 1s }, abort: { httpStatus: 500 } }
                    mirror: { subset: v2 }
                    mirrorPercent: 20
            """
        let route = try #require(orders(yaml)?.http?.first)
        #expect(route.match.isEmpty && route.name == nil && route.timeout == nil)
        #expect(route.route[0].destination == Destination(host: "orders"))
        #expect(route.route[0].weight == nil)
        #expect(route.retries?.attempts == 0)
        #expect(route.retries?.retryOn == nil)
        #expect(route.fault == HTTPFault(delay: .init(fraction: 0.05, fixedDelay: 1_000_000_000), abort: .init(fraction: 0, httpStatus: 500)))
        #expect(route.mirror == Destination(host: "orders", subset: "v2"))
        #expect(route.mirrorPercentage == 0.2)
    }

    @Test func httpErrorsAndProductFields() {
        let yaml = """
                http:
                  - match: [{ queryParams: { a: { exact: b } }, headers: { x: { exact: a, prefix: b } }, name: m }]
                    route: [{ destination: { subset: v1 }, weight: 101 }]
                    retries: { attempts: 2, retryOn: "5xx,gateway-eror" }
                    fault: { delay: { fixedDelay: 1s, percentage: { value: 150 } }, abort: { percentage: { value: 1 } } }
                    corsPolicy: { allowOrigins: [] }
                  - { redirect: { uri: /x } }
                  - route: [{ destination: { subset: v1 } }]
                    match: [{ uri: /api }]
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "7:19: error: services.orders.http[0].match[0].queryParams is an Istio field that meshsim does not simulate",
            "7:67: error: services.orders.http[0].match[0].headers.x must have only one of exact, prefix or regex",
            "7:94: warning: services.orders.http[0].match[0].name has no effect in a simulation",
            "8:56: error: services.orders.http[0].route[0].weight must be between 0 and 100, not 101",
            "9:42: error: services.orders.http[0].retries.retryOn has an unknown retry condition 'gateway-eror'; did you mean 'gateway-error'?",
            "10:64: error: services.orders.http[0].fault.delay.percentage.value must be between 0 and 100, not 150",
            "10:80: error: services.orders.http[0].fault.abort.httpStatus is required",
            "11:9: warning: services.orders.http[0].corsPolicy has no effect in a simulation",
            "12:9: error: services.orders.http[1].route is required",
            "12:11: warning: services.orders.http[1].redirect has no effect in a simulation",
            "14:24: error: services.orders.http[2].match[0].uri must be a mapping such as { exact: v }, { prefix: v }, { regex: v }, or {} for any value, not '/api'",
        ])
    }
}
