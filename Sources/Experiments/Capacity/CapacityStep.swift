/// One value a capacity search evaluated, as capacity.csv and the terminal show it.
public struct CapacityStep: Sendable, Hashable {
    /// 1-based, in the order evaluated (the ends are steps 1 and 2).
    public var step: Int
    /// In units of the range's grid (`VariedValue`).
    public var value: Int64
    /// Simulations behind the verdict.
    public var replications: Int
    /// The value's assertions together: fail if any failed, else inconclusive if any was,
    /// else pass.
    public var verdict: JudgedAssertion.Outcome
    /// What kept the value from passing, each `ASSERTION (measured …)`: the failed
    /// assertions, or for an inconclusive verdict the inconclusive ones.
    public var failing: [String]
    /// Every assertion as judged at the value, with its measured interval (report.html
    /// charts it against the value); empty when the step was given its verdict directly.
    public var judged: [JudgedAssertion]

    public init(
        step: Int, value: Int64, replications: Int, verdict: JudgedAssertion.Outcome, failing: [String], judged: [JudgedAssertion] = []
    ) {
        self.step = step
        self.value = value
        self.replications = replications
        self.verdict = verdict
        self.failing = failing
        self.judged = judged
    }

    /// Assertions judged over `replications` simulations (one: that run's verdicts).
    public init(step: Int, value: Int64, replications: Int, judged: [JudgedAssertion]) {
        let verdict = AssertionJudge.verdict(judged) ?? .pass
        self.init(step: step, value: value, replications: replications, verdict: verdict,
                  failing: judged.filter { $0.outcome == verdict && verdict != .pass }.map { "\($0.assertion.text) (measured \($0.measured))" },
                  judged: judged)
    }
}
