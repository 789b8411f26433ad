/// Kong's `acl` plugin (kong/plugins/acl/schema.lua): exactly one of `allow` and `deny`.
public struct ACLConfig: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// Only consumers in one of these groups pass.
        case allow([String])
        /// Consumers in one of these groups are refused.
        case deny([String])
    }

    public var rule: Rule
    /// `hide_groups_header`: the upstream gets no `X-Consumer-Groups` header (default false).
    public var hideGroupsHeader: Bool

    public init(rule: Rule, hideGroupsHeader: Bool = false) {
        self.rule = rule
        self.hideGroupsHeader = hideGroupsHeader
    }
}
