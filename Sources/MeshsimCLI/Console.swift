import Reports

/// Where a command writes: standard output for results, standard error for diagnostics
/// and progress. Collected in memory so commands can be tested in-process, unless sinks
/// take each line as it comes (the real process), so that a warning printed before a long
/// run is seen before the run, and the two streams interleave as they were written.
public struct Console: Sendable {
    public typealias Sink = @Sendable (String) -> Void
    /// Standard error is a terminal, so `run` may draw its progress line there directly (it
    /// is erased before the run's next line). False in tests.
    public var stderrIsTerminal = false
    /// Where progress lines are drawn (with `\r`, no newline) when `stderrIsTerminal`:
    /// standard error itself unless a test takes them.
    public var progressSink: Sink = ProgressLine.write

    /// What `print` collected; empty when there is an `outputSink`.
    public private(set) var out = ""
    /// What `printError` collected; empty when there is an `errorSink`.
    public private(set) var err = ""
    private let outputSink: Sink?
    private let errorSink: Sink?

    /// Each sink receives its stream's lines, newline included, at once.
    public init(outputSink: Sink? = nil, errorSink: Sink? = nil) {
        self.outputSink = outputSink
        self.errorSink = errorSink
    }

    public mutating func print(_ text: String) {
        if let outputSink {
            outputSink(text + "\n")
            return
        }
        out += text
        out += "\n"
    }

    public mutating func printError(_ text: String) {
        if let errorSink {
            errorSink(text + "\n")
            return
        }
        err += text
        err += "\n"
    }
}

extension Console {
    /// Whether `folder` can take a report folder (`ReportFolder.checkTarget`); prints why
    /// not. Commands ask before they simulate, so a wrong `--out` costs no run.
    mutating func acceptsReportFolder(_ folder: String) -> Bool {
        do {
            try ReportFolder.checkTarget(folder)
            return true
        } catch {
            printError("error: \(error.description)")
            return false
        }
    }
}

/// The process exit codes of outputs-and-cli.md.
public enum ExitCode: Int32, Sendable {
    /// Ran; every assertion held.
    case success = 0
    /// Ran; at least one assertion failed.
    case assertionFailed = 1
    /// Usage error, unreadable or invalid scenario.
    case badInput = 2
    /// Internal or I/O failure.
    case failure = 3
}
