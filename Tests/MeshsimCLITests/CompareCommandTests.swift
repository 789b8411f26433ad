import Foundation
@testable import MeshsimCLI
import Testing

/// `meshsim compare`: setups side by side on identical traffic.
@Suite struct CompareCommandTests {
    static let scenario = """
        name: limits
        seed: 5
        duration: 2m
        clients:
          - { name: web, rate: 20/s }
        gateway:
          replicas: 2
          plugins:
            - name: rate-limiting
              config: { minute: 2000, policy: cluster }
          routes:
            - { name: all, paths: [/], service: api }
        services:
          api: { replicas: 2, concurrency: 8, latency: exp(5ms) }
        variants:
          loose: {}
          strict: { "gateway.plugins[name=rate-limiting].config.minute": 600 }
          local: { "gateway.plugins[name=rate-limiting].config.policy": local, "gateway.plugins[name=rate-limiting].config.minute": 600 }
        """

    func compare(_ workspace: CommandTests.Workspace, _ arguments: [String]) -> (code: ExitCode, out: String, err: String) {
        var console = Console()
        let options: CompareOptions
        do {
            guard case .compare(let parsed) = try ArgumentParser.parse(["compare"] + arguments) else { return (.badInput, "", "") }
            options = parsed
        } catch {
            return (.badInput, "", error.description)
        }
        let code = CompareCommand.run(options, console: &console)
        return (code, console.out, console.err)
    }

    func rows(_ csv: String, scope: String, name: String) -> [[Substring]] {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            .filter { $0.count > 2 && $0[1] == scope && $0[2] == name }
    }

    @Test func everyVariantSeesTheSameRequestsAndTheLimitsDiffer() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let result = compare(workspace, [workspace.path("s.yaml"), "--out", workspace.path("out")])
        #expect(result.code == .success)
        let csv = try workspace.read("out/compare.csv")
        #expect(csv.hasPrefix("variant,scope,name,requests,ok,errors,error_rate,rate_limited,p50_ms,p99_ms,retries,ejections,proxies,proxy_rps,proxy_vcpu,proxy_memory_mb,sidecar_ms\n"))
        let total = rows(csv, scope: "total", name: "all")
        #expect(total.map { String($0[0]) } == ["loose", "strict", "local"])
        // Common random numbers: the client's arrivals are identical in every setup.
        #expect(Set(total.map { $0[3] }).count == 1)
        let ok = total.map { Int($0[4]) ?? -1 }
        let limited = total.map { Int($0[7]) ?? -1 }
        // 20/s Poisson is 1200 ± 35 a minute. A shared 2000 a minute never binds; a shared
        // 600 passes exactly 600 in each of the two minutes; 600 on each of two replicas
        // (each sees about 600 a minute) passes nearly all: well above 2200 of about 2400.
        #expect(limited[0] == 0)
        #expect(ok[1] == 1200)
        #expect(ok[2] > 2200)
        for variant in ["loose", "strict", "local"] {
            #expect(FileManager.default.fileExists(atPath: workspace.path("out/\(variant)/summary.csv")))
        }
        #expect(result.out.contains("strict"))
    }

    @Test func parallelAndOneByOneGiveTheSameBytes() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        #expect(compare(workspace, [workspace.path("s.yaml"), "--out", workspace.path("p"), "--jobs", "3"]).code == .success)
        #expect(compare(workspace, [workspace.path("s.yaml"), "--out", workspace.path("s"), "--jobs", "1"]).code == .success)
        for file in ["compare.csv", "strict/summary.csv", "local/timeseries.csv", "loose/responses.csv"] {
            #expect(try workspace.read("p/\(file)") == workspace.read("s/\(file)"))
        }
    }

    @Test func variantPicksAndTwoFiles() throws {
        let other = Self.scenario.replacingOccurrences(of: "name: limits", with: "name: other")
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario, "t.yaml": other])
        let picked = compare(workspace, [workspace.path("s.yaml"), "--variant", "strict", "--out", workspace.path("one")])
        #expect(picked.code == .success)
        #expect(rows(try workspace.read("one/compare.csv"), scope: "total", name: "all").map { String($0[0]) } == ["strict"])
        let files = compare(workspace, [workspace.path("s.yaml"), workspace.path("t.yaml"), "--out", workspace.path("two")])
        #expect(files.code == .success)
        #expect(rows(try workspace.read("two/compare.csv"), scope: "total", name: "all").map { String($0[0]) } == ["limits", "other"])
    }

    @Test func anUnknownVariantOrNoVariantsIsBadInput() throws {
        let bare = Self.scenario.components(separatedBy: "variants:")[0]
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario, "bare.yaml": bare])
        let unknown = compare(workspace, [workspace.path("s.yaml"), "--variant", "strcit"])
        #expect(unknown.code == .badInput)
        #expect(unknown.err.contains("did you mean 'strict'?"))
        #expect(compare(workspace, [workspace.path("bare.yaml")]).code == .badInput)
    }

    /// issue 16: `compare x.yaml x.yaml` exited 3 (both setups wrote x/summary.csv); the same
    /// file twice, however spelt, is a usage error.
    @Test func theSameFileTwiceIsBadInput() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let path = workspace.path("s.yaml")
        for second in [path, workspace.root.path + "/./s.yaml"] {
            let result = compare(workspace, [path, second, "--out", workspace.path("out")])
            #expect(result.code == .badInput)
            #expect(result.err.hasPrefix("error: \(path) and \(second) are the same file; compare two different scenarios"))
            #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
        }
    }

    /// Two files with the same scenario name and the same file name (a/s.yaml, b/s.yaml)
    /// get numbered setup folders instead of failing on a report written twice.
    @Test func twoFilesOfTheSameNameGetNumberedSetups() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        for folder in ["a", "b"] {
            try FileManager.default.createDirectory(atPath: workspace.path(folder), withIntermediateDirectories: true)
            try Self.scenario.write(toFile: workspace.path("\(folder)/s.yaml"), atomically: true, encoding: .utf8)
        }
        let result = compare(workspace, [workspace.path("a/s.yaml"), workspace.path("b/s.yaml"), "--out", workspace.path("out")])
        #expect(result.code == .success)
        #expect(rows(try workspace.read("out/compare.csv"), scope: "total", name: "all").map { String($0[0]) } == ["s-1", "s-2"])
    }

    /// issue 16: `compare --quiet` was refused; like `run --quiet` it drops the timing line.
    @Test func quietDropsTheTimingLine() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let loud = compare(workspace, [workspace.path("s.yaml"), "--variant", "strict", "--out", workspace.path("loud")])
        #expect(loud.err.hasPrefix("compared 1 setups on identical traffic; reports in "))
        let quiet = compare(workspace, [workspace.path("s.yaml"), "--variant", "strict", "--out", workspace.path("quiet"), "--quiet"])
        #expect(quiet.code == .success)
        #expect(quiet.err == "")
        #expect(quiet.out == loud.out)
    }
}
