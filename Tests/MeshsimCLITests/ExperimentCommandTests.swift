import Experiments
import Foundation
@testable import MeshsimCLI
import Testing

/// `run` and `compare` with replications and sweeps, checked against today's single runs
/// and against the textbook interval worked from the kept replications' own reports.
@Suite struct ExperimentCommandTests {
    /// M/M/1 at ρ = 0.6: mean time in system 25 ms, p99 = ln(100) · 25 ms ≈ 115 ms.
    static func scenario(assertion: String = "p99 < 400ms", extra: String = "") -> String {
        """
        name: experiment
        seed: 5
        duration: 8s
        warmup: 1s
        interval: 2s
        clients:
          - { name: web, target: api, rate: 60/s }
        services:
          api:
            concurrency: 1
            latency: exp(10ms)
        assertions:
          - \(assertion)
        \(extra)
        """
    }

    @Test func oneReplicationIsTodaysRunByteForByte() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(), "r1.yaml": Self.scenario(extra: "replications: 1")])
        let plain = meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("plain"), "--quiet"])
        let option = meshsim(["run", workspace.path("s.yaml"), "--replications", "1", "--out", workspace.path("option"), "--quiet"])
        let key = meshsim(["run", workspace.path("r1.yaml"), "--out", workspace.path("key"), "--quiet"])
        let expected = try ShardMergeTests.files(in: workspace.path("plain"))
        #expect(expected.keys.sorted() == ["events.csv", "junit.xml", "report.html", "responses.csv", "summary.csv", "timeseries.csv"])
        #expect(try ShardMergeTests.files(in: workspace.path("option")) == expected)
        #expect(try ShardMergeTests.files(in: workspace.path("key")) == expected)
        #expect(option.out == plain.out && key.out == plain.out)
    }

    /// summary-ci.csv's p99 row is the mean, sample standard deviation and t(0.975, 3) interval
    /// of the four kept replications' own p99, and replication 1 is the plain run.
    @Test func theIntervalIsTheTextbookOneOverTheKeptReplications() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario()])
        let result = meshsim(["run", workspace.path("s.yaml"), "--replications", "4", "--keep-replications", "--out", workspace.path("out"), "--quiet"])
        #expect(result.code == .success)
        #expect(meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("plain"), "--quiet"]).code == .success)
        #expect(try workspace.read("out/replications/1/summary.csv") == workspace.read("plain/summary.csv"))
        var p99: [Double] = []
        for k in 1...4 {
            let total = try #require(workspace.read("out/replications/\(k)/summary.csv").split(separator: "\n").dropFirst().first)
            p99.append(try #require(Double(total.split(separator: ",")[13])))
        }
        #expect(Set(p99).count == 4, "independent seeds give different p99s")
        let mean = p99.reduce(0, +) / 4
        let sd = (p99.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        let half = 3.182446305 * sd / 2  // t(0.975, 3), published 3.182
        let row = try #require(workspace.read("out/summary-ci.csv").split(separator: "\n").first { $0.hasPrefix("total,all,p99_ms,") })
        let cells = row.split(separator: ",").map { Double($0) }
        #expect(cells[3] == 4)
        for (index, expected) in [(4, mean), (5, sd), (6, mean - half), (7, mean + half)] {
            #expect(abs((cells[index] ?? .nan) - expected) <= 0.0015, "column \(index)")
        }
        #expect(result.out.hasPrefix("4 replications, 95% intervals (Student t)\n"))
        #expect(result.out.contains("✓ p99 < 400ms: pass, "))
    }

    /// An assertion whose threshold is the measured mean straddles its own interval.
    @Test func anInconclusiveAssertionFailsByDefaultAndIsSkippedUnderPass() throws {
        let first = try CommandTests.Workspace(["s.yaml": Self.scenario()])
        #expect(meshsim(["run", first.path("s.yaml"), "--replications", "3", "--out", first.path("out"), "--quiet"]).code == .success)
        let row = try #require(first.read("out/summary-ci.csv").split(separator: "\n").first { $0.hasPrefix("total,all,p99_ms,") })
        let mean = row.split(separator: ",")[4]
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(assertion: "p99 < \(mean)ms")])
        let strict = meshsim(["run", workspace.path("s.yaml"), "--replications", "3", "--out", workspace.path("fail"), "--quiet"])
        #expect(strict.code == .assertionFailed)
        #expect(strict.out.contains("? p99 < \(mean)ms: inconclusive, \(mean) ± "))
        // The threshold is the mean as printed, a hair from the true mean: no count decides it.
        #expect(strict.out.contains("; more than 10,000 replications would be needed to decide it"))
        #expect(try workspace.read("fail/junit.xml").contains("<failure message=\"inconclusive: "))
        let lenient = meshsim(["run", workspace.path("s.yaml"), "--replications", "3", "--inconclusive", "pass", "--out", workspace.path("pass"), "--quiet"])
        #expect(lenient.code == .success)
        let junit = try workspace.read("pass/junit.xml")
        #expect(junit.contains("<skipped message=\"inconclusive: ") && !junit.contains("<failure"))
        #expect(error("run", "s.yaml", "--inconclusive", "maybe")
            == .badChoice(option: "--inconclusive", value: "maybe", choices: ["fail", "pass"], command: "run"))
    }

    /// The first axis varies slowest; each point is the scenario with that value set, so its
    /// row is the plain run of the scenario with `--set`.
    @Test func aSweepPointIsThePlainRunWithItsValuesSet() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario()])
        let sweep = meshsim([
            "run", workspace.path("s.yaml"), "--sweep", "clients[name=web].rate=30/s,60/s", "--sweep", "services.api.concurrency=1,2",
            "--out", workspace.path("sweep"), "--quiet", "--jobs", "2",
        ])
        #expect(sweep.code == .success, "\(sweep.err)")
        let rows = try workspace.read("sweep/sweep.csv").split(separator: "\n").filter { $0.contains(",total,") }
        #expect(rows.map { $0.split(separator: ",").prefix(2).joined(separator: ",") } == ["30/s,1", "30/s,2", "60/s,1", "60/s,2"])
        #expect(meshsim([
            "run", workspace.path("s.yaml"), "--set", "clients[name=web].rate=60/s", "--set", "services.api.concurrency=2",
            "--out", workspace.path("one"), "--quiet",
        ]).code == .success)
        let total = try #require(workspace.read("one/summary.csv").split(separator: "\n").dropFirst().first)
        // sweep.csv: the two axis values, then scope, name, verdict, then summary.csv's columns after scope and name.
        #expect(rows[3].split(separator: ",", omittingEmptySubsequences: false).dropFirst(5) == total.split(separator: ",", omittingEmptySubsequences: false).dropFirst(2))
    }

    @Test func aSweepThatCannotApplyStopsBeforeAnythingRuns() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario()])
        let typo = meshsim(["run", workspace.path("s.yaml"), "--sweep", "clients[name=wbe].rate=30/s,60/s", "--out", workspace.path("x")])
        #expect(typo.code == .badInput)
        #expect(typo.err.contains("in --sweep clients[name=wbe].rate=30/s: "))
        #expect(typo.err.contains("did you mean \"web\"?"))
        let name = meshsim(["run", workspace.path("s.yaml"), "--sweep", "assertions=[],[]", "--out", workspace.path("x")])
        #expect(name.code == .badInput)
        #expect(name.err.contains("a sweep cannot vary 'assertions'"))
        // 1,000 points × 1,001 replications passes the bound of a million simulations by 1,000.
        let rates = (1...1000).map { "\($0)/s" }.joined(separator: ",")
        let big = meshsim(["run", workspace.path("s.yaml"), "--sweep", "clients[name=web].rate=" + rates, "--replications", "1001", "--out", workspace.path("x")])
        #expect(big.code == .badInput)
        #expect(big.err == "--sweep:1:1: error: the experiment would run more than 1,000,000 simulations (sweep points × setups × replications); sweep fewer values or run fewer replications\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("x")))
    }

    @Test func aVariantCannotChangeTheExperimentItIsPartOf() throws {
        let text = Self.scenario(extra: "variants:\n  one: {}\n  two: { replications: 4 }")
        let workspace = try CommandTests.Workspace(["s.yaml": text])
        let result = meshsim(["compare", workspace.path("s.yaml"), "--out", workspace.path("x")])
        #expect(result.code == .badInput)
        #expect(result.err == "\(workspace.path("s.yaml")):16:24: error: two has other replications or another sweep than one; "
            + "every setup of a compare runs the same experiment, so set them outside variants\n")
    }

    /// Each file keeps its own seed under --shard as in a plain compare, and a sweep over
    /// `seed` varies the draws.
    @Test func everySetupDerivesItsSeedsFromItsOwnSeed() throws {
        let workspace = try CommandTests.Workspace([
            "a.yaml": Self.scenario(), "b.yaml": Self.scenario().replacingOccurrences(of: "seed: 5", with: "seed: 9"),
        ])
        let files = [workspace.path("a.yaml"), workspace.path("b.yaml")]
        #expect(meshsim(["compare"] + files + ["--out", workspace.path("plain"), "--quiet"]).code == .success)
        #expect(meshsim(["compare"] + files + ["--shard", "1/1", "--out", workspace.path("part"), "--quiet"]).code == .success)
        #expect(meshsim(["merge", workspace.path("part"), "--out", workspace.path("merged"), "--quiet"]).code == .success)
        #expect(try ShardMergeTests.files(in: workspace.path("merged")) == ShardMergeTests.files(in: workspace.path("plain")))
        let sweep = meshsim(["run", files[0], "--sweep", "seed=5,9", "--out", workspace.path("seeds"), "--quiet"])
        let rows = try workspace.read("seeds/sweep.csv").split(separator: "\n").filter { $0.contains(",total,") }
        #expect(sweep.code == .success && rows.count == 2)
        #expect(rows[0].dropFirst(2) != rows[1].dropFirst(2))
        let validate = try CommandTests.Workspace(["s.yaml": Self.scenario(extra: "sweep: { name: [a, b] }")])
        let checked = meshsim(["validate", validate.path("s.yaml")])
        #expect(checked.code == .badInput)
        #expect(checked.out.contains("s.yaml:14:10: error: a sweep cannot vary 'name'"))
    }

    @Test func theProgressLineCountsSimulationsAndEstimatesTheRest() {
        let progress = ExperimentRunner.Progress(unitsDone: 12, unitsTotal: 40, simulated: 400_000_000_000)
        // 30 s for 12 simulations: 28 more take 70 s.
        #expect(ExperimentProgressLine.render(progress, elapsed: 30) == "12 of 40 simulations, 6m 40s simulated, ETA 1m 10s")
    }
}
