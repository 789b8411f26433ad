@testable import Engine
import Scenario
import Testing

/// The cap on requests, calls and attempts in flight (`RunLimits.inFlight`): runs whose work
/// piles up stop with a message instead of growing until the allocator kills them.
@Suite struct InFlightLimitTests {
    typealias T = TestScenarios

    /// The run's error message, or nil when it ran to the end.
    func failure(_ scenario: Scenario, inFlight: Int) -> String? {
        do {
            _ = try Simulator.run(scenario, limits: RunLimits(inFlight: inFlight))
            return nil
        } catch {
            return error.diagnostics.map(\.description).joined(separator: "\n")
        }
    }

    @Test func tenClosedLoopUsersHoldThirtyRecordsAtMost() {
        // Each user has one request out, which is one call, served by one job: 10 × 3 in
        // flight at most (the service has a worker per user, so nothing waits in a queue).
        let scenario = Scenario(
            name: "users", duration: T.second,
            clients: [T.client(target: .service("s"), arrival: .users(10, thinkTime: .constant(T.ms)))],
            services: [T.service("s", concurrency: 10, latency: .constant(T.ms))])
        #expect(failure(scenario, inFlight: 30) == nil)
        let message = failure(scenario, inFlight: 29)
        #expect(message?.contains("30 requests, calls and attempts in flight at t = 0 s, over the limit of 29") == true, "\(message ?? "")")
    }

    @Test func aMillionRequestsASecondAtAOneMillisecondServerStopAtTheCap() throws {
        // 1,000 req/s of capacity against 1,000,000 offered (one every µs from t = 0), and no
        // queue limit. Request 1 is answered at 1 ms, when 1,001 have arrived: 1,000 in flight,
        // each holding 3 records (itself, its call, its job), 3,000, at the cap. The 1,002nd,
        // at 1.001 ms (1,001,001 ns: arrival times are rounded up to whole ns), passes it; the
        // run stops after that event, which still makes its call and job: 3,003 in flight,
        // 1,000 of the 1,001 requests waiting while one is served.
        let scenario = Scenario(
            name: "flood", duration: 60 * T.second,
            clients: [T.client(target: .service("orders"), arrival: .rate(1_000_000, .uniform))],
            services: [T.service("orders", latency: .constant(T.ms))])
        let message = try #require(failure(scenario, inFlight: 3_000))
        #expect(message.hasPrefix("test.yaml:1:1: error: 3,003 requests, calls and attempts in flight at t = 0.001001001 s, over the limit of 3,000: "))
        #expect(message.hasSuffix(
            "orders's queue grew to 1,000 waiting requests (capacity 1,000 req/s); raise --max-in-flight, add a queue limit (queue: 100) or lower the load"))
    }

    @Test func aQueueLimitKeepsTheSameLoadUnderTheCap() {
        let scenario = Scenario(
            name: "flood", duration: T.second / 10,
            clients: [T.client(target: .service("orders"), arrival: .rate(1_000_000, .uniform))],
            services: [T.service("orders", queue: 100, latency: .constant(T.ms))])
        #expect(failure(scenario, inFlight: 3_000) == nil)
    }

    @Test func closedLoopUsersThatTimeOutIn1nsStopAtTheCap() throws {
        // Each user abandons its request after 1 ns and sends the next: time moves on, so the
        // stall check never fires, while every abandoned attempt stays queued at the server.
        let scenario = Scenario(
            name: "impatient", duration: 60 * T.second,
            clients: [T.client(target: .service("orders"), arrival: .users(10, thinkTime: .zero), timeout: 1)],
            services: [T.service("orders", latency: .constant(T.ms))])
        let message = try #require(failure(scenario, inFlight: 10_000))
        #expect(message.contains("in flight at t = 0.000000"), "\(message)")
        #expect(message.contains("orders's queue grew to"), "\(message)")
    }

    @Test func callsThatDoubleAtEachOfThirtyServicesStopAtTheCap() throws {
        // s0 calls s1 twice at once, s1 calls s2 twice...: one request makes 2^29 calls at s29.
        // Every service has a worker per call, so no queue grows: the message names the
        // service holding the most work.
        var services = (0..<29).map { level in
            T.service("s\(level)", concurrency: 1 << 30, latency: .constant(T.ms), calls: [
                .parallel([DownstreamCall(service: "s\(level + 1)", location: T.here), DownstreamCall(service: "s\(level + 1)", location: T.here)]),
            ])
        }
        services.append(T.service("s29", concurrency: 1 << 30, latency: .constant(T.ms)))
        let scenario = Scenario(
            name: "fan-out", duration: T.second,
            clients: [T.client(target: .service("s0"), arrival: .rate(1, .uniform))], services: services)
        let message = try #require(failure(scenario, inFlight: 100_000))
        #expect(message.contains("over the limit of 100,000: s"), "\(message)")
        #expect(message.contains("requests at once (capacity 1,073,741,824,000 req/s"), "\(message)")
    }

    @Test func timersThatOutliveTheirRequestsStopTheRunToo() throws {
        // 10,000 requests a second, each answered in 0.1 ms: a few in flight at any time. But
        // each arms a 60 s client timeout that stays queued after the answer, so the queue
        // holds every timer of the last minute; past 2 × 1,000 + 1 the run stops (checked every
        // 65,536 events). Without the timeout the same load runs to its end.
        func scenario(timeout: Nanoseconds?) -> Scenario {
            Scenario(
                name: "timers", duration: 20 * T.second,
                clients: [T.client(target: .service("s"), arrival: .rate(10_000, .uniform), timeout: timeout)],
                services: [T.service("s", concurrency: 100, latency: .constant(T.ms / 10))])
        }
        let message = try #require(failure(scenario(timeout: 60 * T.second), inFlight: 1_000))
        #expect(message.contains("events waiting at t = "), "\(message)")
        #expect(message.contains(", more than 2,001 (2 × --max-in-flight + one per client and user): most are timers that outlive the requests they time"), "\(message)")
        #expect(failure(scenario(timeout: nil), inFlight: 1_000) == nil)
    }

    @Test func theMessageNamesTheQueueToLimitNotItsCallersQueue() {
        let congestion = Congestion(name: "orders", queued: 998_000, serving: 2, capacity: 1_000, makesCalls: true)
        #expect(InFlightMessage.text(inFlight: 1_000_001, limit: 1_000_000, at: 12_300_000_000, congestion: congestion) ==
            "1,000,001 requests, calls and attempts in flight at t = 12.3 s, over the limit of 1,000,000: orders's queue grew to "
            + "998,000 waiting requests (capacity 1,000 req/s, less while its workers wait on calls); raise --max-in-flight, "
            + "add a queue limit (queue: 100) or lower the load")
        #expect(InFlightMessage.seconds(1_500) == "0.0000015" && InFlightMessage.seconds(2_000_000_000) == "2")
    }

    @Test func progressIsReportedAsTheRunGoesAndChangesNothing() throws {
        let scenario = T.queue(rate: 500, requests: 150_000, latency: .exponential(mean: T.ms))
        var reports: [RunProgress] = []
        let watched = try Simulator.run(scenario, progress: { reports.append($0) })
        let unwatched = try Simulator.run(scenario)
        #expect(String(describing: watched) == String(describing: unwatched))
        // About 5 events per request (arrival, job ready, answers, ticks): a few reports of 2^16 events.
        #expect(reports.count >= 2)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.simulatedTime <= $1.simulatedTime && $0.requests < $1.requests })
        #expect(reports.allSatisfy { $0.duration == scenario.duration && $0.requests <= 150_000 })
    }
}
