import Engine
import Scenario

/// The summary rows a terminal table and report.html show. A run of a few services shows
/// every row, as summary.csv lists them. One of thousands would print a table of thousands of
/// lines that no one reads (and a chart of thousands of lines that no one can tell apart), so
/// past `threshold` rows each kind of scope (clients, routes, services, versions) keeps its
/// `perKind` worst rows, worst first: the most errors, then the highest p99, then the most
/// requests. The CSV files keep every row.
struct ShownScopes {
    /// More summary rows than any scenario of the examples has (15 at most): those show in full.
    static let threshold = 50
    static let perKind = 20

    /// Indices into the summary, in the order shown.
    let rows: [Int]
    /// Summary rows left out; 0 when every row shows.
    let omitted: Int

    /// What ranks a row: a run's counts, or the means over replications.
    struct Rank {
        var scope: ScopeKind
        var errors: Double
        /// nil when the scope measured no latency: below every p99.
        var p99: Double?
        var requests: Double

        init(scope: ScopeKind, errors: Double, p99: Double?, requests: Double) {
            self.scope = scope
            self.errors = errors
            self.p99 = p99
            self.requests = requests
        }

        init(_ row: ScopeSummary) {
            self.init(scope: row.scope, errors: Double(row.counts.errors), p99: row.latency.map { Double($0.p99) }, requests: Double(row.counts.requests))
        }
    }

    init(_ summary: [ScopeSummary]) {
        self.init(ranks: summary.count > Self.threshold ? summary.map(Rank.init) : [], count: summary.count)
    }

    /// `ranks` of every row, or none when there are `threshold` rows or fewer (all show).
    init(ranks: [Rank], count: Int) {
        guard count > Self.threshold, ranks.count == count else {
            rows = Array(0..<count)
            omitted = 0
            return
        }
        var kinds: [ScopeKind] = []
        var byKind: [ScopeKind: [Int]] = [:]
        for (index, row) in ranks.enumerated() {
            if byKind[row.scope] == nil { kinds.append(row.scope) }
            byKind[row.scope, default: []].append(index)
        }
        var shown: [Int] = []
        for kind in kinds {
            let indices = byKind[kind] ?? []
            shown += indices.count <= Self.perKind ? indices : Array(Self.worstFirst(indices, ranks).prefix(Self.perKind))
        }
        rows = shown
        omitted = count - shown.count
    }

    /// The most errors first, then the highest p99, then the most requests, then row order.
    static func worstFirst(_ indices: [Int], _ ranks: [Rank]) -> [Int] {
        indices.sorted { a, b in
            let x = ranks[a]
            let y = ranks[b]
            if x.errors != y.errors { return x.errors > y.errors }
            let p99x = x.p99 ?? -1
            let p99y = y.p99 ?? -1
            if p99x != p99y { return p99x > p99y }
            if x.requests != y.requests { return x.requests > y.requests }
            return a < b
        }
    }

    /// "… 19,980 more scopes in summary.csv"; nil when every row shows.
    func moreLine(in file: String = "summary.csv") -> String? {
        omitted > 0 ? "… \(CountText.grouped(omitted)) more scope\(omitted == 1 ? "" : "s") in \(file)" : nil
    }
}
