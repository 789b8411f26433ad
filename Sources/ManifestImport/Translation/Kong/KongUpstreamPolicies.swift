import Scenario

/// KongUpstreamPolicy objects (configuration.konghq.com/v1beta1), by the name a Kubernetes
/// Service's `konghq.com/upstream-policy` annotation gives, as `gateway.upstreams` entries:
/// the controller writes the camelCase spec as the snake_case fields of Kong's upstream
/// (internal/dataplane/kongstate/kongupstreampolicy.go, `TranslateKongUpstreamPolicy`).
struct KongUpstreamPolicies {
    static let annotation = "konghq.com/upstream-policy"
    /// The spec's fields (KongUpstreamPolicySpec); the API server drops any other.
    static let specFields = ["algorithm", "slots", "hashOn", "hashOnFallback", "healthchecks", "stickySessions"]
    /// `hashOn` / `hashOnFallback`: one of these, as Kong's `hash_on` value and its field.
    static let hashInputs: [(field: String, hashOn: String, kongField: String?)] = [
        ("input", "", nil), ("header", "header", "header"), ("cookie", "cookie", "cookie"),
        ("queryArg", "query_arg", "query_arg"), ("uriCapture", "uri_capture", "uri_capture"),
    ]

    /// `namespace/name` → the upstream entry.
    private var policies: [String: YAMLNode] = [:]

    init(_ objects: [ManifestObject], context: inout KongContext) {
        for object in objects where object.isKind("KongUpstreamPolicy", in: ["configuration.konghq.com"]) {
            policies["\(object.namespace)/\(object.name)"] = Self.upstream(object, context: &context)
        }
    }

    /// The upstream entry of the policy `service`'s annotation names; nil without the
    /// annotation, or (an error with a did-you-mean) when no policy of its namespace has that
    /// name: the controller then fails the Service's translation.
    func upstream(of service: ManifestObject, context: inout KongContext) -> YAMLNode? {
        guard let node = service.node["metadata", "annotations", Self.annotation], let name = node.text else { return nil }
        if let policy = policies["\(service.namespace)/\(name)"] { return policy }
        let prefix = "\(service.namespace)/"
        let known = policies.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        let hint = Suggestion.closest(to: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
        context.error("Service \(service.name): \(Self.annotation) names '\(Diagnostic.excerpt(name))', but no KongUpstreamPolicy in namespace \(service.namespace) has that name\(hint)", at: node.location)
        return nil
    }

    private static func upstream(_ object: ManifestObject, context: inout KongContext) -> YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        let spec = object.spec ?? .mapping([], at: object.location)
        // The CRD's schema has these as objects: anything else never reaches the cluster.
        let objects = [("spec", spec)] + ["hashOn", "hashOnFallback", "stickySessions"].compactMap { key in spec[key].map { ("spec.\(key)", $0) } }
        for (field, node) in objects where !node.isNull && !node.isMapping {
            context.error("KongUpstreamPolicy \(object.name): \(field) must be a mapping, not \(KongContext.describe(node)); the API server rejects it", at: node.location)
        }
        for entry in spec.entries where !entry.value.isNull {
            switch entry.key {
            case "algorithm", "slots":
                pairs.append((entry.key, entry.value))
            case "hashOn":
                pairs += hash(entry.value, prefix: "hash_on", object: object, context: &context)
            case "hashOnFallback":
                pairs += hash(entry.value, prefix: "hash_fallback", object: object, context: &context)
            case "healthchecks":
                pairs.append(("healthchecks", snakeCased(entry.value)))
            case "stickySessions":
                for (field, kongField) in [("cookie", "sticky_sessions_cookie"), ("cookiePath", "sticky_sessions_cookie_path")] {
                    if let value = entry.value[field] { pairs.append((kongField, value)) }
                }
            default:
                let hint = Suggestion.closest(to: entry.key, among: specFields).map { "; did you mean '\($0)'?" } ?? ""
                context.warning("ignored: KongUpstreamPolicy \(object.name): spec.\(entry.key) is not a field of KongUpstreamPolicy\(hint); the API server drops it", at: entry.keyLocation)
            }
        }
        return .mapping(pairs, at: spec.location)
    }

    /// `{header: x-user}` → `hash_on: header, hash_on_header: x-user`; `{input: consumer}` →
    /// `hash_on: consumer`. A cookie's fields are `hash_on_cookie(_path)` for both, as in Kong.
    private static func hash(_ node: YAMLNode, prefix: String, object: ManifestObject, context: inout KongContext) -> [(String, YAMLNode)] {
        var pairs: [(String, YAMLNode)] = []
        for entry in node.entries where !entry.value.isNull {
            if entry.key == "cookiePath" {
                pairs.append(("hash_on_cookie_path", entry.value))
            } else if let input = hashInputs.first(where: { $0.field == entry.key }) {
                guard let kongField = input.kongField else {
                    pairs.append((prefix, entry.value))
                    continue
                }
                pairs.append((prefix, .scalar(input.hashOn, at: entry.keyLocation)))
                pairs.append((kongField == "cookie" ? "hash_on_cookie" : "\(prefix)_\(kongField)", entry.value))
            } else {
                let hint = Suggestion.closest(to: entry.key, among: hashInputs.map(\.field) + ["cookiePath"]).map { "; did you mean '\($0)'?" } ?? ""
                context.warning("ignored: KongUpstreamPolicy \(object.name): '\(Diagnostic.excerpt(entry.key))' is not a field of a hash input\(hint); the API server drops it", at: entry.keyLocation)
            }
        }
        return pairs
    }

    /// `httpPath` → `http_path`, `httpsSni` → `https_sni`, at every level but below `headers`
    /// (header names, written as they are).
    static func snakeCased(_ node: YAMLNode) -> YAMLNode {
        guard case .mapping(let entries) = node.value else { return node }
        return YAMLNode(.mapping(entries.map { entry in
            let key = snakeCase(entry.key)
            return YAMLEntry(key: key, keyLocation: entry.keyLocation, value: key == "headers" ? entry.value : snakeCased(entry.value))
        }), at: node.location)
    }

    static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
