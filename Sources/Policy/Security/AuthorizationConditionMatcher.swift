import Scenario

/// A rule's `when` condition: one of Istio's attributes
/// (https://istio.io/latest/docs/reference/config/security/conditions/) against its values,
/// as pilot/pkg/security/authz/model/model.go `New` dispatches the key.
enum AuthorizationConditionMatcher {
    static func matches(_ condition: AuthorizationPolicy.Condition, _ request: AuthorizationRequest, policyNamespace: String) -> Bool {
        guard let match = matcher(for: condition.key, request, policyNamespace: policyNamespace) else {
            // Istio skips a rule whose key it does not know ("skipped invalid rule").
            return false
        }
        return AuthorizationRuleMatcher.field(condition.values, condition.notValues, match)
    }

    private static func matcher(
        for key: String, _ request: AuthorizationRequest, policyNamespace: String
    ) -> ((String) -> Bool)? {
        let peer = request.sourcePrincipal
        switch key {
        case "source.principal": return { IdentityPatterns.principal($0, peer) }
        case "source.namespace": return { IdentityPatterns.namespace($0, peer) }
        case "source.serviceAccount": return { IdentityPatterns.serviceAccount($0, peer, policyNamespace: policyNamespace) }
        case "source.trustDomain": return { IdentityPatterns.trustDomain($0, peer) }
        case "request.auth.principal": return { AuthorizationRuleMatcher.requestPrincipal($0, request) }
        case "request.auth.audiences": return claim("aud", request)
        case "request.auth.presenter": return claim("azp", request)
        case "destination.port": return { AuthorizationRuleMatcher.port($0, request.port) }
        // No IP addresses, SNI or filter metadata in meshsim: a value never matches.
        case "source.ip", "remote.ip", "destination.ip", "connection.sni": return { _ in false }
        default: break
        }
        if key.hasPrefix("experimental.envoy.filters.") { return { _ in false } }
        if let name = bracketed(key, after: "request.headers") {
            let values = request.headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
            return { pattern in
                let written = AuthorizationValuePattern(pattern)
                return values.contains { written.matchesHeader($0) }
            }
        }
        if let name = bracketed(key, after: "request.auth.claims") {
            // A nested claim (`[a][b]`) is not modelled: meshsim's claims are flat.
            guard !name.contains("[") && !name.contains("]") else { return { _ in false } }
            return claim(name, request)
        }
        return nil
    }

    /// A list claim matches when any of its values does (Envoy's metadata list match).
    private static func claim(_ name: String, _ request: AuthorizationRequest) -> (String) -> Bool {
        let values = name == "aud" && request.claims[name] == nil ? request.audiences : request.claims[name] ?? []
        return { pattern in
            let written = AuthorizationValuePattern(pattern)
            return values.contains { written.matches($0) }
        }
    }

    /// `NAME` of `prefix[NAME]`.
    private static func bracketed(_ key: String, after prefix: String) -> String? {
        guard key.hasPrefix(prefix + "["), key.hasSuffix("]") else { return nil }
        let name = key.dropFirst(prefix.count + 1).dropLast()
        return name.isEmpty ? nil : String(name)
    }
}
