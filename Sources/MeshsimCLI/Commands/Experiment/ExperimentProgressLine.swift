import Dispatch
import Experiments
import Reports
import Scenario

/// The line an experiment keeps up to date on a terminal's stderr: simulations done,
/// simulated time so far and the wall-clock time left, redrawn in place as `ProgressLine`
/// is, and erased at the end.
struct ExperimentProgressLine {
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64?

    mutating func update(_ progress: ExperimentRunner.Progress) {
        let now = DispatchTime.now().uptimeNanoseconds
        let interval = 1_000_000_000 / UInt64(ProgressLine.redrawsPerSecond)
        guard now - (lastDrawn ?? started) >= interval || progress.unitsDone == progress.unitsTotal else { return }
        lastDrawn = now
        let text = Self.render(progress, elapsed: Double(now - started) / 1e9)
        ProgressLine.write("\r" + text + "\u{1B}[K")
    }

    func clear() {
        if lastDrawn != nil { ProgressLine.write("\r\u{1B}[K") }
    }

    /// "12 of 40 simulations, 6m 40s simulated, ETA 1m 05s": the estimate assumes the
    /// simulations left take as long as those done on average.
    static func render(_ progress: ExperimentRunner.Progress, elapsed: Double) -> String {
        let simulated = ProgressLine.wallTime(Double(progress.simulated) / 1e9)
        var text = "\(CountText.grouped(progress.unitsDone)) of \(CountText.grouped(progress.unitsTotal)) simulations, \(simulated) simulated"
        if progress.unitsDone > 0, progress.unitsDone < progress.unitsTotal {
            let left = elapsed * Double(progress.unitsTotal - progress.unitsDone) / Double(progress.unitsDone)
            text += ", ETA " + ProgressLine.wallTime(left)
        }
        return text
    }
}
