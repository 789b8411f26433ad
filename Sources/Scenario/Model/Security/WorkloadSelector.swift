/// Istio's `selector: { matchLabels: {...} }` (type.WorkloadSelector): a workload is selected
/// when it carries every listed label with the same value. Used by PeerAuthentication,
/// AuthorizationPolicy and RequestAuthentication.
public struct WorkloadSelector: Sendable, Hashable {
    public var matchLabels: [String: String]
    public var location: SourceLocation

    public init(matchLabels: [String: String], location: SourceLocation) {
        self.matchLabels = matchLabels
        self.location = location
    }
}
