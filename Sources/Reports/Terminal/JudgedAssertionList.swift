import Experiments

/// The assertion lines after an experiment's table, one per judged assertion:
/// `✓ p99 < 300ms: pass, 212.345 ± 4.100 ms (95% CI 208.245 to 216.445 ms, 10 replications)`,
/// `✗ …: fail, …`, and `? …: inconclusive, …; about 40 replications would likely decide it`.
public enum JudgedAssertionList {
    /// One line per judged assertion, in order, each after `prefix`, joined by "\n" with no
    /// newline after the last.
    public static func render(_ judged: [JudgedAssertion], prefix: String = "") -> String {
        judged.map { prefix + line($0) }.joined(separator: "\n")
    }

    /// Only those that did not pass (compare names the setup in `prefix`: "canary: ✗ …").
    public static func renderUnsettled(_ judged: [JudgedAssertion], prefix: String) -> String {
        render(judged.filter { $0.outcome != .pass }, prefix: prefix)
    }

    static func line(_ judged: JudgedAssertion) -> String {
        let mark: String
        switch judged.outcome {
        case .pass: mark = "✓"
        case .fail: mark = "✗"
        case .inconclusive: mark = "?"
        }
        let advice = judged.advice.map { "; " + $0 } ?? ""
        return "\(mark) \(judged.assertion.text): \(judged.outcome.rawValue), \(judged.measured)\(advice)"
    }
}
