import Scenario

/// What the cluster's Istio CRD schemas reject in AuthorizationPolicy and RequestAuthentication
/// (security.istio.io) that the scenario decoders of `mesh.authorizationPolicies` and
/// `mesh.requestAuthentications` do not check, since a scenario writes no key set: a manifest
/// the cluster would refuse is an error here too. Modes, actions, ports and issuers are the
/// decoders' to check.
enum SecurityPolicyChecks {
    static let groups: Set<String> = ["security.istio.io"]

    static func check(_ translation: inout ManifestTranslation) {
        var diagnostics: [Diagnostic] = []
        for object in translation.objects where groups.contains(object.group) {
            switch object.kind {
            case "AuthorizationPolicy": onlyOneTarget(object, &diagnostics)
            case "RequestAuthentication": requestAuthentication(object, &diagnostics)
            default: continue
            }
        }
        translation.fragment.diagnostics += diagnostics
    }

    static func requestAuthentication(_ object: ManifestObject, _ diagnostics: inout [Diagnostic]) {
        for (index, rule) in (object.spec?["jwtRules"]?.items ?? []).enumerated() {
            let path = "spec.jwtRules[\(index)]"
            let keySets = ["jwks", "jwksUri", "jwks_uri"].compactMap { rule.entry($0) }
            if keySets.count > 1 {
                diagnostics.append(.error("\(object.kind) \(object.name): \(path) may set only one of jwks or jwksUri", at: keySets[1].keyLocation))
            }
            for key in ["jwksUri", "jwks_uri"] {
                guard let uri = rule[key], let text = uri.text else { continue }
                if !(text.hasPrefix("http://") || text.hasPrefix("https://")) {
                    diagnostics.append(.error("\(object.kind) \(object.name): \(path).\(key) must start with http:// or https://", at: uri.location))
                }
            }
        }
        onlyOneTarget(object, &diagnostics)
    }

    /// Istio's CRDs allow at most one of `selector`, `targetRef` and `targetRefs`.
    static func onlyOneTarget(_ object: ManifestObject, _ diagnostics: inout [Diagnostic]) {
        let written = ["selector", "targetRef", "targetRefs"].compactMap { object.spec?.entry($0) }
        if written.count > 1 {
            diagnostics.append(.error("\(object.kind) \(object.name): only one of spec.selector, spec.targetRef or spec.targetRefs may be set", at: written[1].keyLocation))
        }
    }
}
