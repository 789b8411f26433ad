import Foundation
@testable import MeshsimCLI
import Testing

/// `compare A.yaml B.yaml` as an experiment: each file is its own setup, with its own seed
/// and its own fields, as the plain compare of the two files has them.
@Suite struct TwoScenarioExperimentTests {
    /// Two scenario files with their own seeds: each setup's replications start from its own
    /// file's seed, so a shard merged is the plain compare, and replication 1 of each setup
    /// is that file run alone.
    @Test func twoScenarioFilesKeepTheirOwnSeeds() throws {
        let other = ShardMergeTests.scenario.replacingOccurrences(of: "seed: 11", with: "seed: 12").replacingOccurrences(of: "name: shards", with: "name: other")
        let workspace = try CommandTests.Workspace(["a.yaml": ShardMergeTests.scenario, "b.yaml": other])
        let files = [workspace.path("a.yaml"), workspace.path("b.yaml")]
        let whole = meshsim(["compare"] + files + ["--out", workspace.path("whole"), "--quiet"])
        #expect(meshsim(["compare"] + files + ["--shard", "1/1", "--out", workspace.path("part"), "--quiet"]).code == .success)
        let merged = meshsim(["merge", workspace.path("part"), "--out", workspace.path("merged"), "--quiet"])
        #expect(merged.code == whole.code)
        #expect(merged.out == whole.out)
        #expect(try ShardMergeTests.files(in: workspace.path("merged")) == ShardMergeTests.files(in: workspace.path("whole")))

        let kept = meshsim(["compare"] + files + ["--replications", "2", "--keep-replications", "--out", workspace.path("kept"), "--quiet"])
        #expect(kept.code == .success || kept.code == .assertionFailed, "\(kept.err)")
        _ = meshsim(["run", workspace.path("b.yaml"), "--out", workspace.path("alone"), "--quiet"])
        let alone = try workspace.read("alone/summary.csv")
        #expect(try workspace.read("kept/other/replications/1/summary.csv") == alone)
        #expect(try workspace.read("kept/shards/replications/1/summary.csv") != alone)
    }

    /// A --sweep path the second scenario file lacks stops the compare before anything runs,
    /// naming that setup, as a typo in the first file does.
    @Test func aSweepPathTheSecondFileLacksStopsBeforeAnythingRuns() throws {
        let other = ShardMergeTests.scenario.replacingOccurrences(of: "name: web", with: "name: mobile").replacingOccurrences(of: "name: shards", with: "name: other")
        let workspace = try CommandTests.Workspace(["a.yaml": ShardMergeTests.scenario, "b.yaml": other])
        let result = meshsim([
            "compare", workspace.path("a.yaml"), workspace.path("b.yaml"), "--sweep", "clients[name=web].rate=40/s,60/s", "--out", workspace.path("x"),
        ])
        #expect(result.code == .badInput)
        #expect(result.err.hasPrefix("--sweep:1:24: error: in --sweep clients[name=web].rate=40/s (other): cannot set clients[name=web].rate"), "\(result.err)")
        #expect(!result.err.contains("point 1"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("x")))
    }
}
