/// `rules[*].when[*]`: `key` must be an attribute Istio's sidecars support (the "Authorization
/// Policy Conditions" reference page; istio/istio pilot/pkg/security/authz/model/model.go, whose
/// `New` refuses any other key with "unknown attribute").
enum AuthorizationConditionDecoder {
    /// Attributes named as written.
    static let plainKeys = [
        "source.ip", "remote.ip", "source.namespace", "source.serviceAccount", "source.principal", "source.trustDomain",
        "request.auth.principal", "request.auth.audiences", "request.auth.presenter",
        "destination.ip", "destination.port", "connection.sni",
    ]
    /// Attributes followed by `[NAME]` (a header or claim name).
    static let bracketKeys = ["request.headers", "request.experimental.inline.headers", "request.auth.claims"]
    /// `experimental.envoy.filters.FILTER[KEY]...`: Envoy dynamic metadata.
    static let envoyFilterPrefix = "experimental.envoy.filters."
    /// Attributes meshsim has no counterpart for: a condition on one never holds.
    static let unmodelled = [
        "source.ip": "callers have no IP addresses", "remote.ip": "callers have no IP addresses",
        "destination.ip": "workloads have no IP addresses", "connection.sni": "connections carry no SNI",
    ]

    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> AuthorizationPolicy.Condition? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let key = reader.nonEmptyString("key", required: true)
        let values = reader.stringList("values")
        let notValues = reader.stringList("notValues")
        reader.finish()
        guard let key, let keyNode = reader.node("key"), check(key, path: reader.path("key"), at: keyNode, context) else { return nil }
        guard reader.has("values") || reader.has("notValues") else {
            // Istio's validation: "at least one of values or not_values must be set for key".
            context.error("\(path) needs values or notValues for \(key)", at: node.location)
            return nil
        }
        if key == "destination.port" {
            for value in (values ?? []) + (notValues ?? []) where !(Int(value).map { (0...65535).contains($0) } ?? false) {
                context.error("\(path): destination.port values must be port numbers from 0 to 65535, not '\(Diagnostic.excerpt(value))'", at: node.location)
                return nil
            }
        }
        return AuthorizationPolicy.Condition(key: key, values: values ?? [], notValues: notValues ?? [], location: node.location)
    }

    /// True when `key` is an attribute Istio knows; a near miss gets a "did you mean".
    private static func check(_ key: String, path: String, at node: YAMLNode, _ context: DecodeContext) -> Bool {
        if plainKeys.contains(key) {
            if let why = unmodelled[key] {
                context.warning("\(path) \(key): meshsim's \(why), so this condition never holds", at: node.location)
            }
            return true
        }
        if key.hasPrefix(envoyFilterPrefix) {
            context.warning("\(path) \(Diagnostic.excerpt(key)): meshsim has no Envoy dynamic metadata, so this condition never holds", at: node.location)
            return true
        }
        if let open = key.firstIndex(of: "["), bracketKeys.contains(String(key[..<open])) {
            // `[NAME]`; claims may be nested (`request.auth.claims[a][b]`).
            let names = key[open...].dropFirst().dropLast().split(separator: "][", omittingEmptySubsequences: false)
            let wellFormed = key.hasSuffix("]") && names.allSatisfy { name in
                !name.isEmpty && !name.contains("[") && !name.contains("]")
            }
            let nests = key.hasPrefix("request.auth.claims") || names.count == 1
            if wellFormed, nests {
                if names.count > 1 {
                    context.warning("\(path) \(key): meshsim's JWT claims are flat (credential.jwt.claims), so a nested claim never holds", at: node.location)
                }
                return true
            }
            context.error("\(path) must name the \(key.hasPrefix("request.auth") ? "claim" : "header") in brackets, as in \(key[..<open])[NAME], not '\(Diagnostic.excerpt(key))'", at: node.location)
            return false
        }
        let candidates = plainKeys + bracketKeys
        let base = key.firstIndex(of: "[").map { String(key[..<$0]) } ?? key
        let hint = Suggestion.closest(to: base, among: candidates).map { "; did you mean '\($0)\(bracketKeys.contains($0) ? "[NAME]" : "")'?" } ?? ""
        context.error("\(path) '\(Diagnostic.excerpt(key))' is not an attribute Istio supports in conditions\(hint)", at: node.location)
        return false
    }
}
