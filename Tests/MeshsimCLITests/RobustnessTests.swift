import Foundation
import MeshsimCLI
import Testing

/// Minimised fuzzing finds: every input must end in exit 0 or exit 2 with
/// `FILE:LINE:COLUMN: error: ...`, never a trap, a signal or a run that does not end.
/// Each test is one distinct failure; until it is fixed, a trap here ends the test process.
@Suite struct RobustnessTests {
    typealias Outcome = ScratchRun.Outcome
    static let maxDuration = ScratchRun.maxDuration

    func meshsim(_ command: String, _ text: String) throws -> Outcome { try ScratchRun.meshsim(command, text) }
    func expectBadInput(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) { ScratchRun.expectBadInput(outcome, sourceLocation: sourceLocation) }
    func expectEndsCleanly(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) { ScratchRun.expectEndsCleanly(outcome, sourceLocation: sourceLocation) }

    static func openLoop(_ extra: String = "", header: String = "") -> String {
        """
        name: t
        duration: 1s
        \(header)clients:
          - { name: c, target: api, rate: 2/s, arrival: uniform\(extra) }

        """
    }

    // MARK: validate traps (SizeChecks)

    /// Sum of replicas overflows Int (SizeChecks.swift:17, `instances += version.replicas`).
    @Test func replicaCountsThatOverflowWhenAddedAreRefused() throws {
        let text = Self.openLoop() + "services:\n  api: { replicas: 9223372036854775807 }\n  b: { replicas: 9223372036854775807 }\n"
        expectBadInput(try meshsim("validate", text))
    }

    /// The error message converts the request count to Int (SizeChecks.swift:32, `Int(requests.rounded())`).
    @Test func aRateBeyondIntRangeIsRefused() throws {
        let text = "name: t\nduration: 1s\nclients:\n  - { name: c, target: api, rate: 1e20/s }\nservices:\n  api: {}\n"
        expectBadInput(try meshsim("validate", text))
    }

    /// DistributionParser.mixture()/distribution() recurse without a depth limit: stack overflow (SIGSEGV).
    @Test func deeplyNestedMixIsRefused() throws {
        let depth = 50_000
        let latency = String(repeating: "mix(100%: ", count: depth) + "1ms" + String(repeating: ")", count: depth)
        let text = "name: t\nduration: 1s\nclients:\n  - { name: c, target: api, rate: 1/s }\nservices:\n  api: { latency: \"\(latency)\" }\n"
        expectBadInput(try meshsim("validate", text))
    }

    // MARK: run traps (time arithmetic and integer conversions in Engine)

    /// Kong caps upstream retries far below Int32; the engine stores them as Int32 (Simulation+Servers.swift:97).
    @Test func routeRetriesBeyondInt32DoNotTrap() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, rate: 1/s }
            gateway:
              routes: [{ name: r, paths: [/], service: api, retries: 2147483648 }]
            services:
              api: {}
            """
        expectEndsCleanly(try meshsim("run", text))
    }

    /// `fault.at + duration` overflows (Simulation.swift:88).
    @Test func aFaultLastingAlmostForeverDoesNotTrap() throws {
        let text = Self.openLoop() + "services:\n  api: {}\nfaults:\n  - { at: 1s, duration: \(Self.maxDuration), target: api, kind: crash }\n"
        expectEndsCleanly(try meshsim("run", text))
    }

    /// `now + timeout` overflows for the second request (Simulation+Clients.swift:40).
    @Test func aHugeClientTimeoutDoesNotTrap() throws {
        let text = Self.openLoop(", timeout: \(Self.maxDuration)") + "services:\n  api: {}\n"
        expectEndsCleanly(try meshsim("run", text))
    }

    /// `Nanoseconds(unit * backoff * 2^n)` exceeds Int64 (Simulation+Clients.swift:58).
    @Test func aHugeRetryBackoffDoesNotTrap() throws {
        let text = Self.openLoop(", retries: { attempts: 100, backoff: 1000000h, on: [5xx] }", header: "interval: \(Self.maxDuration)\n")
            + "services:\n  api: { errors: 100% }\n"
        expectEndsCleanly(try meshsim("run", text))
    }

    /// `now + attemptTimeout` overflows (Simulation+Calls.swift:27).
    @Test func aHugeRouteTimeoutDoesNotTrap() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, rate: 2/s, arrival: uniform }
            gateway:
              routes: [{ name: r, paths: [/], service: api, timeout: \(Self.maxDuration) }]
            services:
              api: {}
            """
        expectEndsCleanly(try meshsim("run", text))
    }

    /// Draws are capped at 2^61 ns each, but a chain of them overflows `now + latency` (Simulation+Servers.swift:51).
    @Test func aChainOfHugeLatenciesDoesNotTrap() throws {
        let text = Self.openLoop(header: "interval: \(Self.maxDuration)\n") + """
            services:
              api: { latency: 2000000h, calls: [{ service: b }] }
              b: { latency: 2000000h, calls: [{ service: c }] }
              c: { latency: 2000000h }
            """
        expectEndsCleanly(try meshsim("run", text))
    }

    /// `now + world.interval` overflows once a tick runs past half the range (Simulation.swift:120).
    @Test func aHugeIntervalDoesNotTrap() throws {
        let text = Self.openLoop(header: "interval: 5000000000000000000ns\n")
            + "services:\n  api: {}\nfaults:\n  - { at: 9000000000000000000ns, target: api, kind: crash }\n"
        expectEndsCleanly(try meshsim("run", text))
    }

    /// `now + think` overflows (Simulation+Clients.swift:81).
    @Test func aHugeThinkTimeDoesNotTrap() throws {
        let text = """
            name: t
            duration: 9000000000000000000ns
            interval: 9000000000000000000ns
            clients:
              - { name: c, target: api, users: 1, thinkTime: 2000000h }
            services:
              api: { latency: 2000000h }
            """
        expectEndsCleanly(try meshsim("run", text))
    }

    /// A rate this small sends nothing in a second; the next arrival time exceeds Int64 (ArrivalProcess.swift:54).
    @Test(arguments: ["poisson", "uniform"])
    func aTinyRateSendsNothingWithoutTrapping(arrival: String) throws {
        let text = "name: t\nduration: 1s\nclients:\n  - { name: c, target: api, rate: 0.00000000001/s, arrival: \(arrival) }\nservices:\n  api: {}\n"
        let outcome = try meshsim("run", text)
        #expect(outcome.code == .success)
    }

    // MARK: runs that do not end in reasonable time (duration × rate is tiny in each)

    /// Ticks continue every interval until the last request ends, so 110,000 s of latency give
    /// 110,000 time-series intervals (over the 100,000 limit, which is checked against `duration` only).
    @Test func aLatencyFarBeyondTheDurationDoesNotRunAway() throws {
        let text = Self.openLoop(header: "interval: 1s\n") + "services:\n  api: { latency: 110000s }\n"
        expectEndsCleanly(try meshsim("run", text))
    }

    /// One request to a crashed service retrying 2 million times at one instant is too slow for
    /// the events-per-instant stall check to help; Kong's own limit of 32,767 retries refuses it.
    @Test func unboundedRouteRetriesDoNotRunAway() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, rate: 1/s, arrival: uniform }
            gateway:
              routes: [{ name: r, paths: [/], service: api, retries: 2000000 }]
            services:
              api: {}
            faults:
              - { at: 0s, target: api, kind: crash }
            """
        expectEndsCleanly(try meshsim("run", text))
    }

    /// One closed-loop user with no think time and 1 ns latency sends a request every 2 ns;
    /// time moves, so the stall check never fires. With `duration: 1s` that is 5 × 10^8 requests;
    /// the run-wide limit of a billion requests bounds it, and 200 µs keeps this test quick.
    @Test func aClosedLoopWithNanosecondLatencyDoesNotRunAway() throws {
        let text = "name: t\nduration: 200us\nclients:\n  - { name: u, target: a, users: 1 }\nservices:\n  a: { latency: 1ns }\n"
        expectEndsCleanly(try meshsim("run", text))
    }
}
