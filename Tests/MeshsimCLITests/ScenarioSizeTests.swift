import Foundation
import MeshsimCLI
import Synchronization
import Testing

/// issue 22: a big scenario's size on stderr (1,000 services, 10,000 instances or 1,000 clients
/// or more), and the world's build drawn on a terminal only.
@Suite struct ScenarioSizeTests {
    /// `services` services s0, s1, … of `replicas` instances each; one client calls s0 for 1 s.
    static func scenario(services: Int, replicas: Int) -> String {
        var lines = ["name: big", "duration: 1s", "clients:", "  - { name: web, target: s0, rate: 10/s }", "services:"]
        lines += (0..<services).map { "  s\($0): { replicas: \(replicas), latency: 1ms }" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func validatePrintsTheSizeOfABigScenario() throws {
        let workspace = try CommandTests.Workspace([
            "services.yaml": Self.scenario(services: 1000, replicas: 1),
            "instances.yaml": Self.scenario(services: 1, replicas: 10_000),
        ])
        let services = meshsim("validate", workspace.path("services.yaml"))
        #expect(services.code == .success)
        #expect(services.err.contains("meshsim: 1,000 services, 1,000 versions, 1,000 instances, 1 client, 0 routes\n"))
        let instances = meshsim("validate", workspace.path("instances.yaml"))
        #expect(instances.err.contains("meshsim: 1 service, 1 version, 10,000 instances, 1 client, 0 routes\n"))
    }

    /// 999 services of 10 instances each: 9,990 instances, one client; under every threshold.
    @Test func justUnderTheThresholdsThereIsNoLine() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(services: 999, replicas: 10)])
        let result = meshsim("validate", workspace.path("s.yaml"))
        #expect(result.code == .success)
        #expect(!result.err.contains("meshsim:"))
        #expect(result.err == "1 file checked: 0 errors, 0 warnings\n")
    }

    /// `run` on a terminal: the size line on stderr, and the build drawn in place on the
    /// terminal, its last state all services, then erased. Not a terminal: the size line only.
    @Test func runDrawsTheBuildOnlyOnATerminal() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario(services: 1000, replicas: 1)])
        for terminal in [true, false] {
            let drawn = Mutex("")
            var console = Console()
            console.stderrIsTerminal = terminal
            console.progressSink = { text in drawn.withLock { $0 += text } }
            let code = Meshsim.main(["run", workspace.path("s.yaml"), "--out", workspace.path("out")], console: &console)
            #expect(code == .success)
            #expect(console.err.hasPrefix("meshsim: 1,000 services, 1,000 versions, 1,000 instances, 1 client, 0 routes\n"))
            let text = drawn.withLock { $0 }
            if terminal {
                #expect(text.hasPrefix("\rbuilding the world: services 0/1,000\u{1B}[K"))
                #expect(text.contains("\rbuilding the world: services 1,000/1,000\u{1B}[K"))
                #expect(text.hasSuffix("\r\u{1B}[K"))
                #expect(!text.contains("\n"))
            } else {
                #expect(text == "")
            }
        }
    }

    /// `--quiet` drops the size line and the drawing; a small scenario has neither.
    @Test func quietAndSmallRunsPrintNoSize() throws {
        let workspace = try CommandTests.Workspace(["big.yaml": Self.scenario(services: 1000, replicas: 1), "small.yaml": CommandTests.scenario])
        for arguments in [[workspace.path("big.yaml"), "--quiet"], [workspace.path("small.yaml")]] {
            let drawn = Mutex("")
            var console = Console()
            console.stderrIsTerminal = true
            console.progressSink = { text in drawn.withLock { $0 += text } }
            let code = Meshsim.main(["run"] + arguments + ["--out", workspace.path("out")], console: &console)
            #expect(code == .success)
            #expect(!console.err.contains("meshsim:"))
            #expect(!drawn.withLock { $0 }.contains("building the world"))
        }
    }
}
