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
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("s.yaml").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        var arguments = [command, file]
        if command == "run" { arguments += ["--out", out.path, "--quiet"] }
        if command == "compare" { arguments += ["--out", out.path] }
        var console = Console()
        let code = Meshsim.main(arguments, console: &console)
        let timeseries = try? String(contentsOf: out.appendingPathComponent("timeseries.csv"), encoding: .utf8)
        let responses = try? String(contentsOf: out.appendingPathComponent("responses.csv"), encoding: .utf8)
        return Outcome(code: code, err: console.out + console.err, timeseries: timeseries, responses: responses)
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
