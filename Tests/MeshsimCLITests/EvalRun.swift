import Foundation
import MeshsimCLI

/// `meshsim eval` on a scenario text in a fresh workspace, and the lines it prints: what
/// every eval test does before it asserts.
enum EvalRun {
    static func run(_ scenario: String, _ arguments: [String]) throws -> (code: ExitCode, out: String, err: String) {
        let workspace = try CommandTests.Workspace(["s.yaml": scenario])
        var console = Console()
        let code = Meshsim.main(["eval", workspace.path("s.yaml")] + arguments, console: &console)
        return (code, console.out, console.err)
    }

    /// The first line of `stage`, as printed (the name, its padding, the text).
    static func line(_ out: String, _ stage: String) -> String? {
        out.split(separator: "\n").first { $0.hasPrefix(stage + " ") }.map(String.init)
    }
}
