import Foundation
import MeshsimCLI
import Testing

/// Runs meshsim in process on a scenario text written to a scratch file, for the robustness
/// suites: the exit code, everything printed, and the time series when reports were written.
enum ScratchRun {
    /// 2^63 - 1 nanoseconds, about 292 years: the largest duration the format accepts.
    static let maxDuration = "9223372036854775807ns"

    struct Outcome {
        var code: ExitCode
        var err: String
        /// `timeseries.csv` and `responses.csv` of a run that wrote its reports.
        var timeseries: String?
        var responses: String? = nil
    }

    /// `meshsim COMMAND FILE`, with `--out DIR --quiet` for run and `--out DIR` for compare.
    static func meshsim(_ command: String, _ text: String) throws -> Outcome {
        let workspace = try CommandTests.Workspace(["s.yaml": text])
        var arguments = [command, workspace.path("s.yaml")]
        if command == "run" { arguments += ["--out", workspace.path("out"), "--quiet"] }
        if command == "compare" { arguments += ["--out", workspace.path("out")] }
        let result = MeshsimCLITests.meshsim(arguments)
        // Absent when the run wrote no reports (bad input, compare's own layout).
        return Outcome(
            code: result.code, err: result.out + result.err,
            timeseries: try? workspace.read("out/timeseries.csv"), responses: try? workspace.read("out/responses.csv"))
    }

    /// Exit 2 with at least one located error for the scratch file.
    static func expectBadInput(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.code == .badInput, sourceLocation: sourceLocation)
        #expect(outcome.err.contains("s.yaml:") && outcome.err.contains(": error: "), "\(outcome.err)", sourceLocation: sourceLocation)
    }

    /// A run that may be refused (exit 2, located) or simulated (exit 0), as long as it ends
    /// (a runaway shows as a test that does not finish; wall time is never asserted).
    static func expectEndsCleanly(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.code == .success || outcome.code == .badInput, sourceLocation: sourceLocation)
        if outcome.code == .badInput {
            #expect(outcome.err.contains(": error: "), "\(outcome.err)", sourceLocation: sourceLocation)
        }
    }
}
