import Engine
import Experiments
import Scenario

/// Simulates one value of a capacity search: the scenario loaded at that value, run
/// `replications` times (seeds as every experiment's, `Replication.seed`) on `jobs` threads,
/// its assertions judged over the runs (`AssertionJudge`: one run by its own verdicts).
struct CapacityPoint: Sendable {
    var path: String
    var range: VariedValue
    var replications: Int
    var jobs: Int

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
        let outcomes: [UnitOutcome]
        do {
            outcomes = try ExperimentRunner(plan: plan, jobs: jobs).run(
                scenario: { _, _ in .success(scenario) },
                finish: { unit, scenario, result in ExperimentCommand.outcome(unit, scenario, result, plan: plan) })
        } catch let failure as ExperimentRunner.Failure {
            return .failure(.unit(failure))
        } catch {
            return .failure(.other(error))
        }
        let judged = AssertionJudge.judge(scenario.assertions, replications: outcomes.map(\.assertions))
        return .success(CapacityStep(step: step, value: value, replications: replications, judged: judged))
    }
}
