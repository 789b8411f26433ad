import Engine
import Scenario
import Testing

/// A composed gateway route (`gateway.routes[*].calls`): the gateway replica makes the route's
/// calls step by step, as an instance makes its version's, each call a Kong upstream call.
@Suite struct GatewayCompositionTests {
    typealias T = TestScenarios
    let ms = TestScenarios.ms
    let second = TestScenarios.second

    /// 100/s evenly spaced for 200 s: 20,000 requests through one composed route, behind a
    /// gateway whose own work takes 2 ms. Every service has room for all it receives, so no
    /// request ever waits in a queue.
    private func composed(
        _ steps: [CallStep], _ onCallFailure: Service.OnCallFailure = .fail, services: [Service], mesh: Bool = false,
        timeout: Nanoseconds = 60 * TestScenarios.second, retries: Int = 5, faults: [Fault] = []
    ) -> Scenario {
        let route = GatewayRoute(
            name: "dashboard", backends: [], timeout: timeout, retries: retries,
            composition: RouteComposition(steps: steps, onCallFailure: onCallFailure), location: T.here)
        return Scenario(
            name: "compose", duration: 200 * second,
            clients: [T.client(target: .gateway, arrival: .rate(100, .uniform))],
            gateway: Gateway(latency: .constant(2 * ms), routes: [route], location: T.here),
            mesh: Mesh(enabled: mesh, location: T.here),
            services: services, faults: faults)
    }

    private func call(_ service: String, percent: Double = 1) -> DownstreamCall {
        DownstreamCall(service: service, percent: percent, location: T.here)
    }

    private func service(_ name: String, _ latency: Nanoseconds, errors: Double = 0) -> Service {
        T.service(name, concurrency: 100, latency: .constant(latency), errors: errors)
    }

    /// Parallel calls of 10 ms and 30 ms take 30 ms, then a sequential 5 ms call: every
    /// request takes 2 + 30 + 5 = 37 ms, and each service receives every request once.
    @Test func parallelThenSequentialTakesTheSlowestOfTheGroupPlusTheNext() throws {
        let scenario = composed(
            [.parallel([call("fast"), call("slow")]), .call(call("last"))],
            services: [service("fast", 10 * ms), service("slow", 30 * ms), service("last", 5 * ms)])
        let result = try Simulator.run(scenario)
        let total = result.summary[0]
        #expect(total.counts.requests == 20_000)
        #expect(total.counts.ok == 20_000)
        #expect(total.latency?.p50 == 37 * ms)
        #expect(total.latency?.max == 37 * ms)
        #expect(try #require(T.row(result, .route, "dashboard")).latency?.max == 37 * ms)
        for name in ["fast", "slow", "last"] {
            #expect(try #require(T.row(result, .service, name)).counts.requests == 20_000)
        }
    }

    /// Through the mesh the calls go by the gateway's sidecar; each service still receives
    /// each request once and every request succeeds.
    @Test func theMeshCarriesEveryComposedCall() throws {
        let scenario = composed(
            [.parallel([call("fast"), call("slow")]), .call(call("last"))],
            services: [service("fast", 10 * ms), service("slow", 30 * ms), service("last", 5 * ms)], mesh: true)
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].counts.ok == 20_000)
        for name in ["fast", "slow", "last"] {
            #expect(try #require(T.row(result, .service, name)).counts.requests == 20_000)
        }
    }

    /// `broken` answers 500 to everything. Under `fail` the route answers 500 once the
    /// parallel step ends (2 + 30 ms) and never makes the next step's call, as a service with
    /// `onCallFailure: fail` does; under `ignore` it goes on and answers 200 at 37 ms.
    @Test(arguments: [Service.OnCallFailure.fail, .ignore])
    func aFailingCallUnderFailAndIgnore(_ onCallFailure: Service.OnCallFailure) throws {
        let scenario = composed(
            [.parallel([call("fast"), call("broken")]), .call(call("last"))], onCallFailure,
            services: [service("fast", 10 * ms), service("broken", 30 * ms, errors: 1), service("last", 5 * ms)])
        let result = try Simulator.run(scenario)
        let total = result.summary[0]
        let last = try #require(T.row(result, .service, "last")).counts
        #expect(try #require(T.row(result, .service, "broken")).counts.errors == 20_000)
        switch onCallFailure {
        case .fail:
            #expect(total.counts.errors == 20_000)
            #expect(result.responses.contains { $0.scope == .total && $0.code == 500 && $0.count == 20_000 })
            #expect(total.latency?.max == 32 * ms)
            #expect(last.requests == 0)
        case .ignore:
            #expect(total.counts.ok == 20_000)
            #expect(total.latency?.max == 37 * ms)
            #expect(last.requests == 20_000)
        }
    }

    /// Each composed call is a Kong upstream call: the route's per-try timeout and retries.
    /// `down` hangs, so each try times out after 100 ms and Kong tries 3 times (retries 2);
    /// under `ignore` the route then answers 200 at 2 + 3 × 100 = 302 ms.
    @Test func eachCallHasTheRoutesTimeoutAndRetries() throws {
        let hang = Fault(name: "hang", at: 0, target: .service("down"), kind: .hang, location: T.here)
        let scenario = composed(
            [.call(call("down"))], .ignore, services: [service("down", ms)], timeout: 100 * ms, retries: 2, faults: [hang])
        let result = try Simulator.run(scenario)
        let route = try #require(T.row(result, .route, "dashboard"))
        #expect(route.counts.ok == 20_000)
        #expect(route.counts.retries == 40_000)
        #expect(route.latency?.max == 302 * ms)
        #expect(route.latency?.p50 == 302 * ms)
    }

    /// A call of percent 30 is made by Binomial(20,000, 0.3) requests: mean 6,000, standard
    /// deviation √(20,000 × 0.3 × 0.7) = √4,200 ≈ 64.8; four of them (259) make a false
    /// failure a 1-in-15,000 event, while 28 % or 32 % (400 off) fail. The other call is made
    /// by every request.
    @Test func aCallsPercentIsDrawnPerRequest() throws {
        let scenario = composed(
            [.parallel([call("always"), call("sometimes", percent: 0.3)])],
            services: [service("always", ms), service("sometimes", ms)])
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].counts.ok == 20_000)
        #expect(try #require(T.row(result, .service, "always")).counts.requests == 20_000)
        let sometimes = try #require(T.row(result, .service, "sometimes")).counts.requests
        #expect(abs(sometimes - 6_000) < 259)
    }

    /// A step whose every call is skipped by its percent is passed over: the route answers at
    /// once with the gateway's own 200.
    @Test func aRequestThatDrawsNoCallAnswersFromTheGateway() throws {
        let scenario = composed([.call(call("never", percent: 0))], services: [service("never", ms)])
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].counts.ok == 20_000)
        #expect(result.summary[0].latency?.max == 2 * ms)
        #expect(try #require(T.row(result, .service, "never")).counts.requests == 0)
    }
}
