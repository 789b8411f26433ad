import Scenario

/// What the cluster's Istio CRD schemas reject in PeerAuthentication, AuthorizationPolicy and
/// RequestAuthentication (security.istio.io): meshsim does not model their effect yet (the
/// kind catalog says so once per kind), but a manifest the cluster would refuse is an error
/// here too, so a typo is not taken for a policy in force. A small structural read, not
/// Istio's whole validation.
enum SecurityPolicyChecks {
    static let groups: Set<String> = ["security.istio.io"]
    static let mtlsModes = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"]
    static let actions = ["ALLOW", "DENY", "AUDIT", "CUSTOM"]

    static func check(_ translation: inout ManifestTranslation) {
        var diagnostics: [Diagnostic] = []
        for object in translation.objects where groups.contains(object.group) {
            switch object.kind {
            case "PeerAuthentication": peerAuthentication(object, &diagnostics)
            case "AuthorizationPolicy": authorizationPolicy(object, &diagnostics)
            case "RequestAuthentication": requestAuthentication(object, &diagnostics)
            default: continue
            }
        }
        translation.fragment.diagnostics += diagnostics
    }

    static func peerAuthentication(_ object: ManifestObject, _ diagnostics: inout [Diagnostic]) {
        if let mode = object.spec?["mtls", "mode"] {
            choice(mode, "spec.mtls.mode", mtlsModes, object, &diagnostics)
        }
        for entry in object.spec?["portLevelMtls"]?.entries ?? [] {
            if Int(entry.key).map({ (1...65535).contains($0) }) != true {
                diagnostics.append(.error("\(object.kind) \(object.name): spec.portLevelMtls key '\(Diagnostic.excerpt(entry.key))' must be a port between 1 and 65535", at: entry.keyLocation))
            }
            if let mode = entry.value["mode"] {
                choice(mode, "spec.portLevelMtls.\(entry.key).mode", mtlsModes, object, &diagnostics)
            }
        }
    }

    static func authorizationPolicy(_ object: ManifestObject, _ diagnostics: inout [Diagnostic]) {
        if let action = object.spec?["action"] {
            choice(action, "spec.action", actions, object, &diagnostics)
        }
        onlyOneTarget(object, &diagnostics)
    }

    static func requestAuthentication(_ object: ManifestObject, _ diagnostics: inout [Diagnostic]) {
        for (index, rule) in (object.spec?["jwtRules"]?.items ?? []).enumerated() {
            let path = "spec.jwtRules[\(index)]"
            if let issuer = rule.entry("issuer"), (issuer.value.text ?? "").isEmpty {
                diagnostics.append(.error("\(object.kind) \(object.name): \(path).issuer must not be empty", at: issuer.value.location))
            }
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

    /// An enum value the CRD lists; a did-you-mean for a near miss.
    static func choice(_ node: YAMLNode, _ path: String, _ values: [String], _ object: ManifestObject, _ diagnostics: inout [Diagnostic]) {
        let text = node.text ?? ""
        guard !values.contains(text) else { return }
        let hint = Suggestion.hint(for: text, among: values, listName: "one of")
        diagnostics.append(.error("\(object.kind) \(object.name): \(path) '\(Diagnostic.excerpt(text))' is not a value Istio accepts; \(hint)", at: node.location))
    }
}
