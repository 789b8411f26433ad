import Engine
import Scenario
import Testing

/// Hand-worked expectations for the world model: arrivals, warmup, retries, timeouts,
/// faults and the gateway.
@Suite struct EngineBehaviourTests {
    typealias T = TestScenarios
    let ms = TestScenarios.ms
    let second = TestScenarios.second

    @Test func evenlySpacedArrivalsSendExactlyRateTimesDuration() throws {
        // 5/s evenly spaced for 10 minutes: t = 0, 0.2, …, 599.8 s.
        let scenario = Scenario(
            name: "uniform", duration: 600 * second,
            clients: [T.client(target: .service("s"), arrival: .rate(5, .uniform))],
            services: [T.service("s", latency: .constant(ms))])
        #expect(try Simulator.run(scenario).summary[0].counts.requests == 3000)
    }

    @Test func warmupExcludesRequestsStartedBeforeIt() throws {
        let scenario = Scenario(
            name: "warm", duration: 10 * second, warmup: 2 * second,
            clients: [T.client(target: .service("s"), arrival: .rate(10, .uniform))],
            services: [T.service("s", latency: .constant(ms))])
        // Sends at 0.0 … 9.9 s; those at 2.0 s and later count.
        #expect(try Simulator.run(scenario).summary[0].counts.requests == 80)
    }

    @Test func aLinearRampSendsTheAreaUnderTheSchedule() throws {
        // Rate rises from 0 to 100/s over 100 s, then holds for 20 s: 5000 + 2000 requests.
        let schedule = [SchedulePoint(at: 0, rate: 0), SchedulePoint(at: 100 * second, rate: 100)]
        let scenario = Scenario(
            name: "ramp", duration: 120 * second,
            clients: [T.client(target: .service("s"), arrival: .schedule(schedule, .uniform))],
            services: [T.service("s", concurrency: 100, latency: .constant(ms))])
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].counts.requests == 7000)
        // First 10-second interval: ∫₀¹⁰ t dt = 50 requests.
        let first = try #require(result.timeseries.first { $0.scope == .total })
        #expect(first.requests == 50)
    }

    @Test func clientRetriesOnEveryFailureMakeThreeAttemptsPerRequest() throws {
        let scenario = Scenario(
            name: "retries", duration: 10 * second,
            clients: [T.client(target: .service("s"), arrival: .rate(10, .uniform),
                               retries: ClientRetries(attempts: 2, backoff: 10 * ms, on: [.serverError]))],
            services: [T.service("s", concurrency: 10, latency: .constant(ms), errors: 1)])
        let result = try Simulator.run(scenario)
        let total = result.summary[0].counts
        let service = try #require(T.row(result, .service, "s")).counts
        #expect(total.requests == 100)
        #expect(total.errors == 100)
        #expect(total.retries == 200)
        #expect(service.requests == 300)
    }

    @Test func aClientTimeoutEndsASlowRequestAtTheTimeout() throws {
        let scenario = Scenario(
            name: "timeout", duration: 10 * second,
            clients: [T.client(target: .service("s"), arrival: .rate(1, .uniform), timeout: second)],
            services: [T.service("s", concurrency: 100, latency: .constant(2 * second))])
        let total = try Simulator.run(scenario).summary[0]
        #expect(total.counts.timeouts == 10)
        #expect(total.counts.errors == 10)
        #expect(total.latency?.max == second)
        #expect(total.latency?.p50 == second)
    }

    @Test func aFailedDownstreamCallMakesTheCallerAnswer500() throws {
        let calls: [CallStep] = [.call(DownstreamCall(service: "b", location: T.here))]
        let scenario = Scenario(
            name: "chain", duration: 10 * second,
            clients: [T.client(target: .service("a"), arrival: .rate(10, .uniform))],
            services: [
                T.service("a", concurrency: 10, latency: .constant(ms), calls: calls),
                T.service("b", concurrency: 10, latency: .constant(2 * ms), errors: 1),
            ])
        let result = try Simulator.run(scenario)
        #expect(result.summary[0].counts.errors == 100)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 500 && $0.count == 100 })
        // Latency is a's 1 ms plus b's 2 ms.
        #expect(result.summary[0].latency?.max == 3 * ms)
    }

    @Test func parallelCallsTakeAsLongAsTheSlowest() throws {
        let calls: [CallStep] = [.parallel([
            DownstreamCall(service: "fast", location: T.here), DownstreamCall(service: "slow", location: T.here),
        ])]
        let scenario = Scenario(
            name: "fanout", duration: 10 * second,
            clients: [T.client(target: .service("front"), arrival: .rate(10, .uniform))],
            services: [
                T.service("front", concurrency: 10, latency: .constant(ms), calls: calls),
                T.service("fast", concurrency: 10, latency: .constant(2 * ms)),
                T.service("slow", concurrency: 10, latency: .constant(7 * ms)),
            ])
        let total = try Simulator.run(scenario).summary[0]
        #expect(total.counts.ok == 100)
        #expect(total.latency?.max == 8 * ms)
        #expect(total.latency?.p50 == 8 * ms)
    }

    @Test func theGatewayRetriesAConnectFailureOnTheNextInstance() throws {
        // One of two instances crashed from the start. Straight from the client, a random
        // instance is refused about half the time; Kong's round-robin with retries moves
        // every refused attempt to the healthy instance.
        let crash = Fault(name: "crash", at: 0, target: .instance(service: "s", version: "default", index: 0), kind: .crash, location: T.here)
        let routes = [GatewayRoute(name: "all", service: "s", location: T.here)]
        var scenario = Scenario(
            name: "edge", duration: 100 * second,
            clients: [T.client(target: .gateway, arrival: .rate(10, .uniform))],
            gateway: Gateway(routes: routes, location: T.here),
            services: [T.service("s", replicas: 2, concurrency: 10, latency: .constant(ms))],
            faults: [crash])
        let viaGateway = try Simulator.run(scenario).summary[0].counts
        #expect(viaGateway.requests == 1000)
        #expect(viaGateway.errors == 0)
        // The replica's cursor starts at a random instance and advances one per pick: after
        // the first request, every first pick is the crashed instance.
        #expect((999...1000).contains(viaGateway.retries))

        scenario.clients = [T.client(target: .service("s"), arrival: .rate(10, .uniform))]
        let direct = try Simulator.run(scenario)
        let errors = Double(direct.summary[0].counts.errors)
        // Binomial(1000, 0.5): 500 ± 4 standard deviations (4 × 15.8).
        #expect(abs(errors - 500) < 64)
        #expect(direct.responses.contains { $0.scope == .total && $0.code == 503 && $0.flag == "UF" })
    }

    @Test func aHangBehindARouteTimeoutGives504sAtTheTimeout() throws {
        let hang = Fault(name: "hang", at: 0, target: .service("s"), kind: .hang, location: T.here)
        let routes = [GatewayRoute(name: "all", service: "s", timeout: 500 * ms, retries: 0, location: T.here)]
        let scenario = Scenario(
            name: "hang", duration: 10 * second,
            clients: [T.client(target: .gateway, arrival: .rate(10, .uniform))],
            gateway: Gateway(routes: routes, location: T.here),
            services: [T.service("s", concurrency: 1000, latency: .constant(ms))],
            faults: [hang])
        let result = try Simulator.run(scenario)
        let total = result.summary[0]
        #expect(total.counts.requests == 100)
        #expect(total.counts.timeouts == 100)
        #expect(total.latency?.max == 500 * ms)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 504 && $0.flag == "UT" && $0.count == 100 })
    }

    @Test func aRequestMatchingNoRouteGets404() throws {
        let routes = [GatewayRoute(name: "api", paths: ["/api"], service: "s", location: T.here)]
        let scenario = Scenario(
            name: "404", duration: 10 * second,
            clients: [T.client(target: .gateway, arrival: .rate(10, .uniform), requests: [RequestTemplate(path: "/other")])],
            gateway: Gateway(routes: routes, location: T.here),
            services: [T.service("s", latency: .constant(ms))])
        let result = try Simulator.run(scenario)
        #expect(result.responses.contains { $0.scope == .total && $0.code == 404 && $0.count == 100 })
        #expect(try #require(T.row(result, .service, "s")).counts.requests == 0)
    }

    @Test func theRunEndsWithTheLastRequestNotWithItsStaleTimers() throws {
        // Every gateway attempt arms Kong's default 60 s route timeout. The last request
        // (sent at 9.9 s, 1 ms of work) is done before the clients stop at 10 s, so the
        // run ends at 10 s, not when the last timer it left behind would fire (69.9 s).
        let routes = [GatewayRoute(name: "all", service: "s", location: T.here)]
        let scenario = Scenario(
            name: "end", duration: 10 * second,
            clients: [T.client(target: .gateway, arrival: .rate(10, .uniform))],
            gateway: Gateway(routes: routes, location: T.here),
            services: [T.service("s", latency: .constant(ms))])
        let result = try Simulator.run(scenario)
        #expect(result.endTime == 10 * second)
        #expect(result.timeseries.last?.end == 10 * second)
    }

    @Test func faultsAreReportedWhenTheyStartAndEnd() throws {
        let fault = Fault(name: "slow", at: 2 * second, duration: 3 * second, target: .service("s"),
                          kind: .latency(add: .constant(100 * ms)), location: T.here)
        let scenario = Scenario(
            name: "latency", duration: 10 * second,
            clients: [T.client(target: .service("s"), arrival: .rate(10, .uniform))],
            services: [T.service("s", concurrency: 10, latency: .constant(ms))],
            faults: [fault])
        let result = try Simulator.run(scenario)
        #expect(result.events.map(\.kind) == ["fault_start", "fault_end"])
        #expect(result.events.map(\.time) == [2 * second, 5 * second])
        // Requests sent during the 3 s window take 101 ms, the rest 1 ms.
        #expect(result.summary[0].latency?.max == 101 * ms)
        #expect(result.summary[0].counts.requests == 100)
    }

    @Test func timeSeriesIntervalsAddUpToTheSummary() throws {
        let scenario = T.queue(rate: 200, requests: 20_000, concurrency: 2, latency: .exponential(mean: 5 * ms))
        let result = try Simulator.run(scenario)
        for summary in result.summary {
            let rows = result.timeseries.filter { $0.scope == summary.scope && $0.name == summary.name }
            #expect(rows.map(\.requests).reduce(0, +) == summary.counts.requests)
            #expect(rows.map(\.errors).reduce(0, +) == summary.counts.errors)
        }
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedAnother() throws {
        var scenario = T.queue(rate: 200, requests: 5000, latency: .exponential(mean: 2 * ms))
        let first = try Simulator.run(scenario)
        let second = try Simulator.run(scenario)
        #expect(first.summary == second.summary)
        #expect(first.timeseries == second.timeseries)
        scenario.seed += 1
        #expect(try Simulator.run(scenario).summary != first.summary)
    }
}
