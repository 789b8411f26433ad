import Scenario

extension MeshSecurity {
    /// The decision of the AuthorizationPolicies selecting `workload` (authorization.proto):
    /// a matching CUSTOM policy would ask its external authorizer (meshsim cannot: it passes);
    /// then any matching DENY policy denies; then, with no ALLOW policy the request is allowed,
    /// with one that matches it is allowed, otherwise denied. AUDIT never decides. A policy
    /// without rules matches nothing (Istio's `rbacPolicyMatchNever`).
    public func authorize(_ request: AuthorizationRequest, at workload: WorkloadIdentity) -> AuthorizationDecision {
        let policies = authorizationPolicies(selecting: workload)
        var matched: [(policy: AuthorizationPolicy, rule: Int)] = []
        for policy in policies {
            let namespace = policy.namespace ?? ""
            if let rule = policy.rules.firstIndex(where: { AuthorizationRuleMatcher.matches($0, request, policyNamespace: namespace) }) {
                matched.append((policy, rule))
            }
        }
        let custom = matched.filter { $0.policy.action == .custom }.map { Self.name($0.policy) }
        let audited = matched.filter { $0.policy.action == .audit }.map { Self.name($0.policy) }
        func decision(_ allowed: Bool, _ hit: (policy: AuthorizationPolicy, rule: Int)?, _ reason: String) -> AuthorizationDecision {
            AuthorizationDecision(
                allowed: allowed, action: hit?.policy.action, policy: hit.map { Self.name($0.policy) }, rule: hit?.rule,
                audited: audited, custom: custom, reason: reason
            )
        }
        if let deny = matched.first(where: { $0.policy.action == .deny }) {
            return decision(false, deny, "denied by DENY policy \(Self.name(deny.policy)) rule \(deny.rule)")
        }
        guard policies.contains(where: { $0.action == .allow }) else {
            return decision(true, nil, "no ALLOW policy selects the workload")
        }
        if let allow = matched.first(where: { $0.policy.action == .allow }) {
            return decision(true, allow, "allowed by ALLOW policy \(Self.name(allow.policy)) rule \(allow.rule)")
        }
        return decision(false, nil, "no ALLOW policy matched")
    }

    /// `namespace/name`.
    static func name(_ policy: AuthorizationPolicy) -> String {
        "\(policy.namespace ?? "")/\(policy.name)"
    }
}
