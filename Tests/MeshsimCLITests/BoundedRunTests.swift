import Engine
import Foundation
@testable import MeshsimCLI
import Reports
import Scenario
import Testing

/// `run --max-in-flight N` and the progress line: a run that piles up work stops with exit 2
/// and writes nothing; the progress line is text worked out by hand and changes no report.
@Suite struct BoundedRunTests {
    /// The issue's five lines: a million requests a second at one 1 ms server, queue unlimited.
    static let flood = """
        name: flood
        duration: 60s
        clients: [{ name: load, target: orders, rate: 1000000/s }]
        services:
          orders: { latency: 1ms }
        """

    @Test func maxInFlightIsParsed() throws {
        #expect(try parse("run", "a.yaml", "--max-in-flight", "5000") == .run(RunOptions(scenario: "a.yaml", maxInFlight: 5000)))
        #expect(try parse("run", "a.yaml", "--max-in-flight=1") == .run(RunOptions(scenario: "a.yaml", maxInFlight: 1)))
    }

    @Test(arguments: ["0", "many", "+5", "1e6", "1000000001", "99999999999999999999999"])
    func maxInFlightOutsideOneToABillionIsAUsageError(value: String) {
        #expect(throws: UsageError.badMaxInFlight(value, command: "run")) { try parse("run", "a.yaml", "--max-in-flight", value) }
    }

    @Test func aBadMaxInFlightExitsTwoWithTheRange() {
        let result = meshsim(["run", "a.yaml", "--max-in-flight", "0"])
        #expect(result.code == .badInput)
        #expect(result.err == "error: --max-in-flight needs a whole number from 1 to 1,000,000,000, not '0' (default 6,000,000)\n"
            + "Run 'meshsim run --help' for usage.\n")
    }

    @Test func aFloodStopsAtTheCapWithExitTwoAndWritesNothing() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.flood])
        let result = meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--max-in-flight", "30000", "--quiet"])
        #expect(result.code == .badInput)
        #expect(result.err.contains("s.yaml:5:11: error: 30,003 requests, calls and attempts in flight at t = "), "\(result.err)")
        #expect(result.err.contains(": orders's queue grew to 10,000 waiting requests (capacity 1,000 req/s); raise --max-in-flight, "
            + "add a queue limit (queue: 100) or lower the load"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    }

    @Test func compareReadsMaxInFlightAsRunDoes() throws {
        #expect(try parse("compare", "a.yaml", "--max-in-flight", "5000")
            == .compare(CompareOptions(scenarios: ["a.yaml"], maxInFlight: 5000)))
        #expect(throws: UsageError.badMaxInFlight("-1", command: "compare")) { try parse("compare", "a.yaml", "--max-in-flight=-1") }
        let result = meshsim(["compare", "a.yaml", "b.yaml", "--max-in-flight", "1000000001"])
        #expect(result.code == .badInput)
        #expect(result.err == "error: --max-in-flight needs a whole number from 1 to 1,000,000,000, not '1000000001' (default 6,000,000)\n"
            + "Run 'meshsim compare --help' for usage.\n")
        #expect(try #require(Usage.help(for: "compare")).contains("[--max-in-flight N]"))
    }

    @Test func compareSharesTheDefaultCapAmongItsSetups() {
        // 6,000,000 by default, whatever --jobs: 3 setups get 2,000,000 each, 10 get the
        // 1,000,000 floor rather than 600,000, and a single setup the whole default.
        #expect(CompareCommand.limits(maxInFlight: nil, setups: 3).inFlight == 2_000_000)
        #expect(CompareCommand.limits(maxInFlight: nil, setups: 10).inFlight == 1_000_000)
        #expect(CompareCommand.limits(maxInFlight: nil, setups: 1).inFlight == 6_000_000)
        // A cap given is each run's.
        #expect(CompareCommand.limits(maxInFlight: 5_000, setups: 3).inFlight == 5_000)
        // metrics.om's 1 GiB likewise: 4 setups get 256 MiB each, --max-in-flight or not.
        #expect(CompareCommand.limits(maxInFlight: nil, setups: 4).metricsBytes == 268_435_456)
        #expect(CompareCommand.limits(maxInFlight: 5_000, setups: 4).metricsBytes == 268_435_456)
        #expect(CompareCommand.limits(maxInFlight: nil, setups: 1).metricsBytes == 1_073_741_824)
    }

    @Test func aFloodInACompareStopsAtTheCapItWasGiven() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.flood + "\nvariants:\n  same: {}\n  slower: { services.orders.latency: 2ms }\n"])
        let result = meshsim(["compare", workspace.path("s.yaml"), "--out", workspace.path("out"), "--max-in-flight", "30000", "--quiet"])
        #expect(result.code == .badInput)
        // The first setup is the scenario as the run above simulates it, so it stops at the same count.
        #expect(result.err.hasPrefix("same: \(workspace.path("s.yaml")):5:11: error: 30,003 requests, calls and attempts in flight at t = "),
                "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    }

    /// 100,000 requests through two services are several hundred thousand events: progress is
    /// heard every 65,536 of them, at least twice, and the reports are the same as without it.
    @Test func progressIsHeardAndChangesNoReport() throws {
        let text = """
            name: busy
            duration: 20s
            clients: [{ name: load, target: front, rate: 5000/s }]
            services:
              front: { latency: exp(1ms), concurrency: 16, calls: [{ service: back }] }
              back: { latency: exp(2ms), concurrency: 32 }
            """
        let scenario = try #require(ScenarioLoader.load(text: text, file: "busy.yaml").scenario)
        var heard: [Nanoseconds] = []
        let withProgress = try Simulator.run(scenario, progress: { heard.append($0.simulatedTime) })
        let without = try Simulator.run(scenario)
        #expect(heard.count >= 2)
        #expect(heard == heard.sorted() && (heard.last ?? 0) <= 20 * 1_000_000_000 + 1_000_000_000)
        #expect(RunReports.files(for: withProgress).map(\.contents) == RunReports.files(for: without).map(\.contents))
    }

    @Test func theProgressLineShowsTimeRequestsAndTheTimeLeft() {
        // 12.3 s of 60 s is 20.5%, shown as 20%; 4.1 s took 20.5%, so the 79.5% left takes
        // 4.1 × 79.5 / 20.5 = 15.9 s, shown rounded up.
        #expect(ProgressLine.render(simulated: 12_300_000_000, duration: 60_000_000_000, requests: 1_234_567, elapsed: 4.1)
            == "simulated 12.3 s of 60 s (20%), 1,234,567 requests, ETA 16 s")
        #expect(ProgressLine.render(simulated: 0, duration: 60_000_000_000, requests: 0, elapsed: 0.3)
            == "simulated 0.0 s of 60 s (0%), 0 requests")
        #expect(ProgressLine.render(simulated: 61_500_000_000, duration: 60_000_000_000, requests: 5, elapsed: 9)
            == "simulated 61.5 s of 60 s (100%), 5 requests, draining")
        // A tenth of 1.5 s done in 40 s: 360 s left.
        #expect(ProgressLine.render(simulated: 150_000_000, duration: 1_500_000_000, requests: 10, elapsed: 40)
            == "simulated 0.2 s of 1.5 s (10%), 10 requests, ETA 6m 00s")
    }

    @Test func timeLeftIsInSecondsThenMinutesThenHours() {
        #expect(ProgressLine.wallTime(0.2) == "1 s")
        #expect(ProgressLine.wallTime(59.2) == "1m 00s")
        #expect(ProgressLine.wallTime(125) == "2m 05s")
        // Past an hour the seconds are dropped: 3,725 s is 1 h 2 min 5 s.
        #expect(ProgressLine.wallTime(3725) == "1h 02m")
    }
}
