import Foundation

/// Wall time of a `meshsim` command that runs several simulations (`compare`, `run
/// --replications`), with them run two at a time (`--jobs 2`) and one by one (`--jobs 1`),
/// and whether every run wrote the same report files, byte for byte.
struct JobsTiming {
    struct Outcome {
        var parallelSeconds: Double
        var serialSeconds: Double
        /// The report files compared, by path inside the report folder, sorted.
        var files: [String]
        /// Every run wrote these same files with the same bytes, and there was at least one.
        var identical: Bool
        /// The best `ParallelCapacity` seen, measured just before each pair of runs.
        var capacity: Double
        var speedup: Double { serialSeconds / parallelSeconds }

        /// A busy machine cannot show a parallel speed-up: a missed target counts only when
        /// the control shows two threads could reach it.
        func verdict(target: Double, cores: Int) -> BenchmarkReport.Verdict {
            speedup >= target ? .pass : (cores < 2 || capacity < target ? .unavailable : .fail)
        }

        /// `2.06 s / 2.51 s (1.22x)`.
        var figures: String {
            "\(NumberText.fixed(parallelSeconds, 2)) s / \(NumberText.fixed(serialSeconds, 2)) s "
                + "(\(NumberText.fixed(speedup, 2))x)"
        }
    }

    let meshsim: String
    /// The command line before `--jobs N --out DIR`, such as `compare SCENARIO`.
    let command: [String]
    /// The report files compared between runs, by path inside the folder; nil: every file.
    var compared: Set<String>?
    /// Pairs of runs, alternating, so that a burst of other work on the machine hits both;
    /// each figure is the best of its runs.
    let rounds: Int
    /// Steps of each `ParallelCapacity` loop.
    let capacityIterations: Int

    func run() throws(Subprocess.Failure) -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-jobs-\(command.first ?? "")")
        defer { try? FileManager.default.removeItem(at: folder) }
        var parallel: [Double] = []
        var serial: [Double] = []
        var folders: [[String: Data]] = []
        var capacity = 0.0
        for round in 0..<max(1, rounds) {
            capacity = max(capacity, ParallelCapacity.measure(iterations: capacityIterations))
            let together = try timed(jobs: 2, out: folder.appendingPathComponent("parallel-\(round)"))
            let oneByOne = try timed(jobs: 1, out: folder.appendingPathComponent("serial-\(round)"))
            parallel.append(together.seconds)
            serial.append(oneByOne.seconds)
            folders += [together.files, oneByOne.files]
        }
        let first = folders.first ?? [:]
        return Outcome(parallelSeconds: parallel.min() ?? 0, serialSeconds: serial.min() ?? 0, files: first.keys.sorted(),
                       identical: !first.isEmpty && folders.allSatisfy { $0 == first }, capacity: capacity)
    }

    private func timed(jobs: Int, out: URL) throws(Subprocess.Failure) -> (seconds: Double, files: [String: Data]) {
        let arguments = command + ["--jobs", String(jobs), "--out", out.path]
        let seconds = try Subprocess(executable: meshsim, arguments: arguments).run().seconds
        return (seconds, reportFiles(in: out))
    }

    /// The regular files under `folder` (those in `compared`, when given), by relative path.
    private func reportFiles(in folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let path = walk.nextObject() as? String {
            guard walk.fileAttributes?[.type] as? FileAttributeType == .typeRegular, compared?.contains(path) ?? true,
                  let contents = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
            files[path] = contents
        }
        return files
    }
}
