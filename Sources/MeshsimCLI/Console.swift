/// Where a command writes: standard output for results, standard error for diagnostics
/// and progress. Collected in memory so commands can be tested in-process.
public struct Console: Sendable {
    public private(set) var out = ""
    public private(set) var err = ""
    /// Standard error is a terminal, so `run` may draw its progress line there directly (it
    /// is erased before anything collected here is printed). False in tests.
    public var stderrIsTerminal = false

    public init() {}

    public mutating func print(_ text: String) {
        out += text
        out += "\n"
    }

    public mutating func printError(_ text: String) {
        err += text
        err += "\n"
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
