import Engine
import Scenario
import Synchronization
import Testing

@testable import Experiments

/// The runner's promises that do not depend on the thread timing: progress counts up one
/// unit at a time, and of two failing units the lower-numbered one is reported.
@Suite struct ExperimentRunnerTests {
    /// One server, 20 requests a second for 100 ms: a few requests, microseconds to run.
    /// Built on each use: a stored static's arrays are reported as leaked by LeakSanitizer.
    static var scenario: Scenario {
        SingleServer.scenario(name: "tiny", rate: 20, seed: 1, duration: 100 * SingleServer.ms)
    }

    static func plan(points: Int, replications: Int) -> ExperimentPlan {
        ExperimentPlan(
            command: .run, scenarioName: "tiny", seed: 1, setups: [.init(name: "tiny", assertions: [])],
            axes: [.init(path: "x", values: (1...points).map(String.init))], replications: replications)
    }

    static let finish: @Sendable (WorkUnit, Scenario, RunResult) throws -> UnitOutcome = { unit, _, result in
        UnitOutcome(unit: unit.index, summary: result.summary, countedDuration: 0)
    }

    @Test(arguments: [1, 4])
    func progressCountsUpOneUnitAtATime(jobs: Int) throws {
        let seen = Mutex([Int]())
        let outcomes = try ExperimentRunner(plan: Self.plan(points: 100, replications: 4), jobs: jobs).run(
            scenario: { _, _ in .success(Self.scenario) }, finish: Self.finish,
            progress: { report in seen.withLock { $0.append(report.unitsDone) } })
        #expect(outcomes.map(\.unit) == Array(0..<400))
        #expect(seen.withLock { $0 } == Array(1...400))
    }

    /// Points 3 and 7 do not load; at any job count the error is point 3's.
    @Test(arguments: [1, 2, 4])
    func theLowestFailingUnitIsReported(jobs: Int) {
        let runner = ExperimentRunner(plan: Self.plan(points: 10, replications: 3), jobs: jobs)
        #expect {
            _ = try runner.run(
                scenario: { point, _ in
                    point == 3 || point == 7
                        ? .failure(DiagnosticList([.error("point \(point) does not load", at: SingleServer.here)])) : .success(Self.scenario)
                },
                finish: Self.finish)
        } throws: { error in
            guard let failure = error as? ExperimentRunner.Failure else { return false }
            return failure.unit == WorkUnit(index: 9, point: 3, setup: 0, replication: 1)
                && failure.diagnostics.diagnostics.map(\.message) == ["point 3 does not load"]
        }
    }
}
