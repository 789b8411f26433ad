import Scenario

/// An assertion judged over several replications (lead's interface; the judging helper
/// fills in how): pass when the whole 95% interval satisfies it, fail when the whole
/// interval violates it, inconclusive otherwise.
public struct JudgedAssertion: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable { case pass, fail, inconclusive }

    public var assertion: Assertion
    public var outcome: Outcome
    /// The interval of the measured values (numbers only), in the assertion's unit as
    /// `AssertionMeasurement` gives it (nanoseconds, fractions, counts).
    public var estimate: Estimate?
    /// As the terminal and junit.xml print it: "214.2 ± 3.1 ms (95% CI 211.1 to 217.3 ms, 10 replications)".
    public var measured: String
    /// For inconclusive ones: "about 30 replications would likely decide it"; nil otherwise.
    public var advice: String?

    public init(assertion: Assertion, outcome: Outcome, estimate: Estimate?, measured: String, advice: String?) {
        self.assertion = assertion
        self.outcome = outcome
        self.estimate = estimate
        self.measured = measured
        self.advice = advice
    }

    /// Whether it lets the exit code be 0 under `policy`.
    public func passes(under policy: InconclusivePolicy) -> Bool {
        switch outcome {
        case .pass: return true
        case .fail: return false
        case .inconclusive: return policy == .pass
        }
    }
}
