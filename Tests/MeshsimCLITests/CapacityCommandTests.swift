import Experiments
import Foundation
@testable import MeshsimCLI
import Testing

/// `meshsim capacity`: options, exit codes, capacity.csv, and a search whose answer queueing
/// theory knows.
@Suite struct CapacityCommandTests {
    /// M/M/1: Poisson arrivals at the client's rate λ, one server with exponential service at
    /// μ = 1000/s (mean 1 ms). The time in system is exponential with rate μ − λ, so its p99
    /// is ln(100) / (μ − λ), and `p99 < 20ms` holds up to λ = μ − ln(100) / 0.02 s ≈ 769.7/s.
    static let mm1 = """
        name: mm1
        seed: 1
        duration: 60s
        warmup: 5s
        clients:
          - name: web
            target: server
            rate: 500/s
        services:
          server:
            concurrency: 1
            latency: exp(1ms)
        assertions:
          - p99 < 20ms
        """

    @Test func findsTheLargestRateOfAnMM1QueueWithinAFewPercentOfTheClosedForm() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.mm1])
        let result = meshsim(["capacity", workspace.path("s.yaml"), "--vary", "clients[name=web].rate",
                              "--from", "100/s", "--to", "1000/s", "--out", workspace.path("out"), "--quiet"])
        #expect(result.code == .success, "\(result.err)")
        let answer = try #require(result.out.split(separator: "\n").last)
        let prefix = "largest clients[name=web].rate at which every assertion holds: "
        #expect(answer.hasPrefix(prefix))
        let rate = try #require(Double(answer.dropFirst(prefix.count).prefix { $0.isNumber }))
        let expected = 1000 - log(100) / 0.020
        #expect(abs(rate / expected - 1) < 0.05, "found \(rate)/s, closed form \(expected)/s")
        // The answer's neighbour fails: the bracket is two adjacent integers.
        #expect(answer.contains("(passes at \(Int(rate))/s; fails at \(Int(rate) + 1)/s: p99 < 20ms (measured "))
        let csv = try workspace.read("out/capacity.csv").split(separator: "\n")
        #expect(csv.first == "step,clients[name=web].rate,n,verdict,failing")
        #expect(csv.dropFirst().first == "1,100/s,1,pass,")
        #expect(csv.dropFirst(2).first?.hasPrefix("2,1000/s,1,fail,p99 < 20ms (measured ") == true)
        // The ends, then at most ⌈log2(900)⌉ = 10 halvings.
        #expect(csv.count - 1 <= 12)
        #expect(result.err.isEmpty)
    }

    @Test func withReplicationsTheClosedFormLiesBetweenTheLastPassAndTheFirstFail() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.mm1])
        let result = meshsim(["capacity", workspace.path("s.yaml"), "--vary", "clients[name=web].rate", "--from", "100/s", "--to", "1000/s",
                              "--replications", "3", "--resolution", "10/s", "--set", "duration=20s", "--out", workspace.path("out"), "--quiet"])
        #expect(result.code == .success, "\(result.err)")
        let rows = try workspace.read("out/capacity.csv").split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 4) }
        #expect(rows.allSatisfy { $0.count >= 4 && $0[2] == "3" })
        func rates(_ verdict: String) -> [Double] { rows.filter { $0[3] == verdict }.compactMap { Double($0[1].dropLast(2)) } }
        let lastPass = try #require(rates("pass").max())
        let firstFail = try #require(rates("fail").min())
        // Common random numbers keep the verdicts in order: every pass below every inconclusive below every fail.
        #expect(lastPass < (rates("inconclusive").min() ?? firstFail) && (rates("inconclusive").max() ?? lastPass) < firstFail)
        let expected = 1000 - log(100) / 0.020
        #expect(lastPass <= expected * 1.05 && firstFail >= expected * 0.95, "passes up to \(lastPass), fails from \(firstFail)")
        let bracket = rates("inconclusive").isEmpty
            ? "\(Int(lastPass))/s (passes at \(Int(lastPass))/s; fails at \(Int(firstFail))/s: "
            : "passes up to \(Int(lastPass))/s, fails from \(Int(firstFail))/s: "
        #expect(result.out.contains("\nlargest clients[name=web].rate at which every assertion holds: " + bracket))
    }

    @Test func theSearchIsTheSameAtAnyJobsCount() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.mm1])
        let arguments = ["capacity", workspace.path("s.yaml"), "--vary", "clients[name=web].rate", "--from", "100/s", "--to", "1000/s",
                         "--replications", "3", "--resolution", "50/s", "--set", "duration=5s", "--set", "warmup=0s", "--quiet"]
        let one = meshsim(arguments + ["--jobs", "1", "--out", workspace.path("one")])
        let two = meshsim(arguments + ["--jobs", "2", "--out", workspace.path("two")])
        #expect(one.code == two.code && one.out == two.out)
        #expect(try workspace.read("one/capacity.csv") == workspace.read("two/capacity.csv"))
        #expect(try workspace.read("one/capacity.csv").split(separator: "\n").count > 4)
    }

    @Test func noPassingValueExitsOne() throws {
        // p99 of the service time alone is ln(100) ms ≈ 4.6 ms: `p99 < 1ms` fails at any rate.
        let workspace = try CommandTests.Workspace(["s.yaml": Self.mm1.replacingOccurrences(of: "p99 < 20ms", with: "p99 < 1ms")])
        let result = meshsim(["capacity", workspace.path("s.yaml"), "--vary", "clients[name=web].rate", "--from", "10/s", "--to", "20/s",
                              "--set", "duration=2s", "--set", "warmup=0s", "--out", workspace.path("out"), "--quiet"])
        #expect(result.code == .assertionFailed)
        #expect(result.out.contains("\nno clients[name=web].rate from 10/s to 20/s passes (fails at 10/s: p99 < 1ms (measured "))
        #expect(result.out.contains(" ms); fails at 20/s: p99 < 1ms (measured "))
        #expect(try workspace.read("out/capacity.csv").split(separator: "\n").count == 3)
    }

    @Test func aPathThatDoesNotExistIsBadInputBeforeAnyRun() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.mm1])
        let result = meshsim(["capacity", workspace.path("s.yaml"), "--vary", "clients[name=wbe].rate",
                              "--from", "100/s", "--to", "1000/s", "--out", workspace.path("out")])
        #expect(result.code == .badInput)
        #expect(result.err == "--vary clients[name=wbe].rate=100/s:1:1: error: cannot set clients[name=wbe].rate: no entry of clients is named \"wbe\"; did you mean \"web\"?\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
        // A value the field does not take, at either end, is found the same way.
        let unitless = meshsim(["capacity", workspace.path("s.yaml"), "--vary", "clients[name=web].rate", "--from", "100", "--to", "1000"])
        #expect(unitless.code == .badInput)
        #expect(unitless.err.hasPrefix("--vary clients[name=web].rate=100:1:1: error: clients[0].rate must be a rate such as 800/s"))
    }

    @Test func aScenarioWithoutAssertionsIsBadInput() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.mm1.components(separatedBy: "assertions:")[0]])
        let result = meshsim(["capacity", workspace.path("s.yaml"), "--vary", "clients[name=web].rate", "--from", "1/s", "--to", "2/s"])
        #expect(result.code == .badInput)
        #expect(result.err.hasPrefix("error: \(workspace.path("s.yaml")) has no assertions, so every value passes; "))
    }

    @Test func optionsAreReadIntoCapacityOptions() throws {
        let range = try VariedValue(from: "1/s", to: "9/s", resolution: "2/s")
        #expect(try parse("capacity", "s.yaml", "k8s/", "--vary", "clients[0].rate", "--from", "1/s", "--to", "9/s", "--resolution", "2/s",
                          "--replications", "5", "--inconclusive", "pass", "--jobs", "2", "--set", "seed=4", "--out", "o", "--quiet")
            == .capacity(CapacityOptions(scenario: "s.yaml", manifests: ["k8s/"], path: "clients[0].rate", range: range, replications: 5,
                                         inconclusive: .pass, jobs: 2, sets: ["seed=4"], out: "o", quiet: true)))
        #expect(try parse("capacity", "s.yaml", "--vary", "p", "--from", "1", "--to", "2")
            == .capacity(CapacityOptions(scenario: "s.yaml", path: "p", range: try VariedValue(from: "1", to: "2"))))
    }

    @Test func badOptionsAreUsageErrors() {
        #expect(error("capacity", "s.yaml", "--from", "1", "--to", "2") == .missingOption("--vary", command: "capacity"))
        #expect(error("capacity", "s.yaml", "--vary", "p", "--to", "2") == .missingOption("--from", command: "capacity"))
        #expect(error("capacity", "s.yaml", "--vary", "p", "--from", "1/s", "--to", "2")
            == .badRange("--from 1/s and --to 2 differ in unit ('/s' and no unit); write both ends in the same unit"))
        #expect(error("capacity", "s.yaml", "--vary", "p", "--from", "1", "--to", "2", "--replications", "0")
            == .badCount(option: "--replications", value: "0", range: 1...10_000, command: "capacity"))
        #expect(error("capacity", "s.yaml", "--vary", "p", "--from", "1", "--to", "2", "--inconclusive", "maybe")
            == .badChoice(option: "--inconclusive", value: "maybe", choices: ["fail", "pass"], command: "capacity"))
        let result = meshsim("capacity", "s.yaml", "--vary", "a..b", "--from", "1", "--to", "2")
        #expect(result.code == .badInput)
        #expect(result.err == "error: --vary a..b: empty key before '.'; write a path as --set takes it, such as clients[name=web].rate\n"
            + "Run 'meshsim capacity --help' for usage.\n")
    }

    @Test func helpListsEveryOptionWithinEightyColumns() throws {
        let text = try #require(Usage.help(for: "capacity"))
        for option in ["--vary PATH", "--from A", "--to B", "--resolution R", "--replications N", "--inconclusive MODE",
                       "--set PATH=VALUE", "--jobs N", "--out DIR", "--quiet"] {
            #expect(text.contains("\n  \(option)   "), "help lacks \(option)")
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(Usage.general.contains("\n  capacity   "))
    }
}
