import Foundation

/// Wall time of `meshsim compare` on a scenario with variants, with its setups run at once
/// (`--jobs 2`) and one by one (`--jobs 1`), and whether every run wrote the same compare.csv.
struct CompareTiming {
    struct Outcome {
        var parallelSeconds: Double
        var serialSeconds: Double
        var identical: Bool
        /// The best `ParallelCapacity` seen, measured just before each pair of runs.
        var capacity: Double
        var speedup: Double { serialSeconds / parallelSeconds }
    }

    let meshsim: String
    let scenario: String
    /// Pairs of runs, alternating, so that a burst of other work on the machine hits both;
    /// each figure is the best of its runs.
    let rounds: Int
    /// Steps of each `ParallelCapacity` loop.
    let capacityIterations: Int

    func run() throws(Subprocess.Failure) -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-compare")
        defer { try? FileManager.default.removeItem(at: folder) }
        var parallel: [Double] = []
        var serial: [Double] = []
        var csvs: Set<Data?> = []
        var capacity = 0.0
        for round in 0..<max(1, rounds) {
            capacity = max(capacity, ParallelCapacity.measure(iterations: capacityIterations))
            let together = try compare(jobs: 2, out: folder.appendingPathComponent("parallel-\(round)"))
            let oneByOne = try compare(jobs: 1, out: folder.appendingPathComponent("serial-\(round)"))
            parallel.append(together.seconds)
            serial.append(oneByOne.seconds)
            csvs.formUnion([together.csv, oneByOne.csv])
        }
        return Outcome(parallelSeconds: parallel.min() ?? 0, serialSeconds: serial.min() ?? 0,
                       identical: csvs.count == 1 && !csvs.contains(nil), capacity: capacity)
    }

    private func compare(jobs: Int, out: URL) throws(Subprocess.Failure) -> (seconds: Double, csv: Data?) {
        let arguments = ["compare", scenario, "--jobs", String(jobs), "--out", out.path]
        let seconds = try Subprocess(executable: meshsim, arguments: arguments).run().seconds
        return (seconds, FileManager.default.contents(atPath: out.appendingPathComponent("compare.csv").path))
    }
}
