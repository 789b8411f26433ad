import Scenario
import Synchronization

/// Each cell's scenario (a sweep point of one setup), loaded once by the first replication
/// that needs it and dropped when its last replication has taken it, so that a long sweep
/// holds only the cells in progress. Replications of a cell run on several threads at once;
/// while one loads, the others wait for it rather than loading it again.
final class CellCache: Sendable {
    private struct Key: Hashable {
        var point: Int
        var setup: Int
    }

    private struct Entry {
        var loaded: Result<Scenario, DiagnosticList>
        var takers: Int
    }

    private let replications: Int
    private let load: @Sendable (Int, Int) -> Result<Scenario, DiagnosticList>
    private let entries = Mutex([Key: Entry]())
    /// Held while loading, so one cell is never loaded twice at once; loads are short next
    /// to the runs, and this keeps two threads from holding two copies of a large scenario.
    private let loading = Mutex(())

    init(replications: Int, load: @escaping @Sendable (Int, Int) -> Result<Scenario, DiagnosticList>) {
        self.replications = max(1, replications)
        self.load = load
    }

    func scenario(point: Int, setup: Int) -> Result<Scenario, DiagnosticList> {
        let key = Key(point: point, setup: setup)
        if let found = take(key) { return found }
        return loading.withLock { _ in
            if let found = take(key) { return found }
            let loaded = load(point, setup)
            entries.withLock { entries in
                if replications > 1 { entries[key] = Entry(loaded: loaded, takers: 1) }
            }
            return loaded
        }
    }

    private func take(_ key: Key) -> Result<Scenario, DiagnosticList>? {
        entries.withLock { entries in
            guard var entry = entries[key] else { return nil }
            entry.takers += 1
            entries[key] = entry.takers >= replications ? nil : entry
            return entry.loaded
        }
    }
}
