import Scenario

/// One assertion after a run: what was measured and whether the assertion held.
public struct AssertionVerdict: Sendable, Hashable {
    public var assertion: Assertion
    /// The measured value as people read it: "412.031 ms", "1.23%", "1520", "25.000 rps",
    /// "promoted"; or why there is none ("no requests", "no rollout"), which fails.
    public var measured: String
    public var passed: Bool

    public init(assertion: Assertion, measured: String, passed: Bool) {
        self.assertion = assertion
        self.measured = measured
        self.passed = passed
    }
}
