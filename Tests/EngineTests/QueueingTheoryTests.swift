import Engine
import Foundation
import Scenario
import Testing

/// The engine against queueing theory's closed forms (policy-semantics.md, "Queueing ground
/// truth"). Sample sizes are chosen so the tolerance is several standard errors wide.
@Suite struct QueueingTheoryTests {
    let mu = 1000.0  // service rate per second: mean service time 1 ms

    @Test func mm1MeanAndP99MatchTheExponentialSojournTime() throws {
        let lambda = 500.0
        let result = try Simulator.run(TestScenarios.queue(rate: lambda, requests: 1_000_000, latency: .exponential(mean: TestScenarios.ms)))
        let latency = try #require(result.summary[0].latency)
        // W ~ Exp(mu − lambda): mean 1/(mu − lambda), p-quantile −ln(1 − p)/(mu − lambda).
        let mean = 1 / (mu - lambda) * 1e9
        let p99 = -log(0.01) / (mu - lambda) * 1e9
        #expect(abs(latency.mean / mean - 1) < 0.03)
        #expect(abs(Double(latency.p99) / p99 - 1) < 0.03)
    }

    @Test func mmcMeanMatchesErlangC() throws {
        let lambda = 3000.0
        let servers = 4
        let result = try Simulator.run(TestScenarios.queue(
            rate: lambda, requests: 1_000_000, concurrency: servers, latency: .exponential(mean: TestScenarios.ms)))
        let latency = try #require(result.summary[0].latency)
        let expected = (Self.erlangC(servers: servers, offered: lambda / mu) / (Double(servers) * mu - lambda) + 1 / mu) * 1e9
        #expect(abs(latency.mean / expected - 1) < 0.03)
    }

    @Test func mmckBlockingProbabilityMatchesTheFiniteQueueFormula() throws {
        let lambda = 2000.0
        let servers = 2
        let capacity = 5  // K: two in service, three waiting
        let result = try Simulator.run(TestScenarios.queue(
            rate: lambda, requests: 500_000, concurrency: servers, queue: capacity - servers,
            latency: .exponential(mean: TestScenarios.ms)))
        let service = try #require(TestScenarios.row(result, .service, "server"))
        let blocked = Double(service.counts.overflows) / Double(service.counts.requests)
        let expected = Self.blockingProbability(servers: servers, capacity: capacity, offered: lambda / mu)
        #expect(abs(blocked / expected - 1) < 0.03)
        // Every blocked request is a 503 overflow the client sees.
        #expect(result.summary[0].counts.overflows == service.counts.overflows)
    }

    @Test func md1MeanMatchesPollaczekKhinchine() throws {
        let lambda = 700.0
        let result = try Simulator.run(TestScenarios.queue(rate: lambda, requests: 1_000_000, latency: .constant(TestScenarios.ms)))
        let latency = try #require(result.summary[0].latency)
        let rho = lambda / mu
        let expected = (1 / mu + rho / (2 * mu * (1 - rho))) * 1e9
        #expect(abs(latency.mean / expected - 1) < 0.03)
    }

    @Test func closedLoopThroughputFollowsTheResponseTimeLaw() throws {
        // N users, think time Z, no queueing (one slot per user): X = N / (Z + S).
        let users = 20
        let scenario = Scenario(
            name: "closed", duration: 200 * TestScenarios.second, warmup: 10 * TestScenarios.second,
            clients: [TestScenarios.client(target: .service("server"), arrival: .users(users, thinkTime: .exponential(mean: 90 * TestScenarios.ms)))],
            services: [TestScenarios.service("server", concurrency: users, latency: .exponential(mean: 10 * TestScenarios.ms))])
        let result = try Simulator.run(scenario)
        let throughput = Double(result.summary[0].counts.requests) / 190
        #expect(abs(throughput / (Double(users) / 0.1) - 1) < 0.03)
    }

    static func erlangC(servers c: Int, offered a: Double) -> Double {
        var term = 1.0
        var sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let top = term * a / Double(c) / (1 - a / Double(c))
        return top / (sum + top)
    }

    static func blockingProbability(servers c: Int, capacity k: Int, offered a: Double) -> Double {
        var weights: [Double] = [1]
        for n in 1...k {
            weights.append(weights[n - 1] * a / Double(min(n, c)))
        }
        return weights[k] / weights.reduce(0, +)
    }
}
