import Testing
@testable import Scenario

/// The examples of scenario-format.md, put together into one file, decode without a diagnostic.
@Suite struct DecodeSpecExampleTests {
    static let text = """
        version: 1
        name: checkout-canary
        description: free text
        seed: 42
        duration: 10m
        warmup: 30s
        interval: 10s
        clients:
          - name: web
            target: gateway
            rate: 500/s
            arrival: poisson
            timeout: 10s
            retries:
              attempts: 2
              backoff: 100ms
              on: [5xx, timeout, 429]
            addresses: 1
            credential:
              apiKey: k-web
            invalidCredentials: 0%
            requests:
              - { weight: 70, method: GET, path: /api/orders/42, headers: { x-canary: "true" } }
              - { weight: 30, path: /api/users }
          - name: partner
            schedule:
              - { at: 0s, rate: 100/s }
              - { at: 2m, rate: 800/s }
            credential:
              jwt: { iss: issuer-a, exp: 1h, nbf: 0s }
          - name: batch
            users: 50
            thinkTime: exp(1s)
        gateway:
          replicas: 2
          workers: 1000
          queue: 1000
          latency: 300us
          plugins:
            - name: key-auth
              config: { key_names: [apikey] }
              consumers: { k-web: web-app, k-partner: partner }
            - name: jwt
              config: { claims_to_verify: [exp, nbf] }
              issuers: { issuer-a: web-app }
            - name: rate-limiting
              config: { minute: 1000, second: 50, limit_by: consumer, policy: local }
            - name: local-rate-limit
              config: { max_tokens: 100, tokens_per_fill: 10, fill_interval: 1s }
          routes:
            - name: orders
              paths: [/api/orders]
              methods: [GET, POST]
              headers: { x-version: [v2] }
              service: orders
              timeout: 60s
              retries: 5
              plugins: [{ name: rate-limiting, config: { second: 5 } }]
        mesh:
          enabled: true
          sidecarLatency: 250us
          mtls: STRICT
          mtlsLatency: 0s
        services:
          orders:
            replicas: 3
            concurrency: 16
            queue: 100
            latency: lognormal(20ms, 120ms)
            errors: 0.5%
            errorStatus: 500
            versions:
              v1: { replicas: 4 }
              v2: { replicas: 1, errors: 5%, latency: lognormal(30ms, 200ms) }
            calls:
              - service: inventory
              - service: payments
                percent: 30%
                path: /charge
              - parallel:
                  - service: fraud
                  - service: pricing
            onCallFailure: fail
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
            http:
              - match:
                  - headers: { x-canary: { exact: "true" } }
                route:
                  - destination: { subset: v2 }
              - route:
                  - { destination: { subset: v1 }, weight: 90 }
                  - { destination: { subset: v2 }, weight: 10 }
                timeout: 1s
                retries: { attempts: 3, perTryTimeout: 200ms, retryOn: "5xx,connect-failure" }
                fault:
                  delay: { percentage: { value: 10 }, fixedDelay: 2s }
                  abort: { percentage: { value: 1 }, httpStatus: 503 }
                mirror: { host: orders, subset: v2 }
                mirrorPercentage: { value: 10 }
          inventory: { latency: exp(5ms) }
          payments: {}
          fraud: {}
          pricing: {}
        faults:
          - name: inventory-crash
            at: 2m
            duration: 1m
            target: inventory
            instances: 1
            kind: crash
        rollout:
          service: orders
          stable: v1
          canary: v2
          start: 1m
          analysis:
            interval: 1m
            threshold: 5
            stepWeight: 10
            maxWeight: 50
            metrics:
              - { name: request-success-rate, thresholdRange: { min: 99 } }
              - { name: request-duration, thresholdRange: { max: 500 } }
        variants:
          gateway-only: { mesh.enabled: false }
          mesh:         { mesh.enabled: true }
          strict-limit: { "gateway.plugins[name=rate-limiting].config.minute": 100 }
        assertions:
          - p99 < 300ms
          - p99{client=web} < 250ms
          - error_rate < 1%
          - rate_limited{client=partner} > 0
          - ejections{service=orders} >= 1
          - rollout == promoted
        """

    @Test func decodesWithoutDiagnostics() throws {
        let (scenario, diagnostics) = DecodeFixture.decode(Self.text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        let decoded = try #require(scenario)
        #expect(decoded.seed == 42)
        #expect(decoded.clients.map(\.name) == ["web", "partner", "batch"])
        #expect(decoded.clients.map(\.target) == [.gateway, .gateway, .gateway])
        #expect(decoded.clients[1].arrival == .schedule([SchedulePoint(at: 0, rate: 100), SchedulePoint(at: 120_000_000_000, rate: 800)], .poisson))
        #expect(decoded.gateway?.plugins.count == 4)
        #expect(decoded.gateway?.routes.first?.plugins.count == 1)
        #expect(decoded.services.map(\.name) == ["orders", "inventory", "payments", "fraud", "pricing"])
        #expect(decoded.services[0].versions.map(\.replicas) == [4, 1])
        #expect(decoded.services[0].versions.map(\.errors) == [0.005, 0.05])
        #expect(decoded.services[0].versions[1].calls.count == 3)
        #expect(decoded.services[0].http?.count == 2)
        #expect(decoded.faults.map(\.name) == ["inventory-crash"])
        #expect(decoded.rollout?.analysis.maxWeight == 50)
        #expect(decoded.variants.map(\.name) == ["gateway-only", "mesh", "strict-limit"])
        #expect(decoded.assertions.count == 6)
        #expect(Set(decoded.sectionLocations.keys) == [
            "version", "name", "description", "seed", "duration", "warmup", "interval", "clients", "gateway", "mesh",
            "services", "faults", "rollout", "variants", "assertions",
        ])
    }
}
