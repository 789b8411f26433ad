import Foundation
@testable import MeshsimCLI
import Testing

/// `--shard I/N` and `meshsim merge`: the parts of an experiment, merged, are the folder the
/// unsharded run writes, byte for byte, at any shard count; a part missing, given twice or
/// from another experiment is refused by name.
@Suite struct ShardMergeTests {
    /// An M/M/1 server (mean 10 ms) at two rates, two setups and three replications: twelve
    /// short simulations.
    static let scenario = """
        name: shards
        seed: 11
        duration: 6s
        warmup: 1s
        interval: 2s
        clients:
          - { name: web, target: api, rate: 40/s }
        services:
          api:
            concurrency: 1
            latency: exp(10ms)
        variants:
          one: {}
          two: { services.api.concurrency: 2 }
        assertions:
          - p99 < 120ms
          - error_rate < 1%

        """

    /// Every file under `folder`, by path relative to it.
    static func files(in folder: String) throws -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        while let name = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            }
        }
        return files
    }

    static let experiments: [[String]] = [
        ["run", "--replications", "3", "--sweep", "clients[name=web].rate=40/s,60/s", "--keep-replications"],
        ["compare", "--replications", "3", "--sweep", "clients[name=web].rate=40/s,60/s"],
        ["compare", "--replications", "3", "--keep-replications"],
        ["compare"],
    ]

    @Test(arguments: experiments)
    func mergedShardsAreTheUnshardedFolderByteForByte(experiment: [String]) throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let command = [experiment[0], workspace.path("s.yaml")] + experiment.dropFirst() + ["--quiet"]
        let whole = meshsim(command + ["--out", workspace.path("whole"), "--jobs", "2"])
        // p99 < 120ms sits near M/M/1's 115 ms at 60/s, so it may pass, fail or be inconclusive.
        #expect(whole.code == .success || whole.code == .assertionFailed, "\(whole.err)")
        let expected = try Self.files(in: workspace.path("whole"))
        #expect(expected.count >= 2)
        // The top page charts what the outcomes keep, so it is compared with the rest.
        #expect(expected["report.html"]?.contains("<svg ") == true)
        // One simulation at a time gives the same folder and output as two at once.
        let oneByOne = meshsim(command + ["--out", workspace.path("one-by-one"), "--jobs", "1"])
        #expect(oneByOne.out == whole.out && oneByOne.code == whole.code)
        #expect(try Self.files(in: workspace.path("one-by-one")) == expected)
        for count in [1, 2, 3, 7] {
            var parts: [String] = []
            for index in 1...count {
                let part = workspace.path("n\(count)-part\(index)")
                let shard = meshsim(command + ["--shard", "\(index)/\(count)", "--out", part, "--jobs", "1"])
                #expect(shard.code == .success, "\(shard.err)")
                parts.append(part)
            }
            let merged = meshsim(["merge"] + parts.reversed() + ["--out", workspace.path("merged\(count)"), "--quiet"])
            #expect(merged.code == whole.code)
            #expect(merged.out == whole.out)
            #expect(try Self.files(in: workspace.path("merged\(count)")) == expected, "\(count) shards")
        }
    }

    @Test func aMissingDoubledOrForeignPartIsRefusedByName() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let path = workspace.path("s.yaml")
        for index in 1...3 {
            #expect(meshsim(["compare", path, "--replications", "2", "--shard", "\(index)/3", "--out", workspace.path("p\(index)"), "--quiet"]).code == .success)
        }
        #expect(meshsim(["compare", path, "--replications", "2", "--seed", "5", "--shard", "3/3", "--out", workspace.path("other"), "--quiet"]).code != .success)
        #expect(meshsim(["compare", path, "--replications", "3", "--shard", "3/3", "--out", workspace.path("other"), "--quiet"]).code == .success)

        let missing = meshsim(["merge", workspace.path("p1"), workspace.path("p3"), "--out", workspace.path("m")])
        #expect(missing.code == .badInput)
        #expect(missing.err == "error: shard 2/3 is missing; merge the partial folders of all 3 shards\n")
        let doubled = meshsim(["merge", workspace.path("p1"), workspace.path("p2"), workspace.path("p2"), "--out", workspace.path("m")])
        #expect(doubled.err == "error: shard 2/3 is given twice: \(workspace.path("p2")) and \(workspace.path("p2"))\n")
        let foreign = meshsim(["merge", workspace.path("p1"), workspace.path("p2"), workspace.path("other"), "--out", workspace.path("m")])
        #expect(foreign.code == .badInput)
        #expect(foreign.err == "error: \(workspace.path("other")) is a part of another experiment than \(workspace.path("p1")) (replications 3 against 2); merge the shards of one run\n")
        let stranger = meshsim(["merge", workspace.path("s.yaml"), "--out", workspace.path("m")])
        #expect(stranger.err.hasPrefix("error: \(workspace.path("s.yaml")) is not a partial folder"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("m")))
    }

    /// The merged folder replaces what is at --out; a partial there (or under it) would be
    /// lost, so the merge refuses before writing and leaves both partials as they were.
    @Test func anOutFolderThatIsOrHoldsAPartialIsRefused() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let path = workspace.path("s.yaml")
        for index in 1...2 {
            let part = workspace.path("parts/p\(index)")
            #expect(meshsim(["compare", path, "--replications", "2", "--shard", "\(index)/2", "--out", part, "--quiet"]).code == .success)
        }
        let parts = [workspace.path("parts/p1"), workspace.path("parts/p2")]
        let before = try Self.files(in: workspace.path("parts"))
        let into = meshsim(["merge"] + parts + ["--out", workspace.path("parts/p2")])
        #expect(into.code == .badInput)
        #expect(into.err == "error: --out \(workspace.path("parts/p2")) is the partial folder \(parts[1]), which the merged reports would replace; give another --out folder\n")
        let above = meshsim(["merge"] + parts + ["--out", workspace.path("parts/./")])
        #expect(above.code == .badInput)
        #expect(above.err.hasPrefix("error: --out \(workspace.path("parts/./")) holds the partial folder \(parts[0]),"))
        #expect(try Self.files(in: workspace.path("parts")) == before)
        let beside = meshsim(["merge"] + parts + ["--out", workspace.path("parts/p1/merged"), "--quiet"])
        #expect(beside.code == .success || beside.code == .assertionFailed, "\(beside.err)")
    }

    /// A partial whose outcomes lack an assertion's measurement is refused by name: judged,
    /// it would read as "not measured", a failure no simulation had.
    @Test func anOutcomeShortOfAnAssertionIsRefused() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let part = workspace.path("p")
        #expect(meshsim(["run", workspace.path("s.yaml"), "--replications", "2", "--shard", "1/1", "--out", part, "--quiet"]).code == .success)
        let outcomes = part + "/outcomes.csv"
        var lines = try String(contentsOfFile: outcomes, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: try #require(lines.firstIndex { $0.hasPrefix("1,assertion,") }))
        try lines.joined(separator: "\n").write(toFile: outcomes, atomically: true, encoding: .utf8)
        let merged = meshsim(["merge", part, "--out", workspace.path("m")])
        #expect(merged.code == .badInput)
        #expect(merged.err == "error: \(outcomes): simulation 1 has 1 assertion measurements where shards has 2 assertions; run the shard again\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("m")))

        // An edited row or manifest: the message says what to do.
        try "unit,kind,fields\n0,run,x\n".write(toFile: outcomes, atomically: true, encoding: .utf8)
        #expect(meshsim(["merge", part, "--out", workspace.path("m")]).err == "error: \(outcomes):2: not an outcome row this meshsim writes; run the shard again\n")
        try "key,value\nformat,meshsim-partial 9\n".write(toFile: part + "/partial.csv", atomically: true, encoding: .utf8)
        #expect(meshsim(["merge", part, "--out", workspace.path("m")]).err
            == "error: \(part)/partial.csv is not a partial folder's manifest this meshsim reads (edited, or written by another version); run the shard again with this meshsim\n")
    }

    /// files/ holds the units' own reports only: a stray file, one beside the unit folders
    /// or a link (here to the scenario) is refused by path rather than copied into the
    /// merged folder, where it could also collide with a file the merge assembles.
    @Test func aFileNoSimulationWroteIsRefused() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let part = workspace.path("p")
        #expect(meshsim(["compare", workspace.path("s.yaml"), "--shard", "1/1", "--out", part, "--quiet"]).code == .success)
        #expect(try Self.files(in: part + "/files").keys.contains("one/summary.csv"))
        let strays = ["compare.csv", "three/summary.csv"]
        for stray in strays {
            let path = part + "/files/" + stray
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try "x\n".write(toFile: path, atomically: true, encoding: .utf8)
            let merged = meshsim(["merge", part, "--out", workspace.path("m")])
            #expect(merged.code == .badInput)
            #expect(merged.err == "error: \(path) is not a report file of shard 1/1's simulations; run the shard again into an empty folder\n")
            try FileManager.default.removeItem(atPath: path)
        }
        let link = part + "/files/one/linked.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: workspace.path("s.yaml"))
        #expect(meshsim(["merge", part, "--out", workspace.path("m")]).err.hasPrefix("error: \(link) is not a report file"))
        try FileManager.default.removeItem(atPath: link)
        let clean = meshsim(["merge", part, "--out", workspace.path("m"), "--quiet"])
        #expect(clean.code == .success || clean.code == .assertionFailed, "\(clean.err)")
    }

    @Test func shardAndMergeOptionsAreChecked() {
        #expect(error("run", "a.yaml", "--shard", "0/3") == .badShard("0/3", command: "run"))
        #expect(error("run", "a.yaml", "--shard", "4/3") == .badShard("4/3", command: "run"))
        #expect(error("compare", "a.yaml", "--shard", "1-3") == .badShard("1-3", command: "compare"))
        #expect(error("merge", "a") == .missingOption("--out", command: "merge"))
        #expect(error("merge", "--out", "x") == .missingArgument("PARTIAL", command: "merge"))
    }
}
