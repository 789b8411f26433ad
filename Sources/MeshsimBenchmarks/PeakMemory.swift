import Foundation

/// Peak resident memory of a `meshsim run` in its own process, read from GNU time's `%M`.
struct PeakMemory {
    let meshsim: String
    let scenario: String

    /// Maximum resident set size in kilobytes of the run with `duration` (such as `10s`).
    func kilobytes(duration: String) throws(Subprocess.Failure) -> Int {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-memory-\(duration)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let arguments = ["-f", "%M", meshsim, "run", scenario, "--set", "duration=\(duration)", "--out", out, "--quiet"]
        let stderr = try Subprocess(executable: "/usr/bin/time", arguments: arguments).run().stderr
        // meshsim's own stderr comes first; time's line is the last.
        guard let last = stderr.split(separator: "\n").last, let kilobytes = Int(last.trimmingCharacters(in: .whitespaces)) else {
            throw Subprocess.Failure(description: "/usr/bin/time printed no peak memory: \(stderr)")
        }
        return kilobytes
    }
}
