import Dispatch
import Scenario
import Synchronization

extension Simulator {
    /// Runs several scenarios, at once on the machine's cores when `parallel`. Each run has
    /// its own state and random streams keyed by entity name, so the results are the same
    /// byte for byte whether they run together or one by one, and the same clients and
    /// services draw the same numbers in every setup (common random numbers).
    public static func runEach(_ scenarios: [Scenario], parallel: Bool = true) -> [Result<RunResult, DiagnosticList>] {
        let results = Mutex([Result<RunResult, DiagnosticList>?](repeating: nil, count: scenarios.count))
        let work: @Sendable (Int) -> Void = { index in
            let outcome = Result { () throws(DiagnosticList) -> RunResult in try run(scenarios[index]) }
            results.withLock { $0[index] = outcome }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: scenarios.count, execute: work)
        } else {
            for index in scenarios.indices { work(index) }
        }
        return results.withLock { stored in
            stored.map { $0 ?? .failure(DiagnosticList([])) }
        }
    }
}
