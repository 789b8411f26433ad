/// The inbound sidecars' decisions met so far, by (caller workload, version, request template,
/// path, bad credential): filled on first use, so a run holds only the cells its traffic
/// reaches, never a table of every pair of workloads. Empty without a `SecurityModel`.
struct SecurityDecisions: Sendable {
    struct Key: Hashable, Sendable {
        var workload: Int32
        var version: Int32
        var template: Int32
        var path: Int32
        var badCredential: Bool
    }

    private var verdicts: [Key: SecurityVerdict] = [:]

    subscript(key: Key) -> SecurityVerdict? {
        get { verdicts[key] }
        set { verdicts[key] = newValue }
    }
}
