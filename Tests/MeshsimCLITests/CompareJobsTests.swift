import Foundation
@testable import MeshsimCLI
import Testing

/// `meshsim compare --jobs N`: how many setups run at once, never what they compute.
@Suite struct CompareJobsTests {
    @Test func jobsIsReadAsAWholeNumberAndAbsentMeansOnePerCore() throws {
        #expect(try parse("compare", "a.yaml", "--jobs", "3") == .compare(CompareOptions(scenarios: ["a.yaml"], jobs: 3)))
        #expect(try parse("compare", "a.yaml", "b.yaml", "--jobs=1", "--out", "x")
            == .compare(CompareOptions(scenarios: ["a.yaml", "b.yaml"], out: "x", jobs: 1)))
        #expect(try parse("compare", "a.yaml") == .compare(CompareOptions(scenarios: ["a.yaml"], jobs: nil)))
    }

    @Test(arguments: ["0", "two", "+2", "1.5", "99999999999999999999999"])
    func jobsBelowOneOrNotANumberIsAUsageError(value: String) {
        #expect(throws: UsageError.badJobs(value)) { try parse("compare", "a.yaml", "--jobs", value) }
    }

    @Test func jobsZeroExitsTwoWithAMessageAndTheHelpListsJobs() throws {
        let result = meshsim(["compare", "a.yaml", "--jobs", "0"])
        #expect(result.code.rawValue == 2)
        #expect(result.err == "error: --jobs needs a whole number of setups to run at once, 1 or more, not '0'; "
            + "1 runs them one by one\nRun 'meshsim compare --help' for usage.\n")
        let help = try #require(Usage.help(for: "compare"))
        #expect(help.contains("\n  --jobs N   "))
        #expect(help.contains("[--jobs N]"))
        #expect(error("compare", "a.yaml", "--jobs", "1", "--jobs", "2") == .duplicateOption("--jobs", command: "compare"))
    }

    @Test func oneAndTwoJobsWriteTheSameBytesAsEachSetupAlone() throws {
        let scenario = CompareCommandTests.scenario.components(separatedBy: "  local:")[0]
        let workspace = try CommandTests.Workspace(["s.yaml": scenario])
        let path = workspace.path("s.yaml")
        #expect(meshsim(["compare", path, "--jobs", "1", "--out", workspace.path("one")]).code == .success)
        #expect(meshsim(["compare", path, "--jobs", "2", "--out", workspace.path("two")]).code == .success)
        #expect(meshsim(["compare", path, "--variant", "strict", "--out", workspace.path("strict")]).code == .success)
        for file in ["compare.csv", "loose/summary.csv", "strict/timeseries.csv", "strict/responses.csv"] {
            #expect(try workspace.read("one/\(file)") == workspace.read("two/\(file)"))
        }
        // Each setup's rows land under its own name, in the file's order, whichever worker ran it.
        let together = try workspace.read("two/compare.csv").split(separator: "\n").dropFirst()
        #expect(together.map { $0.prefix { $0 != "," } }.reduce(into: [Substring]()) { if $0.last != $1 { $0.append($1) } }
            == ["loose", "strict"])
        let alone = try workspace.read("strict/compare.csv").split(separator: "\n").dropFirst()
        #expect(Array(together.filter { $0.hasPrefix("strict,") }) == Array(alone))
        #expect(try workspace.read("two/strict/summary.csv") == workspace.read("strict/strict/summary.csv"))
    }
}
