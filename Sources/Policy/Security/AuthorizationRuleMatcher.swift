import Scenario

/// Whether one AuthorizationPolicy rule matches a request, as Istio builds it into Envoy's RBAC
/// filter (pilot/pkg/security/authz/model/model.go): one `from` (or none written), one `to`
/// (or none written) and every `when`; inside a source or an operation every field written
/// must hold; a field's values are ORed and its `not` values must all fail.
enum AuthorizationRuleMatcher {
    static func matches(_ rule: AuthorizationPolicy.Rule, _ request: AuthorizationRequest, policyNamespace: String) -> Bool {
        (rule.from.isEmpty || rule.from.contains { matches($0, request) })
            && (rule.to.isEmpty || rule.to.contains { matches($0, request) })
            && rule.when.allSatisfy { AuthorizationConditionMatcher.matches($0, request, policyNamespace: policyNamespace) }
    }

    private static func matches(_ source: AuthorizationPolicy.Source, _ request: AuthorizationRequest) -> Bool {
        let peer = request.sourcePrincipal
        // meshsim's callers have no IP address: an IP value never matches, a `not` one never excludes.
        return field(source.principals, source.notPrincipals) { IdentityPatterns.principal($0, peer) }
            && field(source.namespaces, source.notNamespaces) { IdentityPatterns.namespace($0, peer) }
            && field(source.requestPrincipals, source.notRequestPrincipals) { requestPrincipal($0, request) }
            && field(source.ipBlocks, source.notIpBlocks) { _ in false }
            && field(source.remoteIpBlocks, source.notRemoteIpBlocks) { _ in false }
    }

    private static func matches(_ operation: AuthorizationPolicy.Operation, _ request: AuthorizationRequest) -> Bool {
        let path = request.path.prefix { $0 != "?" && $0 != "#" }
        return field(operation.hosts, operation.notHosts) { AuthorizationValuePattern($0, ignoreCase: true).matchesHeader(request.host) }
            && field(operation.ports, operation.notPorts) { port($0, request.port) }
            && field(operation.methods, operation.notMethods) { AuthorizationValuePattern($0).matchesHeader(request.method) }
            && field(operation.paths, operation.notPaths) { pathMatches($0, path) }
    }

    /// A field with `values` and `notValues`: nothing written holds.
    static func field(_ values: [String], _ notValues: [String], _ matches: (String) -> Bool) -> Bool {
        (values.isEmpty || values.contains(where: matches)) && !notValues.contains(where: matches)
    }

    static func requestPrincipal(_ pattern: String, _ request: AuthorizationRequest) -> Bool {
        guard let principal = request.requestPrincipal else { return false }
        // `iss` may hold `/` (a URL): take it from the claims when the token's claims are known.
        let slash = principal.lastIndex(of: "/")
        let issuer = request.claims["iss"]?.first ?? slash.map { String(principal[..<$0]) } ?? principal
        let subject = request.claims["sub"]?.first ?? slash.map { String(principal[principal.index(after: $0)...]) } ?? ""
        return IdentityPatterns.requestPrincipal(pattern, issuer: issuer, subject: subject)
    }

    /// `ports`, `destination.port`: a number compared exactly; one that is not a port never matches.
    static func port(_ written: String, _ port: Int?) -> Bool {
        guard let port, let value = Int(written), (0...65535).contains(value) else { return false }
        return value == port
    }

    private static func pathMatches(_ written: String, _ path: Substring) -> Bool {
        if let template = PathTemplate(written) { return template.matches(path) }
        return AuthorizationValuePattern(written).matches(String(path))
    }
}
