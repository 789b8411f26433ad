/// `mesh.authorizationPolicies[*]`: an Istio AuthorizationPolicy's `name`, `namespace` and spec
/// fields (security/v1beta1/authorization_policy.proto): `selector`, `action`, `provider`, `rules`.
enum AuthorizationPolicyDecoder {
    /// nil after an error, or (after a warning) for a policy bound with `targetRef(s)`.
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> AuthorizationPolicy? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let (name, namespace) = SecurityPolicyMetadata.read(reader)
        let selector = reader.read("selector") { WorkloadSelectorDecoder.decode($0, path: $1, context: context) }
        let action = reader.choice("action", AuthorizationPolicy.Action.self)
        let provider = reader.mapping("provider").flatMap { provider -> String? in
            let name = provider.nonEmptyString("name", required: true)
            provider.finish()
            return name
        }
        // `serviceAccounts: [sa]` names an account of the policy's own namespace.
        let rules = reader.read("rules") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in
                AuthorizationRuleDecoder.decode(item, path: itemPath, namespace: namespace ?? context.namespace, context: context)
            }
        }
        let targeted = SecurityPolicyMetadata.isTargeted(reader, kind: "AuthorizationPolicy")
        reader.finish()
        // Istio's validation: a CUSTOM policy names its external authorizer, no other may.
        if action == .custom, !reader.has("provider") {
            context.error("\(reader.path("action")) CUSTOM requires provider.name (the extension provider that decides)", at: reader.location(of: "action"))
            return nil
        }
        if action != .custom, reader.has("provider") {
            context.error("\(reader.path("provider")) is only allowed with action CUSTOM, not \((action ?? .allow).rawValue)", at: reader.location(of: "provider"))
            return nil
        }
        guard let name, !targeted else { return nil }
        return AuthorizationPolicy(
            name: name, namespace: namespace, selector: selector, action: action ?? .allow, provider: provider,
            rules: rules ?? [], location: node.location)
    }
}
