import Foundation

/// Peak resident memory of a long sweep against one run of its largest point. The runner
/// keeps only each point's outcome (summary rows, assertion measurements) once its run ends,
/// so the sweep should need one simulation per job plus a thousand small outcomes; one
/// simulation's state kept per point would grow with the points instead.
struct SweepMemory {
    struct Figures {
        /// Kilobytes of one run of the largest point, of the sweep at `--jobs 1`, and at `--jobs 2`.
        var single: Int
        var serial: Int
        var parallel: Int
    }

    let meshsim: String
    let points: Int
    /// The suite's M/M/c, one simulated second a point: about 3,000 requests, so that the
    /// sweep's simulations are short and the memory the points leave behind shows.
    static let model = MMcModel.benchmark
    static let duration = 1
    /// The axis: the client's rate, from 2000/s up by 1/s a point, so every point stays
    /// below the model's 3000/s (75% load) and none queues without end.
    static let path = "clients[name=load].rate"

    var rates: [String] { (0..<points).map { "\(2000 + $0)/s" } }

    func measure() throws(Subprocess.Failure) -> Figures {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-sweep.yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Self.model.scenarioText(duration: Self.duration).write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw Subprocess.Failure(description: "cannot write \(file.path): \(error.localizedDescription)")
        }
        let memory = PeakMemory(meshsim: meshsim, scenario: file.path)
        let sweep = "\(Self.path)=\(rates.joined(separator: ","))"
        return Figures(
            single: try memory.kilobytes(["--set", "\(Self.path)=\(rates.last ?? "2000/s")"], name: "sweep-single"),
            serial: try memory.kilobytes(["--sweep", sweep, "--jobs", "1"], name: "sweep-jobs-1"),
            parallel: try memory.kilobytes(["--sweep", sweep, "--jobs", "2"], name: "sweep-jobs-2"))
    }
}
