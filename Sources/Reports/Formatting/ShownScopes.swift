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

    init(_ summary: [ScopeSummary]) {
        guard summary.count > Self.threshold else {
            rows = Array(summary.indices)
            omitted = 0
            return
        }
        var kinds: [ScopeKind] = []
        var byKind: [ScopeKind: [Int]] = [:]
        for (index, row) in summary.enumerated() {
            if byKind[row.scope] == nil { kinds.append(row.scope) }
            byKind[row.scope, default: []].append(index)
        }
        var shown: [Int] = []
        for kind in kinds {
            let indices = byKind[kind] ?? []
            shown += indices.count <= Self.perKind ? indices : Array(Self.worstFirst(indices, summary).prefix(Self.perKind))
        }
        rows = shown
        omitted = summary.count - shown.count
    }

    /// The most errors first, then the highest p99, then the most requests, then summary order.
    static func worstFirst(_ indices: [Int], _ summary: [ScopeSummary]) -> [Int] {
        indices.sorted { a, b in
            let x = summary[a]
            let y = summary[b]
            if x.counts.errors != y.counts.errors { return x.counts.errors > y.counts.errors }
            let p99x = x.latency?.p99 ?? -1
            let p99y = y.latency?.p99 ?? -1
            if p99x != p99y { return p99x > p99y }
            if x.counts.requests != y.counts.requests { return x.counts.requests > y.counts.requests }
            return a < b
        }
    }

    /// "… 19,980 more scopes in summary.csv"; nil when every row shows.
    var moreLine: String? {
        omitted > 0 ? "… \(CountText.grouped(omitted)) more scope\(omitted == 1 ? "" : "s") in summary.csv" : nil
    }
}
