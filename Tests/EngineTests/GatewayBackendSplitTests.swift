import Engine
import Scenario
import Testing

/// A gateway route split over services by weight, as a Gateway API HTTPRoute rule over its
/// `backendRefs`: each request goes to backend i with probability weight_i / sum.
@Suite struct GatewayBackendSplitTests {
    typealias T = TestScenarios
    let ms = TestScenarios.ms
    let second = TestScenarios.second

    /// 100/s evenly spaced for 200 s: 20,000 requests through one route to `backends`.
    private func split(
        _ backends: [GatewayBackend], services: [String], mesh: Bool = false, timeout: Nanoseconds = 60 * TestScenarios.second,
        faults: [Fault] = []
    ) -> Scenario {
        let route = GatewayRoute(name: "orders", backends: backends, timeout: timeout, location: T.here)
        return Scenario(
            name: "split", duration: 200 * second,
            clients: [T.client(target: .gateway, arrival: .rate(100, .uniform))],
            gateway: Gateway(routes: [route], location: T.here),
            mesh: Mesh(enabled: mesh, location: T.here),
            services: services.map { T.service($0, replicas: 2, concurrency: 100, latency: .constant(ms)) },
            faults: faults)
    }

    private func backend(_ service: String, _ weight: Int) -> GatewayBackend {
        GatewayBackend(service: service, weight: weight, location: T.here)
    }

    /// The canary's count is Binomial(20,000, 0.1): mean 2,000, standard deviation
    /// √(20,000 × 0.1 × 0.9) = √1,800 ≈ 42.4. Four standard deviations (170) make a false
    /// failure a 1-in-15,000 event for an honest seed, while a split of 88/12 or 92/8 (400
    /// off) fails.
    @Test(arguments: [false, true])
    func aNinetyTenSplitSendsAboutATenthToTheCanary(mesh: Bool) throws {
        let scenario = split([backend("orders", 90), backend("orders-canary", 10)], services: ["orders", "orders-canary"], mesh: mesh)
        let result = try Simulator.run(scenario)
        let stable = try #require(T.row(result, .service, "orders")).counts
        let canary = try #require(T.row(result, .service, "orders-canary")).counts
        #expect(result.summary[0].counts.requests == 20_000)
        #expect(result.summary[0].counts.ok == 20_000)
        #expect(stable.requests + canary.requests == 20_000)
        #expect(abs(canary.requests - 2_000) < 170)
    }

    /// Weights 0, 3, 1: Binomial(20,000, 1/4) for `b`, σ = √3,750 ≈ 61.2, 4σ ≈ 245.
    @Test func aBackendOfWeightZeroGetsNothing() throws {
        let scenario = split([backend("zero", 0), backend("a", 3), backend("b", 1)], services: ["zero", "a", "b"])
        let result = try Simulator.run(scenario)
        #expect(try #require(T.row(result, .service, "zero")).counts.requests == 0)
        let a = try #require(T.row(result, .service, "a")).counts.requests
        let b = try #require(T.row(result, .service, "b")).counts.requests
        #expect(a + b == 20_000)
        #expect(abs(b - 5_000) < 245)
    }

    /// The Gateway API conformance test HTTPRouteAllBackendsWeightZero: "An HTTPRoute with all
    /// backend weights set to 0 returns 500".
    @Test func allWeightsZeroAnswers500AndSendsNothingUpstream() throws {
        let scenario = split([backend("orders", 0), backend("orders-canary", 0)], services: ["orders", "orders-canary"])
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].counts.requests == 20_000)
        #expect(result.summary[0].counts.errors == 20_000)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 500 && $0.count == 20_000 })
        #expect(try #require(T.row(result, .route, "orders")).counts.errors == 20_000)
        #expect(try #require(T.row(result, .service, "orders")).counts.requests == 0)
        #expect(try #require(T.row(result, .service, "orders-canary")).counts.requests == 0)
    }

    /// A route with one backend draws nothing, so it runs exactly as the same route written
    /// with `service:` (whatever its weight).
    @Test func oneBackendRunsAsServiceDoes() throws {
        let single = try Simulator.run(split([backend("orders", 7)], services: ["orders"]))
        var scenario = split([backend("orders", 7)], services: ["orders"])
        scenario.gateway?.routes = [GatewayRoute(name: "orders", service: "orders", location: T.here)]
        let written = try Simulator.run(scenario)
        #expect(single.summary == written.summary)
        #expect(single.endTime == written.endTime)
    }

    /// Kong's retries stay on the backend drawn for the request. `down` hangs: every request
    /// sent there times out three times (100 ms, retries 2) and answers 504; were a retry to
    /// draw again, about half of those would end on `up` and succeed.
    @Test func kongRetriesDoNotPickAnotherBackend() throws {
        let hang = Fault(name: "hang", at: 0, target: .service("down"), kind: .hang, location: T.here)
        var scenario = split([backend("up", 1), backend("down", 1)], services: ["up", "down"], timeout: 100 * ms, faults: [hang])
        scenario.gateway?.routes[0].retries = 2
        let result = try Simulator.run(scenario)
        let total = result.summary[0].counts
        let up = try #require(T.row(result, .service, "up")).counts
        #expect(total.ok + total.timeouts == 20_000)
        #expect(up.requests == total.ok)
        #expect(up.retries == 0)
        // Binomial(20,000, 1/2): σ = √5,000 ≈ 70.7, 4σ ≈ 283.
        #expect(abs(total.timeouts - 10_000) < 283)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 504 && $0.count == total.timeouts })
    }
}
