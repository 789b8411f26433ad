import Engine
import Experiments
import Scenario

/// Simulates one value of a capacity search: the scenario loaded at that value, run
/// `replications` times (seeds as every experiment's, `Replication.seed`) on `jobs` threads,
/// and judged into the step's verdict.
struct PointEvaluator: Sendable {
    var path: String
    var range: VariedValue
    var replications: Int
    var jobs: Int
    var judging: CapacityJudging

    enum Stop: Error {
        /// A run could not finish (it stopped at a limit).
        case unit(ExperimentRunner.Failure)
        case other(any Error)
    }

    func evaluate(_ scenario: Scenario, value: Int64, step: Int) -> Result<CapacityStep, Stop> {
        let plan = ExperimentPlan(
            command: .run, scenarioName: scenario.name, seed: scenario.seed,
            setups: [ExperimentPlan.Setup(name: scenario.name, assertions: scenario.assertions.map(\.text))],
            axes: [ExperimentPlan.Axis(path: path, values: [range.text(value)])], replications: replications)
        let measure = judging.measure
        let outcomes: [UnitOutcome]
        do {
            outcomes = try ExperimentRunner(plan: plan, jobs: jobs).run(
                scenario: { _, _ in .success(scenario) },
                finish: { unit, scenario, result in
                    let counted = max(0, max(0, scenario.duration) - max(0, scenario.warmup))
                    return UnitOutcome(
                        unit: unit.index, summary: result.summary, countedDuration: counted, rollout: result.rollout?.result.rawValue,
                        assertions: measure(scenario.assertions, result, counted))
                })
        } catch let failure as ExperimentRunner.Failure {
            return .failure(.unit(failure))
        } catch {
            return .failure(.other(error))
        }
        let measured = outcomes.map(\.assertions)
        guard replications > 1, let judge = judging.judge else {
            return .success(CapacityStep(step: step, value: value, assertions: scenario.assertions, measured: measured.first ?? []))
        }
        return .success(CapacityStep(step: step, value: value, replications: replications, judged: judge(scenario.assertions, measured)))
    }
}
