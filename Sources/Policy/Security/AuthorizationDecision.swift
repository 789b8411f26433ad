import Scenario

/// The outcome of the AuthorizationPolicies selecting a workload for one request, with what
/// decided it (Istio: CUSTOM, then DENY, then ALLOW; AUDIT never decides).
public struct AuthorizationDecision: Sendable, Hashable {
    public var allowed: Bool
    /// The action of the policy that decided; nil when none did (no ALLOW policy selects the
    /// workload: allowed; ALLOW policies select it and none matches: denied).
    public var action: AuthorizationPolicy.Action?
    /// `namespace/name` of the deciding policy.
    public var policy: String?
    /// The index in that policy's `rules` of the first rule that matched.
    public var rule: Int?
    /// `namespace/name` of each AUDIT policy that matched.
    public var audited: [String]
    /// `namespace/name` of each CUSTOM policy that matched: Envoy would ask its external
    /// authorizer, which meshsim cannot run, so the request passes them.
    public var custom: [String]
    public var reason: String

    public init(
        allowed: Bool, action: AuthorizationPolicy.Action? = nil, policy: String? = nil, rule: Int? = nil,
        audited: [String] = [], custom: [String] = [], reason: String
    ) {
        self.allowed = allowed
        self.action = action
        self.policy = policy
        self.rule = rule
        self.audited = audited
        self.custom = custom
        self.reason = reason
    }
}
