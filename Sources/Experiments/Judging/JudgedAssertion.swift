import Engine
import Scenario

/// An assertion judged over several replications (`AssertionJudge`): pass when the whole
/// 95% interval satisfies it, fail when the whole interval violates it, inconclusive
/// otherwise; or judged in one run, where it passes or fails.
public struct JudgedAssertion: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable { case pass, fail, inconclusive }

    public var assertion: Assertion
    public var outcome: Outcome
    /// The interval of the measured values (numbers only), in the assertion's unit as
    /// `AssertionMeasurement` gives it (nanoseconds, fractions, counts).
    public var estimate: Estimate?
    /// As the terminal and junit.xml print it: "214.200 ± 3.100 ms (95% CI 211.100 to
    /// 217.300 ms, 10 replications)", "promoted in 7 of 10 replications", "no requests in
    /// replication 3"; for one run the run's own text ("212.345 ms").
    public var measured: String
    /// For inconclusive ones: "about 30 replications would likely decide it", or why more
    /// would not; nil otherwise.
    public var advice: String?

    public init(assertion: Assertion, outcome: Outcome, estimate: Estimate?, measured: String, advice: String?) {
        self.assertion = assertion
        self.outcome = outcome
        self.estimate = estimate
        self.measured = measured
        self.advice = advice
    }

    /// The assertion in a single run (a sweep point without replications): its verdict and
    /// measured text as the run gives them; the estimate of a number is the value itself.
    public static func oneRun(_ assertion: Assertion, _ measurement: AssertionMeasurement) -> JudgedAssertion {
        var estimate: Estimate?
        if case .number(let value) = measurement.value { estimate = Estimate([value]) }
        return JudgedAssertion(
            assertion: assertion, outcome: measurement.passed ? .pass : .fail, estimate: estimate,
            measured: measurement.text, advice: nil)
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
