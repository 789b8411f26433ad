import Scenario
import Synchronization

/// Each cell's scenario (a sweep point of one setup), loaded once by the first replication
/// that needs it and dropped when its last replication has taken it, so that a long sweep
/// holds only the cells in progress. A shard runs only some of a cell's replications, so
/// the count to wait for is the runner's, not the plan's: waiting for replications that
/// another machine runs would keep every cell of the shard. Replications of a cell run on several threads at once;
/// while one loads, the others wait for it rather than loading it again.
final class CellCache: Sendable {
    private struct Key: Hashable {
        var point: Int
        var setup: Int
    }

    private struct Entry {
        var loaded: Result<Scenario, DiagnosticList>
        var takers: Int
        var expected: Int
    }

    /// How many of the cell's units the runner runs.
    private let takers: @Sendable (Int, Int) -> Int
    private let load: @Sendable (Int, Int) -> Result<Scenario, DiagnosticList>
    private let entries = Mutex([Key: Entry]())
    /// Held while loading, so one cell is never loaded twice at once; loads are short next
    /// to the runs, and this keeps two threads from holding two copies of a large scenario.
    private let loading = Mutex(())

    init(takers: @escaping @Sendable (Int, Int) -> Int, load: @escaping @Sendable (Int, Int) -> Result<Scenario, DiagnosticList>) {
        self.takers = takers
        self.load = load
    }

    func scenario(point: Int, setup: Int) -> Result<Scenario, DiagnosticList> {
        let key = Key(point: point, setup: setup)
        if let found = take(key) { return found }
        return loading.withLock { _ in
            if let found = take(key) { return found }
            let loaded = load(point, setup)
            let expected = takers(point, setup)
            entries.withLock { entries in
                if expected > 1 { entries[key] = Entry(loaded: loaded, takers: 1, expected: expected) }
            }
            return loaded
        }
    }

    private func take(_ key: Key) -> Result<Scenario, DiagnosticList>? {
        entries.withLock { entries in
            guard var entry = entries[key] else { return nil }
            entry.takers += 1
            entries[key] = entry.takers >= entry.expected ? nil : entry
            return entry.loaded
        }
    }
}
