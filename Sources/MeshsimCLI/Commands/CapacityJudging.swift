import Engine
import Experiments
import Scenario

/// How `capacity` turns a value's simulations into its verdict: each run's assertions
/// measured, then judged over the runs. One run is judged by its own verdicts; two or more
/// need the replication judging of issue 18 (`AssertionEvaluator.measurements`,
/// `AssertionJudge`), which `connected` names once it is on main.
struct CapacityJudging: Sendable {
    /// What one run measured for each assertion, in order.
    var measure: @Sendable (_ assertions: [Assertion], _ result: RunResult, _ countedDuration: Nanoseconds) -> [AssertionMeasurement]
    /// The assertions judged over the runs: `replications[k][i]` is assertion i in run k + 1;
    /// nil while replications cannot be judged.
    var judge: (@Sendable (_ assertions: [Assertion], _ replications: [[AssertionMeasurement]]) -> [JudgedAssertion])?

    /// Until the measurements land, a run's verdicts: what one run needs (pass and text).
    static let connected = CapacityJudging(
        measure: { _, result, _ in
            result.assertions.map { AssertionMeasurement(value: .word($0.measured), text: $0.measured, passed: $0.passed) }
        },
        judge: nil)
}
