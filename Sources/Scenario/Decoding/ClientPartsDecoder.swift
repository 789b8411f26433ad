/// The nested blocks of a client: `retries`, `credential` and the `requests` mix.
enum ClientPartsDecoder {
    /// Without `on`, a client retries server errors and its own timeouts, what a retrying HTTP
    /// client does by default; without `backoff` it retries at once.
    static let defaultRetryConditions: [ClientRetries.Condition] = [.serverError, .timeout]

    static func retries(_ node: YAMLNode, path: String, context: DecodeContext) -> ClientRetries? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let attempts = reader.int("attempts", 0...Int.max, required: true)
        let backoff = reader.duration("backoff")
        let conditions = reader.read("on") { node, path in
            ScenarioDecoder.list(node, path, reader.values) { item, itemPath, _ in condition(item, itemPath, reader.values) }
        }
        reader.finish()
        guard let attempts else { return nil }
        return ClientRetries(attempts: attempts, backoff: backoff ?? 0, on: conditions ?? defaultRetryConditions)
    }

    private static func condition(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> ClientRetries.Condition? {
        guard let text = values.scalar(node, path, expected: "5xx, 4xx, timeout or a status code") else { return nil }
        switch text {
        case "5xx": return .serverError
        case "4xx": return .clientError
        case "timeout": return .timeout
        default:
            if let status = Int(text), (100...599).contains(status) { return .status(status) }
            let hint = values.suggestionSuffix(text, ["5xx", "4xx", "timeout"])
            values.fail(path, "must be 5xx, 4xx, timeout or a status code from 100 to 599, not '\(text)'\(hint)", at: node)
            return nil
        }
    }

    /// Exactly one of `apiKey` and `jwt`; with `jwt`, the claims Istio reads besides `iss`,
    /// `exp` and `nbf` (empty for an API key).
    static func credential(_ node: YAMLNode, path: String, context: DecodeContext) -> (credential: Credential, claims: JWTClaims)? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let apiKey = reader.nonEmptyString("apiKey")
        let jwt = reader.read("jwt") { node, path -> (Credential, JWTClaims)? in
            guard let claims = MappingReader(node, path: path, context: context) else { return nil }
            let issuer = claims.nonEmptyString("iss", required: true)
            // Relative to the send time; negative values make expired or already-valid tokens.
            let expiresIn = claims.duration("exp", .any)
            let notBefore = claims.duration("nbf", .any)
            let subject = claims.nonEmptyString("sub")
            let audiences = claims.read("aud") { stringOrList($0, $1, claims.values) }
            let others = claims.read("claims") { otherClaims($0, path: $1, claims.values) }
            claims.finish()
            return issuer.map {
                (.jwt(issuer: $0, expiresIn: expiresIn, notBefore: notBefore),
                 JWTClaims(subject: subject, audiences: audiences ?? [], claims: others ?? [:]))
            }
        }
        let written = ["apiKey", "jwt"].filter { reader.has($0) }
        reader.finish()
        guard written.count == 1 else {
            context.error(written.isEmpty
                ? "\(path) needs one of apiKey or jwt"
                : "\(path) must have only one of apiKey or jwt, not both", at: reader.location)
            return nil
        }
        return apiKey.map { (Credential.apiKey($0), JWTClaims()) } ?? jwt
    }

    /// A JWT claim is a string or a list of strings (`aud: shop` or `aud: [shop, admin]`).
    private static func stringOrList(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> [String]? {
        if case .sequence = node.value { return values.stringList(node, path) }
        return values.string(node, path).map { [$0] }
    }

    /// `claims: { NAME: VALUE or [VALUES] }`; the registered claims have their own fields.
    private static func otherClaims(_ node: YAMLNode, path: String, _ values: ValueReader) -> [String: [String]]? {
        guard let entries = values.entries(node, path) else { return nil }
        var claims: [String: [String]] = [:]
        for entry in entries {
            if ["iss", "sub", "aud", "exp", "nbf"].contains(entry.key) {
                let parent = path.split(separator: ".").dropLast().joined(separator: ".")
                values.context.error("\(path).\(entry.key): write the \(entry.key) claim as \(parent).\(entry.key)", at: entry.keyLocation)
                continue
            }
            claims[entry.key] = stringOrList(entry.value, "\(path).\(entry.key)", values)
        }
        return claims
    }

    static func request(_ node: YAMLNode, path: String, context: DecodeContext) -> RequestTemplate? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let weight = reader.read("weight") { node, path -> Double? in
            guard let weight = values.number(node, path) else { return nil }
            guard weight > 0 else {
                values.fail(path, "must be greater than 0, not \(weight.plainText)", at: node)
                return nil
            }
            return weight
        }
        let method = reader.read("method") { node, path -> String? in
            guard let method = values.nonEmptyString(node, path) else { return nil }
            guard method.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else {
                values.fail(path, "must be an HTTP method such as GET or POST, not '\(method)'", at: node)
                return nil
            }
            return method.uppercased()
        }
        let requestPath = reader.read("path") { node, path in HTTPPaths.check(node, path, values) }
        // nil after an error in the path, .some(nil) for a path without keys.
        let written = reader.read("path") { node, path in requestPath.flatMap { RequestKeysDecoder.range($0, node, path, values) } }
        let range = written ?? nil
        let popularity = reader.read("popularity") { RequestKeysDecoder.popularity($0, $1, values) }
        let headers = reader.read("headers") { values.stringMap($0, $1) }
        reader.finish()
        if popularity != nil, range == nil, written != nil || !reader.has("path") {
            context.error("\(reader.path("popularity")) needs keys in \(reader.path("path")), e.g. /items/{1..5000}", at: reader.location(of: "popularity"))
        }
        let keys = range.map {
            RequestKeys(count: $0.count, popularity: popularity ?? .uniform, suffix: $0.suffix, inQuery: $0.inQuery, location: reader.location(of: "path"))
        }
        return RequestTemplate(
            weight: weight ?? 1, method: method ?? "GET", path: range?.prefix ?? requestPath ?? "/",
            headers: (headers ?? []).map { Header(name: $0.key, value: $0.value) }, keys: keys
        )
    }
}
