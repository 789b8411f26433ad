import Engine
import Reports
import Scenario

/// meshsim as a user runs it, minus the disk: scenario text → `ScenarioLoader` →
/// `Simulator.run` → `RunReports.files`, timed as one.
struct EnginePipeline {
    struct Outcome {
        /// Client requests in the run (the `total` scope; the benchmark scenarios have no warmup).
        var requests: Int
        /// Mean client latency, seconds.
        var meanLatency: Double
        /// Bytes of report text produced, so the reports are not optimised away.
        var reportBytes: Int
        var seconds: Double
        /// Building report.html alone from the same run, best of three: the share of the
        /// pipeline the page costs.
        var pageSeconds: Double
        var requestsPerSecond: Double { Double(requests) / seconds }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let text: String
    let file: String
    var overrides: [Override] = []

    func run() throws(Failure) -> Outcome {
        let (result, seconds) = Stopwatch.time { pipeline() }
        let (run, bytes) = try result.get()
        guard let total = run.summary.first(where: { $0.scope == ScopeKind.total }) else {
            throw Failure(description: "\(file): the run has no total row")
        }
        let page = (0..<3).map { _ in Stopwatch.time { RunPage.html(run).utf8.count }.seconds }.min() ?? 0
        return Outcome(requests: total.counts.requests, meanLatency: (total.latency?.mean ?? 0) / 1e9,
                       reportBytes: bytes, seconds: seconds, pageSeconds: page)
    }

    /// The timed part: the run and the byte count of its reports.
    private func pipeline() -> Result<(RunResult, Int), Failure> {
        let loaded = ScenarioLoader.load(text: text, file: file, overrides: overrides)
        guard let scenario = loaded.scenario else {
            return .failure(Failure(description: loaded.errors.map(\.description).joined(separator: "\n")))
        }
        do throws(DiagnosticList) {
            let run = try Simulator.run(scenario)
            return .success((run, RunReports.files(for: run).reduce(0) { $0 + $1.contents.utf8.count }))
        } catch {
            return .failure(Failure(description: error.description))
        }
    }
}
