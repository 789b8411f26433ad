import Foundation
import Scenario

/// Peak resident memory of a `meshsim run` in its own process, read from GNU time's `%M`.
struct PeakMemory {
    let meshsim: String
    let scenario: String

    /// Maximum resident set size in kilobytes of the run with `duration` (such as `10s`).
    func kilobytes(duration: String) throws(Subprocess.Failure) -> Int {
        try kilobytes(["--set", "duration=\(duration)"], name: duration)
    }

    /// Maximum resident set size in kilobytes of a run that stops (exit 2) once `records`
    /// requests, calls and attempts are in flight.
    func kilobytes(stoppedAtInFlight records: Int) throws(Subprocess.Failure) -> Int {
        // Exit 2 alone could be a validation error or the events-waiting cap: only a stop at
        // this very cap measures the records.
        try kilobytes(["--max-in-flight", String(records)], name: "in-flight-\(records)", succeeds: [2],
                      expecting: "over the limit of \(CountText.grouped(records))")
    }

    /// Maximum resident set size in kilobytes of `meshsim run SCENARIO OPTIONS --out DIR --quiet`;
    /// `name` tells its report folder from the others'.
    func kilobytes(_ options: [String], name: String, succeeds: Set<Int32> = [0], expecting: String? = nil) throws(Subprocess.Failure) -> Int {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-memory-\(name)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let arguments = ["-f", "%M", meshsim, "run", scenario] + options + ["--out", out, "--quiet"]
        let stderr = try Subprocess(executable: "/usr/bin/time", arguments: arguments, succeeds: succeeds).run().stderr
        if let expecting, !stderr.contains(expecting) {
            throw Subprocess.Failure(description: "meshsim did not stop at the cap (\(expecting)): \(stderr)")
        }
        return try Self.kilobytes(timeOutput: stderr)
    }

    /// The peak of `/usr/bin/time -f %M`'s stderr: meshsim's own lines come first, time's is the last.
    private static func kilobytes(timeOutput stderr: String) throws(Subprocess.Failure) -> Int {
        guard let last = stderr.split(separator: "\n").last, let kilobytes = Int(last.trimmingCharacters(in: .whitespaces)) else {
            throw Subprocess.Failure(description: "/usr/bin/time printed no peak memory: \(stderr)")
        }
        return kilobytes
    }
}
