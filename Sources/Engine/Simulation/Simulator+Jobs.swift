import Dispatch
import Scenario
import Synchronization

extension Simulator {
    /// Runs several scenarios, at most `jobs` at a time (fewer than 1 counts as 1), each
    /// worker taking the next scenario not yet started. Each run has its own state and random
    /// streams keyed by entity name, so results (in the order of `scenarios`) are the same
    /// byte for byte at any `jobs`, and the same clients and services draw the same numbers in
    /// every setup (common random numbers). `limits` bound each run alone.
    public static func runEach(
        _ scenarios: [Scenario], jobs: Int, limits: RunLimits = RunLimits()
    ) -> [Result<RunResult, DiagnosticList>] {
        let results = Mutex([Result<RunResult, DiagnosticList>?](repeating: nil, count: scenarios.count))
        let next = Atomic(0)
        let workers = min(max(1, jobs), scenarios.count)
        let work: @Sendable (Int) -> Void = { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < scenarios.count else { return }
                let outcome = Result { () throws(DiagnosticList) -> RunResult in try run(scenarios[index], limits: limits) }
                results.withLock { $0[index] = outcome }
            }
        }
        if workers > 1 {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        } else {
            work(0)
        }
        return results.withLock { stored in
            stored.map { $0 ?? .failure(DiagnosticList([])) }
        }
    }
}
