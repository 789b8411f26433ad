import Engine

/// The assertion lines printed after a run's summary: `✓ p99 < 300ms (measured 212.345 ms)`
/// for one that held, `✗ error_rate < 1% (measured 3.20%)` for one that failed.
public enum AssertionList {
    /// One line per verdict, in order, joined by "\n" with no newline after the last.
    public static func render(_ verdicts: [AssertionVerdict]) -> String {
        verdicts.map(line).joined(separator: "\n")
    }

    /// The failed ones only, each after `prefix` (compare names the setup: "canary: ✗ …").
    public static func renderFailures(_ verdicts: [AssertionVerdict], prefix: String) -> String {
        verdicts.filter { !$0.passed }.map { prefix + line($0) }.joined(separator: "\n")
    }

    static func line(_ verdict: AssertionVerdict) -> String {
        "\(verdict.passed ? "✓" : "✗") \(verdict.assertion.text) (measured \(verdict.measured))"
    }
}
