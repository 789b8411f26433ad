import Foundation
import MeshsimCLI
import Testing

/// Runs the CLI in process, as the target's tests do: its exit code, stdout and stderr.
func meshsim(_ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
    var console = Console()
    let code = Meshsim.main(arguments, console: &console)
    return (code, console.out, console.err)
}

func meshsim(_ arguments: String...) -> (code: ExitCode, out: String, err: String) {
    meshsim(arguments)
}

/// The CLI end to end, in process: exit codes, `validate` output, `--set`, report bytes.
@Suite struct CommandTests {
    static let scenario = """
        name: cli-test
        seed: 3
        duration: 20s
        clients:
          - name: web
            rate: 50/s
        gateway:
          routes:
            - { name: all, paths: [/], service: api }
        services:
          api:
            replicas: 2
            concurrency: 4
            latency: exp(5ms)
            errors: 1%
        """

    /// A scratch folder with the scenario written into it, removed when the test ends.
    final class Workspace {
        let root: URL

        init(_ files: [String: String] = ["s.yaml": CommandTests.scenario]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (name, text) in files {
                try text.write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        func read(_ name: String) throws -> String { try String(contentsOfFile: path(name), encoding: .utf8) }
    }

    @Test func runWritesTheFourReportsAndExitsZero() throws {
        let workspace = try Workspace()
        let result = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"))
        #expect(result.code == .success)
        for file in ["summary.csv", "timeseries.csv", "events.csv", "responses.csv"] {
            #expect(FileManager.default.fileExists(atPath: workspace.path("out/\(file)")))
        }
        let summary = try workspace.read("out/summary.csv")
        #expect(summary.hasPrefix("scope,name,requests,ok,errors,error_rate,rate_limited,unauthorized,timeouts,overflows,retries,p50_ms,p90_ms,p99_ms,p999_ms,max_ms,mean_ms"))
        #expect(result.out.contains("web"))
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let workspace = try Workspace()
        #expect(meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("a"), "--quiet").code == .success)
        #expect(meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("b"), "--quiet").code == .success)
        #expect(meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("c"), "--seed", "4", "--quiet").code == .success)
        for file in ["summary.csv", "timeseries.csv", "events.csv", "responses.csv"] {
            #expect(try workspace.read("a/\(file)") == workspace.read("b/\(file)"))
        }
        #expect(try workspace.read("a/summary.csv") != workspace.read("c/summary.csv"))
    }

    @Test func setOverridesAFieldByPath() throws {
        let workspace = try Workspace()
        let result = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--set", "services.api.errors=100%", "--set", "clients[0].arrival=uniform", "--quiet")
        #expect(result.code == .success)
        let summary = try workspace.read("out/summary.csv")
        let total = try #require(summary.split(separator: "\n").first { $0.hasPrefix("total,all,") })
        let fields = total.split(separator: ",", omittingEmptySubsequences: false)
        // 50/s evenly spaced for 20 s, every one answered 500.
        #expect(fields[2] == "1000")
        #expect(fields[4] == "1000")
    }

    @Test func durationOverrideShortensTheRun() throws {
        let workspace = try Workspace()
        #expect(meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--duration", "2s", "--set", "clients[0].arrival=uniform", "--quiet").code == .success)
        let summary = try workspace.read("out/summary.csv")
        #expect(summary.contains("\ntotal,all,100,"))
    }

    @Test func validateReportsEveryErrorWithFileLineAndColumn() throws {
        let broken = """
            name: broken
            duration: 10
            clients:
              - name: web
                rate: 50/s
                retires: { attempts: 2 }
            services:
              api: { latency: 5ms }
            """
        let workspace = try Workspace(["bad.yaml": broken])
        let result = meshsim("validate", workspace.path("bad.yaml"))
        #expect(result.code == .badInput)
        let lines = result.out.split(separator: "\n").map(String.init)
        let path = workspace.path("bad.yaml")
        // A bare number for a duration, and a misspelled key with a suggestion.
        #expect(lines.contains { $0.hasPrefix("\(path):2:11: error:") })
        #expect(lines.contains { $0.hasPrefix("\(path):6:5: error:") && $0.contains("retries") })
    }

    @Test func validateAcceptsAGoodScenario() throws {
        let workspace = try Workspace()
        let result = meshsim("validate", workspace.path("s.yaml"))
        #expect(result.code == .success)
        #expect(result.out.isEmpty)
    }

    @Test func badInputExitsTwo() throws {
        let workspace = try Workspace()
        #expect(meshsim("run", workspace.path("missing.yaml")).code == .badInput)
        #expect(meshsim("run").code == .badInput)
        #expect(meshsim("frobnicate").code == .badInput)
        #expect(meshsim("run", workspace.path("s.yaml"), "--set", "services.api.replicas=many", "--out", workspace.path("x")).code == .badInput)
        // Nothing is written for a rejected run.
        #expect(!FileManager.default.fileExists(atPath: workspace.path("x")))
    }

    @Test func anUnwritableReportFolderExitsThree() throws {
        let workspace = try Workspace(["s.yaml": Self.scenario, "file": "not a folder"])
        #expect(meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("file/out"), "--quiet").code == .failure)
    }

    /// A path that can never take the reports is the user's input, refused before the run.
    @Test func anOutThatIsNotAReportFolderIsBadInputBeforeTheRun() throws {
        let workspace = try Workspace(["s.yaml": Self.scenario, "file": "not a folder"])
        try FileManager.default.createDirectory(atPath: workspace.path("home"), withIntermediateDirectories: false)
        try "mine".write(toFile: workspace.path("home/notes.txt"), atomically: true, encoding: .utf8)
        let onFile = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("file"))
        #expect(onFile.code == .badInput)
        #expect(onFile.err.contains("exists and is not a folder"))
        #expect(!onFile.err.contains("simulated"))
        let onOtherFolder = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("home"))
        #expect(onOtherFolder.code == .badInput)
        #expect(onOtherFolder.err.contains("which is not a report file"))
        #expect(try String(contentsOfFile: workspace.path("home/notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func helpAndVersionExitZero() {
        #expect(meshsim("--help").code == .success)
        let version = meshsim("--version")
        #expect(version.code == .success)
        #expect(version.out.hasPrefix("meshsim "))
    }
}
