import Foundation
@testable import MeshsimCLI
import Reports
import Testing

/// `--metrics openmetrics` and `--start-time` of `run` and `compare` (issue 19): what the
/// parser keeps, each bad input's exit 2 naming the flag, and metrics.om in every run folder.
@Suite struct MetricsCommandTests {
    static let scenario = """
        name: metrics-cli
        seed: 2
        duration: 4s
        interval: 1s
        clients:
          - { name: web, rate: 20/s }
        gateway:
          routes:
            - { name: all, paths: [/], service: api }
        mesh: { enabled: true }
        services:
          api:
            latency: exp(5ms)
        variants:
          fast: {}
          slow: { services.api.latency: exp(20ms) }
        """

    static func usage(_ message: String, _ command: String) -> String {
        "error: \(message)\nRun 'meshsim \(command) --help' for usage.\n"
    }

    @Test func theParserKeepsTheFormatAndTheStartTime() {
        let run = try? ArgumentParser.parse(["run", "s.yaml", "--metrics", "openmetrics", "--start-time", "2026-03-01T10:00:00.5+01:00"])
        // 2026-03-01 is 20,513 days after 1970-01-01 (56 years with 14 leap days, then 59 days); 09:00:00.5Z.
        #expect(run == .run(RunOptions(scenario: "s.yaml", metrics: MetricsOptions(
            format: .openmetrics, startTime: EpochTime(seconds: 20_513 * 86_400 + 9 * 3_600, nanoseconds: 500_000_000)))))
        let compare = try? ArgumentParser.parse(["compare", "s.yaml", "--metrics=openmetrics"])
        #expect(compare == .compare(CompareOptions(scenarios: ["s.yaml"], metrics: MetricsOptions(format: .openmetrics))))
        #expect((try? ArgumentParser.parse(["run", "s.yaml"])) == .run(RunOptions(scenario: "s.yaml")))
    }

    @Test(arguments: ["run", "compare"])
    func anUnknownFormatIsAUsageErrorNamingTheFlag(command: String) {
        let result = meshsim([command, "s.yaml", "--metrics", "prometheus"])
        #expect(result.code == .badInput)
        #expect(result.err == Self.usage("--metrics takes openmetrics, not 'prometheus'", command))
    }

    @Test(arguments: ["run", "compare"])
    func anUnreadableStartTimeIsAUsageErrorNamingTheFlag(command: String) {
        let result = meshsim([command, "s.yaml", "--metrics", "openmetrics", "--start-time", "2026-02-29T00:00:00Z"])
        #expect(result.code == .badInput)
        #expect(result.err == Self.usage(
            "--start-time needs an RFC 3339 time such as 2026-03-01T09:00:00Z or 2026-03-01T10:00:00.5+01:00, not '2026-02-29T00:00:00Z'", command))
    }

    /// 1969-12-31T23:59:59Z is Unix time -1: promtool's backfill of such a file exits 0 having
    /// written no block, so the run refuses it instead of handing over a file that shows nothing.
    @Test(arguments: ["run", "compare"])
    func aStartTimeBeforeTheUnixEpochIsAUsageError(command: String) {
        let result = meshsim([command, "s.yaml", "--metrics", "openmetrics", "--start-time", "1969-12-31T23:59:59Z"])
        #expect(result.code == .badInput)
        #expect(result.err == Self.usage(
            "--start-time '1969-12-31T23:59:59Z' is before 1970-01-01T00:00:00Z, and Prometheus's backfill "
                + "(promtool tsdb create-blocks-from openmetrics) silently keeps no sample before it; give a later time", command))
        #expect(meshsim([command, "missing.yaml", "--metrics", "openmetrics", "--start-time", "1970-01-01T00:00:00Z"]).err.contains("missing.yaml"))
    }

    /// Without metrics there is no metrics.om for the time to apply to: a mistake, not a no-op.
    /// With `metrics:` in the scenario the same command line is fine.
    @Test func aStartTimeWithoutMetricsIsAUsageError() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario, "on.yaml": Self.scenario + "\nmetrics: openmetrics\n"])
        let message = "--start-time sets the timestamps of metrics.om, which this run does not write; add --metrics openmetrics (or metrics: openmetrics to the scenario)"
        let run = meshsim(["run", workspace.path("s.yaml"), "--start-time", "2026-03-01T09:00:00Z", "--out", workspace.path("out"), "--quiet"])
        #expect(run.code == .badInput)
        #expect(run.err == Self.usage(message, "run"))
        let compare = meshsim(["compare", workspace.path("s.yaml"), "--start-time", "2026-03-01T09:00:00Z", "--out", workspace.path("out"), "--quiet"])
        #expect(compare.code == .badInput)
        #expect(compare.err == Self.usage(message, "compare"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
        let on = meshsim(["run", workspace.path("on.yaml"), "--start-time", "2026-03-01T09:00:00Z", "--out", workspace.path("on"), "--quiet"])
        #expect(on.code == .success, "\(on.err)")
    }

    /// Replications keep no run folder of their own unless asked: metrics.om would have
    /// nowhere to go, so the command stops before running anything and writes nothing.
    @Test func anExperimentWithoutRunFoldersAsksForKeepReplications() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario, "on.yaml": Self.scenario + "\nmetrics: openmetrics\n"])
        let flag = meshsim(["run", workspace.path("s.yaml"), "--metrics", "openmetrics", "--replications", "2", "--out", workspace.path("out"), "--quiet"])
        #expect(flag.code == .badInput)
        #expect(flag.err.hasSuffix("--metrics:1:1: error: metrics.om goes into each simulation's own report folder, which replications and sweeps write only when asked; add --keep-replications\n"))
        let file = meshsim(["compare", workspace.path("on.yaml"), "--sweep", "services.api.replicas=1,2", "--out", workspace.path("out"), "--quiet"])
        #expect(file.code == .badInput)
        #expect(file.err.contains("on.yaml:17:1: error: metrics.om goes into each simulation's own report folder"), "\(file.err)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    }

    /// metrics.om in the plain run's folder, in each setup's folder of a compare, and in each
    /// kept replication's folder, starting at the given time (+ the first interval, 1 s).
    @Test func everyRunFolderGetsItsMetrics() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let start = ["--metrics", "openmetrics", "--start-time", "2026-03-01T09:00:00Z", "--quiet"]
        #expect(meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("run")] + start).code == .success)
        #expect(meshsim(["compare", workspace.path("s.yaml"), "--out", workspace.path("compare")] + start).code == .success)
        #expect(meshsim(["run", workspace.path("s.yaml"), "--replications", "2", "--keep-replications", "--out", workspace.path("kept")] + start).code == .success)
        #expect(meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("off"), "--quiet"]).code == .success)
        for folder in ["run", "compare/fast", "compare/slow", "kept/replications/1", "kept/replications/2"] {
            let text = try workspace.read("\(folder)/metrics.om")
            #expect(text.hasSuffix("\n# EOF\n"), "\(folder)")
            #expect(text.contains("istio_requests_total{reporter=\"destination\",source_workload=\"kong\""), "\(folder)")
            // 2026-03-01T09:00:00Z is 1,772,355,600; the first interval ends 1 s later.
            #expect(text.contains(" 1772355601\n"), "\(folder)")
        }
        #expect(!FileManager.default.fileExists(atPath: workspace.path("off/metrics.om")))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("compare/metrics.om")))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("kept/metrics.om")))
    }

    /// The scenario's `namespace:` is the namespace of every workload and service the series
    /// name, as Istio writes them: `orders.shop.svc.cluster.local`, `spiffe://…/ns/shop/…`.
    @Test func theScenarioNamespaceNamesTheWorkloads() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario + "\nnamespace: shop\nmetrics: openmetrics\n"])
        #expect(meshsim(["run", workspace.path("s.yaml"), "--out", workspace.path("run"), "--quiet"]).code == .success)
        let text = try workspace.read("run/metrics.om")
        #expect(text.contains("destination_workload_namespace=\"shop\""))
        #expect(text.contains("destination_principal=\"spiffe://cluster.local/ns/shop/sa/api\""))
        #expect(text.contains("destination_service=\"api.shop.svc.cluster.local\""))
        #expect(!text.contains("namespace=\"default\""))
    }

    /// Same scenario and seed, same bytes: a compare of two setups with kept replications, the
    /// top report.html and each replication's report.html and metrics.om, with one job or two.
    @Test func theFilesAreTheSameWithOneJobOrTwo() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let arguments = ["compare", workspace.path("s.yaml"), "--metrics", "openmetrics", "--replications", "2", "--keep-replications", "--quiet"]
        #expect(meshsim(arguments + ["--jobs", "1", "--out", workspace.path("one")]).code == .success)
        #expect(meshsim(arguments + ["--jobs", "2", "--out", workspace.path("two")]).code == .success)
        var compared = 0
        for setup in ["fast", "slow"] {
            for file in ["replications/1/report.html", "replications/2/report.html", "replications/1/metrics.om", "replications/2/metrics.om"] {
                #expect(try workspace.read("one/\(setup)/\(file)") == workspace.read("two/\(setup)/\(file)"), "\(setup)/\(file)")
                compared += 1
            }
        }
        #expect(try workspace.read("one/report.html") == workspace.read("two/report.html"))
        #expect(compared == 8)
    }

    /// A 10 ms interval over 1,000 s: 100,000 samples of every series, gigabytes of
    /// metrics.om. Exit 2 before any folder is written, naming the numbers and the fix.
    @Test func anAbsurdMetricsFileIsRefusedWithExit2() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario.replacingOccurrences(of: "duration: 4s\ninterval: 1s", with: "duration: 1000s\ninterval: 10ms")])
        let result = meshsim(["run", workspace.path("s.yaml"), "--metrics", "openmetrics", "--out", workspace.path("out"), "--quiet"])
        #expect(result.code == .badInput)
        #expect(result.err.contains("s.yaml:4:1: error: metrics: openmetrics: by t = "), "\(result.err)")
        #expect(result.err.contains(" × 100,000 samples (interval 10ms over duration 1000s)"), "\(result.err)")
        #expect(result.err.contains("use a longer interval or a shorter duration"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    }
}
