import Engine

/// One cell of a sweep run once (no replications): a sweep point × a setup and its run's
/// summary rows.
public struct SingleRunCell: Sendable, Hashable {
    /// The sweep point's value texts, one per axis in axis order.
    public var point: [String]
    /// The setup's name in a compare; nil in a run.
    public var variant: String?
    /// `pass` or `fail` for the cell's assertions together; nil without assertions.
    public var verdict: String?
    /// As `RunResult.summary`.
    public var summary: [ScopeSummary]

    public init(point: [String], variant: String? = nil, verdict: String? = nil, summary: [ScopeSummary]) {
        self.point = point
        self.variant = variant
        self.verdict = verdict
        self.summary = summary
    }
}
