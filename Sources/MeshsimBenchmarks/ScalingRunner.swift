import Foundation

/// Measures one size of a scaling sweep: writes the generated scenario to a file and times
/// the release `meshsim validate` and `meshsim run` on it as subprocesses, the run under
/// `/usr/bin/time -f %M` for its peak memory. Each command runs under `timeout`, which stops
/// the whole process group (time and meshsim), so a size the engine cannot yet handle is
/// reported as timed out instead of holding the suite.
struct ScalingRunner {
    let meshsim: String
    /// Where the scenarios and report folders go; removed by the caller.
    let folder: URL
    /// Runs of each command; the best time counts, as the machine is shared and noisy.
    let rounds: Int
    /// Seconds before a command is stopped.
    static let timeout = 60
    /// A command slower than this runs once: at 20 times the 10-service run it is far off
    /// every target, and a second run would only double the section's time.
    static let repeatBelow = 20.0

    func measure(_ axis: ScaleScenario.Axis, size: Int, validates: Bool) throws(Subprocess.Failure) -> ScalingSweep.Point {
        let scenario = folder.appendingPathComponent("\(axis.rawValue)-\(size).yaml").path
        do {
            try ScaleScenario(axis: axis, size: size).text.write(toFile: scenario, atomically: true, encoding: .utf8)
        } catch {
            throw Subprocess.Failure(description: "cannot write \(scenario): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(atPath: scenario) }
        var point = ScalingSweep.Point(size: size)
        if validates {
            guard let validate = try best([meshsim, "validate", scenario]) else { return point }
            point.validate = validate.seconds
        }
        let out = folder.appendingPathComponent("out-\(axis.rawValue)-\(size)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        guard let run = try best(["/usr/bin/time", "-f", "%M", meshsim, "run", scenario, "--out", out, "--quiet"]) else {
            return point
        }
        point.run = run.seconds
        point.kilobytes = run.kilobytes
        return point
    }

    private struct Measured {
        var seconds: Double
        /// Read when the command is `/usr/bin/time -f %M …`.
        var kilobytes: Int?
    }

    /// The fastest of up to `rounds` runs of `command` (and the smallest peak memory), or nil
    /// once one is stopped at the timeout.
    private func best(_ command: [String]) throws(Subprocess.Failure) -> Measured? {
        var best: Measured?
        for _ in 0..<rounds {
            guard let next = try timed(command) else { return nil }
            let kilobytes = [best?.kilobytes, next.kilobytes].compactMap { $0 }.min()
            best = Measured(seconds: min(best?.seconds ?? next.seconds, next.seconds), kilobytes: kilobytes)
            if next.seconds > Self.repeatBelow { break }
        }
        return best
    }

    /// Runs `command` under `timeout`; nil when it was stopped there.
    private func timed(_ command: [String]) throws(Subprocess.Failure) -> Measured? {
        let arguments = ["--kill-after=5", String(Self.timeout)] + command
        let outcome = try Subprocess(executable: "/usr/bin/timeout", arguments: arguments, succeeds: [0, Self.timedOut]).run()
        guard outcome.status == 0 else { return nil }
        let kilobytes = command.first == "/usr/bin/time" ? try PeakMemory.kilobytes(timeOutput: outcome.stderr) : nil
        return Measured(seconds: outcome.seconds, kilobytes: kilobytes)
    }

    /// `timeout`'s exit status when it stopped the command.
    private static let timedOut: Int32 = 124
}
