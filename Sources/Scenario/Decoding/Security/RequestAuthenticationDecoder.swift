/// `mesh.requestAuthentications[*]`: an Istio RequestAuthentication's `name`, `namespace` and
/// spec fields (security/v1beta1/request_authentication.proto): `selector`, `jwtRules`.
enum RequestAuthenticationDecoder {
    /// How the sidecar fetches keys, where it copies the payload, and parsing details of claims
    /// a simulated token writes as lists anyway: nothing a simulation has a counterpart for.
    static let jwtRuleNoEffect = ["jwksUri", "jwks", "outputPayloadToHeader", "outputClaimToHeaders", "timeout", "spaceDelimitedClaims"]

    /// nil after an error, or (after a warning) for a policy bound with `targetRef(s)`.
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> RequestAuthentication? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let (name, namespace) = SecurityPolicyMetadata.read(reader)
        let selector = reader.read("selector") { WorkloadSelectorDecoder.decode($0, path: $1, context: context) }
        let rules = reader.read("jwtRules") { node, path in
            ScenarioDecoder.list(node, path, reader.values) { item, itemPath, _ in jwtRule(item, path: itemPath, context: context) }
        }
        let targeted = SecurityPolicyMetadata.isTargeted(reader, kind: "RequestAuthentication")
        reader.finish()
        guard let name, !targeted else { return nil }
        return RequestAuthentication(name: name, namespace: namespace, selector: selector, jwtRules: rules ?? [], location: node.location)
    }

    private static func jwtRule(_ node: YAMLNode, path: String, context: DecodeContext) -> RequestAuthentication.JWTRule? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let issuer = reader.nonEmptyString("issuer", required: true)
        let audiences = reader.stringList("audiences")
        let headers = reader.read("fromHeaders") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in header(item, path: itemPath, context: context) }
        }
        let params = reader.stringList("fromParams")
        let cookies = reader.stringList("fromCookies")
        let forward = reader.bool("forwardOriginalToken")
        reader.finish(noEffect: jwtRuleNoEffect)
        guard let issuer else { return nil }
        var rule = RequestAuthentication.JWTRule(
            issuer: issuer, audiences: audiences ?? [], fromHeaders: headers ?? [], fromParams: params ?? [],
            forwardOriginalToken: forward ?? false, location: node.location)
        rule.fromCookies = cookies ?? []
        return rule
    }

    /// `fromHeaders[*]`: `name` (required) and `prefix` (default none).
    private static func header(_ node: YAMLNode, path: String, context: DecodeContext) -> RequestAuthentication.JWTRule.HeaderLocation? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let name = reader.nonEmptyString("name", required: true)
        let prefix = reader.string("prefix")
        reader.finish()
        return name.map { RequestAuthentication.JWTRule.HeaderLocation(name: $0, prefix: prefix ?? "") }
    }
}
