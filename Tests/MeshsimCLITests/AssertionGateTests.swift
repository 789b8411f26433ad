import Foundation
import MeshsimCLI
import Testing

/// Assertions as a CI gate, end to end: the ✓/✗ lines, junit.xml, exit codes 0 and 1, and
/// the validate errors for assertions that name nothing.
@Suite struct AssertionGateTests {
    /// 50 requests/s evenly spaced for 20 s with a 5 s warmup: 750 counted requests in 15
    /// counted seconds (50/s), each answered in exactly 5 ms (the server is never busy).
    static func scenario(_ assertions: [String], variants: String = "") -> String {
        """
        name: gate
        duration: 20s
        warmup: 5s
        clients:
          - name: web
            target: api
            rate: 50/s
            arrival: uniform
        services:
          api:
            latency: 5ms
        \(variants)
        assertions:
        \(assertions.map { "  - \($0)" }.joined(separator: "\n"))
        """
    }

    @Test func allAssertionsHoldExitsZero() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(["p99 <= 5ms", "requests{client=web} == 750", "rps == 50"])])
        let result = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--quiet")
        #expect(result.code == .success)
        #expect(result.out.hasSuffix("""

            ✓ p99 <= 5ms (measured 5.000 ms)
            ✓ requests{client=web} == 750 (measured 750)
            ✓ rps == 50 (measured 50.000 rps)

            """))
        let junit = try workspace.read("out/junit.xml")
        #expect(junit.contains("<testsuite name=\"meshsim gate\" tests=\"3\" failures=\"0\">"))
        #expect(!junit.contains("<failure"))
    }

    @Test func aFailedAssertionExitsOneWithTheReportsWritten() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(["p99 < 5ms", "error_rate < 1%"])])
        let result = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--quiet")
        #expect(result.code == .assertionFailed)
        #expect(result.out.contains("\n✗ p99 < 5ms (measured 5.000 ms)\n✓ error_rate < 1% (measured 0.00%)\n"))
        for file in ["summary.csv", "timeseries.csv", "events.csv", "responses.csv", "junit.xml"] {
            #expect(FileManager.default.fileExists(atPath: workspace.path("out/\(file)")), "\(file)")
        }
        let junit = try workspace.read("out/junit.xml")
        #expect(junit.contains("tests=\"2\" failures=\"1\""))
        #expect(junit.contains("<failure message=\"measured 5.000 ms\">p99 &lt; 5ms: measured 5.000 ms</failure>"))
    }

    @Test func withoutAssertionsThereIsNoJUnitFile() throws {
        let workspace = try CommandTests.Workspace()
        #expect(meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--quiet").code == .success)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out/junit.xml")))
    }

    @Test func compareListsEachSetupsFailuresAndExitsOne() throws {
        // The slow variant answers in 8 ms, so only it fails p99 < 6ms.
        let variants = """
            variants:
              as-written: { duration: 20s }
              slow: { services.api.latency: 8ms }
            """
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(["p99 < 6ms", "requests == 750"], variants: variants)])
        let result = meshsim("compare", workspace.path("s.yaml"), "--out", workspace.path("out"))
        #expect(result.code == .assertionFailed)
        #expect(result.out.hasSuffix("\nslow: ✗ p99 < 6ms (measured 8.000 ms)\n"))
        #expect(!result.out.contains("as-written: ✗"))
        #expect(try workspace.read("out/slow/junit.xml").contains("failures=\"1\""))
        #expect(try workspace.read("out/as-written/junit.xml").contains("failures=\"0\""))

        let passing = meshsim("compare", workspace.path("s.yaml"), "--variant", "as-written", "--out", workspace.path("out2"))
        #expect(passing.code == .success)
        #expect(!passing.out.contains("✗"))
    }

    @Test func validateLocatesAssertionsThatNameNothing() throws {
        // Line 14 is the first assertion; each is on its own line, starting at column 5.
        let workspace = try CommandTests.Workspace([
            "metric.yaml": Self.scenario(["p99 < 5ms", "eror_rate < 1%"]),
            "label.yaml": Self.scenario(["p99{clinet=web} < 5ms"]),
            "value.yaml": Self.scenario(["p99 < 5ms", "p99{client=wbe} < 5ms", "p99{service=api, version=v2} < 1s"]),
        ])
        let metric = meshsim("validate", workspace.path("metric.yaml"))
        #expect(metric.code == .badInput)
        #expect(metric.out == "\(workspace.path("metric.yaml")):15:5: error: unknown metric \"eror_rate\"; did you mean \"error_rate\"?\n")
        let label = meshsim("validate", workspace.path("label.yaml"))
        #expect(label.code == .badInput)
        #expect(label.out == "\(workspace.path("label.yaml")):14:9: error: unknown label \"clinet\"; did you mean \"client\"?\n")
        let value = meshsim("validate", workspace.path("value.yaml"))
        #expect(value.code == .badInput)
        let path = workspace.path("value.yaml")
        #expect(value.out == """
            \(path):15:5: error: assertion p99{client=wbe} < 5ms: no client named "wbe"; did you mean "web"?
            \(path):16:5: error: assertion p99{service=api, version=v2} < 1s: service "api" has no version "v2" (versions: default)

            """)
        // And run refuses them the same way, simulating nothing.
        #expect(meshsim("run", path, "--out", workspace.path("out")).code == .badInput)
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    }
}
