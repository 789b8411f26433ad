import Foundation

/// Measures one size of a scaling sweep: writes the generated scenario to a file and times
/// the release `meshsim validate` and `meshsim run` on it as subprocesses, under
/// `/usr/bin/time -f %M` for the peak memory. meshsim runs under `timeout`, so a size the
/// engine cannot yet handle is reported as timed out instead of holding the suite; time,
/// outside it, still reports the memory that run had reached.
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
            let validate = try best([meshsim, "validate", scenario])
            point.validate = validate.seconds
            guard validate.seconds != nil else { return point }
        }
        let out = folder.appendingPathComponent("out-\(axis.rawValue)-\(size)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try best([meshsim, "run", scenario, "--out", out, "--quiet"])
        point.run = run.seconds
        point.kilobytes = run.kilobytes
        return point
    }

    struct Measured {
        /// Nil when meshsim was stopped at the timeout.
        var seconds: Double?
        /// The peak; when stopped, the peak so far.
        var kilobytes: Int
    }

    /// The fastest of up to `rounds` runs of `command` and the smallest peak memory; a run
    /// stopped at the timeout is the last.
    private func best(_ command: [String]) throws(Subprocess.Failure) -> Measured {
        var best = try timed(command)
        for _ in 1..<max(rounds, 1) {
            guard let seconds = best.seconds, seconds <= Self.repeatBelow else { break }
            let next = try timed(command)
            guard let again = next.seconds else { return next }
            best = Measured(seconds: min(seconds, again), kilobytes: min(best.kilobytes, next.kilobytes))
        }
        return best
    }

    /// Seconds and peak from GNU time's own last line (`%e %M`): Foundation's wait for the
    /// child polls every 50 ms, too coarse for runs of a tenth of a second.
    private func timed(_ command: [String]) throws(Subprocess.Failure) -> Measured {
        let arguments = ["-f", "%e %M", "/usr/bin/timeout", "--kill-after=5", String(Self.timeout)] + command
        let outcome = try Subprocess(executable: "/usr/bin/time", arguments: arguments, succeeds: [0, Self.timedOut]).run()
        let fields = outcome.stderr.split(separator: "\n").last?.split(separator: " ") ?? []
        guard fields.count == 2, let seconds = Double(fields[0]), let kilobytes = Int(fields[1]) else {
            throw Subprocess.Failure(description: "/usr/bin/time printed no time and peak memory: \(outcome.stderr)")
        }
        return Measured(seconds: outcome.status == 0 ? seconds : nil, kilobytes: kilobytes)
    }

    /// `timeout`'s exit status when it stopped meshsim, which GNU time passes on.
    private static let timedOut: Int32 = 124
}
