import Dispatch
import Engine
import Scenario
import Synchronization

/// Runs an experiment's work units (or a shard's share of them) on `jobs` threads, each
/// worker taking the next unit not yet started. A unit's result depends only on its
/// scenario and seed, never on the thread or the order, so the outcomes (kept in unit
/// order) and every file are the same at any `jobs`.
///
/// The runner knows nothing of report formats: `finish` turns each finished run into what
/// the caller keeps (an outcome, and files it writes at once), so that no run's per-request
/// data outlives its unit.
public struct ExperimentRunner: Sendable {
    public var plan: ExperimentPlan
    public var jobs: Int
    public var limits: RunLimits
    public var shard: Shard?

    public init(plan: ExperimentPlan, jobs: Int, limits: RunLimits = RunLimits(), shard: Shard? = nil) {
        self.plan = plan
        self.jobs = jobs
        self.limits = limits
        self.shard = shard
    }

    /// The units this runner runs, in order.
    public var units: [WorkUnit] {
        (0..<plan.unitCount).filter { shard?.owns(unit: $0) ?? true }.map(plan.unit)
    }

    /// How many units of a cell (a sweep point of one setup) this runner runs: every
    /// replication, or the shard's share of them.
    func unitCount(point: Int, setup: Int) -> Int {
        let first = (point * plan.setups.count + setup) * plan.replications
        return (first..<first + plan.replications).count { shard?.owns(unit: $0) ?? true }
    }

    /// Why a unit could not run: its scenario did not load, or the run stopped at a limit.
    public struct Failure: Error, Sendable {
        public var unit: WorkUnit
        public var diagnostics: DiagnosticList
    }

    /// How far the experiment has got, for a progress line.
    public struct Progress: Sendable {
        public var unitsDone: Int
        public var unitsTotal: Int
        /// Simulated time of the finished units together.
        public var simulated: Nanoseconds

        public init(unitsDone: Int, unitsTotal: Int, simulated: Nanoseconds) {
            self.unitsDone = unitsDone
            self.unitsTotal = unitsTotal
            self.simulated = simulated
        }
    }

    /// Runs the units. `scenario(point, setup)` loads a cell's scenario (called once per
    /// cell of the units run, from any thread); each replication's seed is derived from that
    /// scenario's own, so two compared files keep their seeds as a plain compare does, and
    /// setups and points that share a seed share every replication's.
    /// `finish` is called on the worker thread as each unit ends; a throw from it (a file
    /// that cannot be written) stops the experiment. `progress` is called after each unit,
    /// one call at a time, units done counting up. Returns the outcomes in unit order, or
    /// the failure of the lowest-numbered unit that failed.
    public func run(
        scenario: @escaping @Sendable (_ point: Int, _ setup: Int) -> Result<Scenario, DiagnosticList>,
        finish: @escaping @Sendable (WorkUnit, Scenario, RunResult) throws -> UnitOutcome,
        progress: (@Sendable (Progress) -> Void)? = nil
    ) throws -> [UnitOutcome] {
        let units = self.units
        let state = Mutex(RunState(count: units.count))
        let cells = CellCache(takers: { [self] in unitCount(point: $0, setup: $1) }, load: scenario)
        let next = Atomic(0)
        let limits = self.limits
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let position = next.add(1, ordering: .relaxed).oldValue
                guard position < units.count, !state.withLock({ $0.stopped }) else { return }
                let unit = units[position]
                let outcome: Result<UnitOutcome, RunState.Stop>
                var simulated: Nanoseconds = 0
                switch cells.scenario(point: unit.point, setup: unit.setup) {
                case .failure(let diagnostics):
                    outcome = .failure(.unit(Failure(unit: unit, diagnostics: diagnostics)))
                case .success(var scenario):
                    scenario.seed = Replication.seed(base: scenario.seed, replication: unit.replication)
                    do {
                        let result = try Simulator.run(scenario, limits: limits)
                        simulated = result.endTime
                        outcome = .success(try finish(unit, scenario, result))
                    } catch let diagnostics as DiagnosticList {
                        outcome = .failure(.unit(Failure(unit: unit, diagnostics: diagnostics)))
                    } catch {
                        outcome = .failure(.other(position, error))
                    }
                }
                // Reported under the lock, so that the reports arrive in the order counted: one
                // taken outside could be drawn after a later one, moving the count back.
                state.withLock { state in
                    if let report = state.record(position, outcome, simulated: simulated) { progress?(report) }
                }
            }
        }
        let workers = min(max(1, jobs), units.count)
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        } else if workers == 1 {
            work(0)
        }
        let finished = state.withLock { $0 }
        return try finished.finishedOutcomes()
    }
}

/// What the workers share: the outcomes so far and the first failure.
private struct RunState: Sendable {
    enum Stop: Error, Sendable {
        case unit(ExperimentRunner.Failure)
        case other(Int, any Error)

        var position: Int? {
            if case .other(let position, _) = self { return position }
            return nil
        }
    }

    var outcomes: [UnitOutcome?]
    var failure: (position: Int, stop: Stop)?
    var done = 0
    var simulated: Nanoseconds = 0
    var stopped: Bool { failure != nil }

    init(count: Int) {
        outcomes = Array(repeating: nil, count: count)
    }

    mutating func record(_ position: Int, _ outcome: Result<UnitOutcome, Stop>, simulated: Nanoseconds) -> ExperimentRunner.Progress? {
        switch outcome {
        case .success(let value):
            outcomes[position] = value
            done += 1
            self.simulated += simulated
            return ExperimentRunner.Progress(unitsDone: done, unitsTotal: outcomes.count, simulated: self.simulated)
        case .failure(let stop):
            // The lowest position wins, so the error shown does not depend on the thread timing.
            if failure.map({ position < $0.position }) ?? true { failure = (position, stop) }
            return nil
        }
    }

    func finishedOutcomes() throws -> [UnitOutcome] {
        if let failure {
            switch failure.stop {
            case .unit(let unitFailure): throw unitFailure
            case .other(_, let error): throw error
            }
        }
        return outcomes.compactMap { $0 }
    }
}
