import Engine
import Scenario
import Testing

/// Retries, timeouts, circuit breakers and outlier detection in whole runs, against
/// outcomes worked out by hand from Envoy's and Istio's documented behaviour.
@Suite struct MeshResilienceTests {
    typealias T = TestScenarios

    /// One of four instances refuses every connection; retries are off so each refusal is an error.
    private func oneOfFourCrashed(balancer: String, maxEjectionPercent: Int) -> String {
        """
        name: one-bad-host
        duration: 60s
        clients:
          - { name: load, target: s, rate: 200/s }
        mesh: { enabled: true }
        services:
          s:
            replicas: 4
            concurrency: 100
            latency: exp(20ms)
            http:
              - route: [{ destination: { host: s } }]
                retries: { attempts: 0 }
            trafficPolicy:
              loadBalancer: { simple: \(balancer) }
              outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: \(maxEjectionPercent) }
        faults:
          - { name: crash, at: 0s, target: s/default/0, kind: crash }
        """
    }

    @Test func maxEjectionPercent10OfFourHostsNeverEjects() throws {
        // 100 × 1 / 4 = 25 > 10: Envoy may not eject even the first host.
        let roundRobin = try MeshScenario.run(oneOfFourCrashed(balancer: "ROUND_ROBIN", maxEjectionPercent: 10))
        #expect(!roundRobin.events.contains { $0.kind == "eject" })
        // Round robin sends exactly every fourth request to the crashed host.
        let rate = roundRobin.summary[0].counts.errorRate
        #expect(abs(rate - 0.25) < 0.002, "error rate \(rate)")

        // LEAST_REQUEST favours the host that fails at once: it never has a request in flight.
        let leastRequest = try MeshScenario.run(oneOfFourCrashed(balancer: "LEAST_REQUEST", maxEjectionPercent: 10))
        #expect(!leastRequest.events.contains { $0.kind == "eject" })
        #expect(leastRequest.summary[0].counts.errorRate > 0.3)
        #expect(MeshScenario.count(leastRequest, .total, "all", code: 503, flag: "UF") == leastRequest.summary[0].counts.errors)
    }

    @Test func maxEjectionPercent50EjectsTheHostAndErrorsFallTenfold() throws {
        let never = try MeshScenario.run(oneOfFourCrashed(balancer: "ROUND_ROBIN", maxEjectionPercent: 10))
        let ejecting = try MeshScenario.run(oneOfFourCrashed(balancer: "ROUND_ROBIN", maxEjectionPercent: 50))
        let ejections = ejecting.events.filter { $0.kind == "eject" }
        // Five consecutive refusals eject it within about the first 20 requests (every fourth
        // goes there; 20 Poisson arrivals at 200/s take 100 ± 22 ms). It comes back at the first 10 s tick at least 30 s later (40 s), fails five
        // more times at once, and is ejected again for 2 × 30 s, past the end of the run.
        #expect(ejections.count == 2)
        #expect(ejections.first?.target == "s/default/0")
        let firstEjection = try #require(ejections.first)
        #expect(firstEjection.time < 300 * T.ms)
        #expect(firstEjection.detail == "consecutive_5xx=5 caller=load ejections=1 for=30s")
        #expect(ejecting.events.filter { $0.kind == "uneject" }.map(\.time) == [40 * T.second])
        #expect(ejections.last?.detail == "consecutive_5xx=5 caller=load ejections=2 for=1m")
        #expect(ejecting.summary[0].counts.errors == 10)
        #expect(Double(ejecting.summary[0].counts.errors) * 10 <= Double(never.summary[0].counts.errors))
        #expect(T.row(ejecting, .service, "s")?.ejections == 2)
        #expect(T.row(ejecting, .total, "all")?.ejections == 2)
        #expect(T.row(ejecting, .client, "load")?.ejections == 0)
        // At every interval's end the host is out (the 40 s row is closed before the tick
        // that brings it back, and it is out again 0.1 s later).
        let ejected = ejecting.timeseries.filter { $0.scope == .service }.map { $0.ejected ?? -1 }
        #expect(ejected.count >= 6 && ejected.allSatisfy { $0 == 1 })
    }

    @Test func withItsOnlyHostEjectedTheSidecarAnswers503UH() throws {
        // Requests every 100 ms to one host that always answers 500. The first five (t = 0 …
        // 0.4 s) eject it for 30 s: it comes back at the 40 s tick (ticks run before the
        // arrival at the same instant), fails five more (40.0 … 40.4 s) and is ejected for
        // 60 s. With minHealthPercent 0 there is no panic: everything else is 503 UH.
        let yaml = """
            name: all-ejected
            duration: 60s
            clients:
              - { name: load, target: s, rate: 10/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                latency: 1ms
                errors: 100%
                trafficPolicy:
                  outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 100 }
            """
        let result = try MeshScenario.run(yaml)
        #expect(result.summary[0].counts.requests == 600)
        #expect(MeshScenario.count(result, .total, "all", code: 500, flag: "-") == 10)
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "UH") == 590)
        // Evenly spaced arrivals are placed to the nanosecond by inverting the rate: within 1 µs.
        let ejections = result.events.filter { $0.kind == "eject" }.map { ($0.time + 500) / 1000 }
        #expect(ejections == [401_000, 40_401_000])
    }

    @Test func halfFailingAttemptsWithTwoRetriesOn5xxFailOneInEight() throws {
        let yaml = """
            name: retries
            duration: 100s
            clients:
              - { name: load, target: s, rate: 200/s }
            mesh: { enabled: true }
            services:
              s:
                concurrency: 1000
                latency: 1ms
                errors: 50%
                http:
                  - route: [{ destination: { host: s } }]
                    retries: { attempts: 2, retryOn: 5xx }
            """
        let result = try MeshScenario.run(yaml)
        let counts = result.summary[0].counts
        // Every attempt fails with probability 1/2: all three fail with 1/8; retries per
        // request are 1/2 + 1/4 = 0.75. About 20,000 requests: 3σ of the rate is 0.007.
        #expect(abs(counts.errorRate - 0.125) < 0.007, "error rate \(counts.errorRate)")
        let retriesPerRequest = Double(counts.retries) / Double(counts.requests)
        #expect(abs(retriesPerRequest - 0.75) < 0.015, "retries per request \(retriesPerRequest)")
        // Exhausted retries carry URX.
        #expect(MeshScenario.count(result, .total, "all", code: 500, flag: "URX") == counts.errors)
        // The service sees every attempt.
        #expect(T.row(result, .service, "s")?.counts.requests == counts.requests + counts.retries)
    }

    @Test func aHangingInstanceBehindA500msRouteTimeoutGives504sAt500ms() throws {
        let yaml = """
            name: hang
            duration: 10s
            clients:
              - { name: load, target: s, rate: 10/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                concurrency: 1000
                latency: 1ms
                http:
                  - route: [{ destination: { host: s } }]
                    timeout: 500ms
            faults:
              - { name: hang, at: 0s, target: s, kind: hang }
            """
        let result = try MeshScenario.run(yaml)
        let total = result.summary[0]
        #expect(total.counts.requests == 100)
        #expect(total.counts.timeouts == 100)
        #expect(total.latency?.max == 500 * T.ms)
        #expect(total.latency?.p50 == 500 * T.ms)
        #expect(MeshScenario.count(result, .total, "all", code: 504, flag: "UT") == 100)
    }

    @Test func aPerTryTimeoutMovesTheRetryToTheHealthyHost() throws {
        // One of two instances hangs. A try that lands on it times out after 100 ms and is
        // retried (gateway-error covers a per-try timeout) on the other host, as previous_hosts
        // avoids the one already tried, unless all 1 + 5 picks of the retry draw the tried host
        // again (1/64): then it times out too and the request fails with 504 URX.
        let yaml = """
            name: per-try
            duration: 20s
            clients:
              - { name: load, target: s, rate: 50/s }
            mesh: { enabled: true }
            services:
              s:
                replicas: 2
                concurrency: 1000
                latency: 5ms
                http:
                  - route: [{ destination: { host: s } }]
                    timeout: 1s
                    retries: { attempts: 1, perTryTimeout: 100ms, retryOn: gateway-error }
                trafficPolicy: { loadBalancer: { simple: RANDOM } }
            faults:
              - { name: hang, at: 0s, target: s/default/0, kind: hang }
            """
        let result = try MeshScenario.run(yaml)
        let total = result.summary[0]
        // Half the first tries land on the hanging host: retries ≈ requests / 2 (500 ± 4σ).
        let expectedRetries = Double(total.counts.requests) / 2
        #expect(abs(Double(total.counts.retries) - expectedRetries) < 64)
        // About 500 / 64 = 7.8 requests fail (Poisson: at most 20 by 4σ).
        #expect(total.counts.errors <= 20)
        #expect(MeshScenario.count(result, .total, "all", code: 504, flag: "URX") == total.counts.errors)
        #expect(MeshScenario.count(result, .version, "s/default", code: 504, flag: "UT") == total.counts.retries + total.counts.errors)
        // The slowest: two tries of 100 ms and a back-off under 25 ms.
        let max = try #require(total.latency?.max)
        #expect(max >= 105 * T.ms && max < 225 * T.ms)
    }

    @Test func aFullPendingQueueOverflowsWith503UOThatIsNeitherRetriedNorEjected() throws {
        // One connection, one pending request: a 100 ms request at a time. Arrivals every
        // 25 ms: of each four, one is sent, one waits, two overflow, in steady state.
        let yaml = """
            name: breaker
            duration: 20s
            clients:
              - { name: load, target: s, rate: 40/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                concurrency: 100
                latency: 100ms
                http:
                  - route: [{ destination: { host: s } }]
                    retries: { attempts: 3, retryOn: 5xx }
                trafficPolicy:
                  connectionPool: { tcp: { maxConnections: 1 }, http: { http1MaxPendingRequests: 1 } }
                  outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100 }
            """
        let result = try MeshScenario.run(yaml)
        let counts = result.summary[0].counts
        #expect(counts.requests == 800)
        // 200 s of service time cannot fit 20 s: 20 s / 100 ms = 200 served, plus the one
        // waiting at the end; the rest overflow.
        #expect((200...202).contains(counts.ok))
        #expect(counts.overflows == counts.requests - counts.ok)
        #expect(counts.retries == 0)
        #expect(!result.events.contains { $0.kind == "eject" })
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "UO") == counts.overflows)
    }

    @Test func aRetryBeyondMaxRetriesReturnsTheFailureWithUO() throws {
        // maxRetries 1 per sidecar: with many requests failing at once, only one retry is in
        // flight at a time; the others give up with the original 500 and flag UO.
        let yaml = """
            name: retry-budget
            duration: 10s
            clients:
              - { name: load, target: s, rate: 100/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                concurrency: 1000
                latency: 50ms
                errors: 100%
                http:
                  - route: [{ destination: { host: s } }]
                    retries: { attempts: 1, retryOn: 5xx }
                trafficPolicy:
                  connectionPool: { http: { maxRetries: 1 } }
            """
        let result = try MeshScenario.run(yaml)
        let counts = result.summary[0].counts
        #expect(counts.errors == counts.requests)
        // A retry holds the budget for its back-off (< 25 ms) and its 50 ms attempt, while a
        // failure arrives every 10 ms: most failures find the budget taken.
        let refused = MeshScenario.count(result, .total, "all", code: 500, flag: "UO")
        let exhausted = MeshScenario.count(result, .total, "all", code: 500, flag: "URX")
        #expect(refused + exhausted == counts.requests)
        #expect(exhausted == counts.retries)
        #expect(counts.retries > 0 && counts.retries < counts.requests / 4)
        // A refused retry is not an attempt: the service saw each request once, plus retries.
        #expect(T.row(result, .service, "s")?.counts.requests == counts.requests + counts.retries)
        #expect(T.row(result, .version, "s/default")?.counts.requests == counts.requests + counts.retries)
    }
}
