import Scenario

/// Kong's `acl` plugin (kong/plugins/acl/handler.lua) for a consumer identified by key-auth or
/// jwt, which always set a credential. Groups are matched exactly; the plugin's list is tried
/// against the consumer's groups.
public struct ACLPolicy: Sendable {
    public enum Decision: Sendable, Equatable {
        /// `groupsHeader`: the `X-Consumer-Groups` value sent upstream, nil when hidden.
        case allowed(groupsHeader: String?)
        case rejected(status: Int, message: String)
    }

    public static let refusal = "You cannot consume this service"

    private let config: ACLConfig

    public init(_ config: ACLConfig) {
        self.config = config
    }

    /// `consumer`: the one the authentication plugin identified, nil when none did; `groups`:
    /// its `acls`, in file order.
    public func decide(consumer: String?, groups: [String]) -> Decision {
        // No consumer and no authenticated groups (set only by plugins meshsim does not model).
        guard consumer != nil else { return .rejected(status: 401, message: "Unauthorized") }
        let blocked: Bool
        switch config.rule {
        case .allow(let allowed):
            // A consumer without groups under allow: Kong's "consumer_groups is nil" branch,
            // which answers 403 because the request carries a credential.
            guard !groups.isEmpty else { return .rejected(status: 403, message: Self.refusal) }
            blocked = !allowed.contains(where: groups.contains)
        case .deny(let denied):
            blocked = denied.contains(where: groups.contains)
        }
        if blocked { return .rejected(status: 403, message: Self.refusal) }
        return .allowed(groupsHeader: config.hideGroupsHeader ? nil : groups.joined(separator: ", "))
    }
}
