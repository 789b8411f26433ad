/// `plugins:` lists (global or per route): Kong plugin entries, `config` in Kong's snake_case.
enum PluginDecoder {
    static let names = Plugin.names

    /// The enabled plugins of a list. Kong allows one instance of a plugin per scope, so a name
    /// written twice is an error; `enabled: false` leaves a plugin out, as in Kong.
    static func decodeList(_ node: YAMLNode, path: String, context: DecodeContext) -> [Plugin]? {
        Names.reportDuplicates(in: node, key: "name", of: "plugin", context)
        let decoded = ScenarioDecoder.list(node, path, ValueReader(context: context)) { item, itemPath, _ in
            decode(item, path: itemPath, context: context)
        }
        return decoded?.compactMap { $0 }
    }

    /// nil for a wrong entry; `.some(nil)` for a disabled one.
    private static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> Plugin?? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let name = reader.read("name", required: true) { pluginName($0, $1, values) }
        let enabled = reader.bool("enabled")
        let consumers = reader.read("consumers") { values.stringMap($0, $1) }
        let issuers = reader.read("issuers") { values.stringMap($0, $1) }
        let latency = reader.distribution("latency")
        let configNode = reader.node("config") ?? YAMLNode(.scalar("", quoted: false), at: node.location)
        reader.finish(noEffect: ProductFields.pluginNoEffect, notSimulated: ProductFields.pluginNotSimulated, product: "Kong")
        guard let name else { return nil }
        for (key, owner) in [("consumers", "key-auth"), ("issuers", "jwt")] where reader.has(key) && name != owner {
            context.error("\(reader.path(key)) applies only to the \(owner) plugin, not to \(name)", at: reader.location(of: key))
        }
        if reader.has("latency"), !name.hasSuffix("-transformer") {
            context.error("\(reader.path("latency")) applies only to the request-transformer and response-transformer plugins, not to \(name)", at: reader.location(of: "latency"))
        }
        if !names.contains(name) {
            context.warning("\(path): Kong plugin \(name) has no effect in the simulation (meshsim models \(names.joined(separator: ", ")))", at: reader.location(of: "name"))
            return .some(nil)
        }
        guard let config = MappingReader(configNode, path: reader.path("config"), context: context) else { return nil }
        let decoded: Plugin.Config?
        switch name {
        case "key-auth":
            decoded = keyAuth(config, consumers: consumers ?? [])
        case "jwt":
            decoded = jwt(config, issuers: issuers ?? [])
        case "rate-limiting":
            decoded = RateLimitingDecoder.decode(config).map(Plugin.Config.rateLimiting)
        case "acl":
            decoded = ACLDecoder.decode(config).map(Plugin.Config.acl)
        case "request-termination":
            decoded = RequestTerminationDecoder.decode(config).map(Plugin.Config.requestTermination)
        case "proxy-cache":
            decoded = ProxyCacheDecoder.decode(config).map(Plugin.Config.proxyCache)
        case "request-transformer":
            decoded = TransformerDecoder.decode(config, latency: latency ?? .zero, response: false).map(Plugin.Config.requestTransformer)
        case "response-transformer":
            decoded = TransformerDecoder.decode(config, latency: latency ?? .zero, response: true).map(Plugin.Config.responseTransformer)
        default:
            decoded = localRateLimit(config)
        }
        guard let decoded else { return nil }
        if enabled == false { return .some(nil) }
        return Plugin(name: name, config: decoded, location: node.location)
    }

    /// A modelled plugin or another of Kong's bundled ones; anything else is an error with the
    /// closest bundled name.
    private static func pluginName(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        guard let name = values.string(node, path) else { return nil }
        guard case .unknown(let suggestion) = KongBundledPlugins.kind(of: name) else { return name }
        let hint = suggestion.map { "did you mean '\($0)'?" } ?? "meshsim models \(names.joined(separator: ", "))"
        values.fail(path, "'\(Diagnostic.excerpt(name))' is not one of Kong's bundled plugins; \(hint)", at: node)
        return nil
    }

    private static func keyAuth(_ config: MappingReader, consumers: [(key: String, value: String)]) -> Plugin.Config? {
        let keyNames = config.read("key_names") { node, path -> [String]? in
            guard let names = config.values.stringList(node, path) else { return nil }
            guard !names.isEmpty else {
                config.values.fail(path, "must list at least one header name", at: node)
                return nil
            }
            return names
        }
        config.finish(noEffect: ProductFields.keyAuthNoEffect)
        return .keyAuth(KeyAuthConfig(
            keyNames: keyNames ?? ["apikey"],
            consumers: Dictionary(consumers.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        ))
    }

    private static func jwt(_ config: MappingReader, issuers: [(key: String, value: String)]) -> Plugin.Config? {
        let claims = config.read("claims_to_verify") { node, path in
            ScenarioDecoder.list(node, path, config.values) { item, itemPath, _ in
                config.values.choice(item, itemPath, [JWTConfig.Claim.exp, .nbf])
            }
        }
        config.finish(noEffect: ProductFields.jwtNoEffect)
        return .jwt(JWTConfig(
            claimsToVerify: claims ?? [],
            issuers: Dictionary(issuers.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        ))
    }

    /// Envoy's token bucket, written flat or as Envoy's own `token_bucket:` block.
    private static func localRateLimit(_ config: MappingReader) -> Plugin.Config? {
        let bucket = config.mapping("token_bucket") ?? config
        let maxTokens = bucket.int("max_tokens", 1...Int.max, required: true)
        // Envoy's default refill is one token per interval.
        let tokensPerFill = bucket.int("tokens_per_fill", 1...Int.max)
        let fillInterval = bucket.read("fill_interval", required: true) { node, path -> Nanoseconds? in
            guard let interval = bucket.values.duration(node, path) else { return nil }
            guard interval >= 50_000_000 else {
                bucket.values.fail(path, "must be at least 50ms (Envoy's shortest fill interval), not \(ValueReader.text(node))", at: node)
                return nil
            }
            return interval
        }
        if bucket !== config { bucket.finish() }
        config.finish(noEffect: ProductFields.localRateLimitNoEffect, notSimulated: ProductFields.localRateLimitNotSimulated, product: "Envoy")
        guard let maxTokens, let fillInterval else { return nil }
        return .localRateLimit(LocalRateLimitConfig(maxTokens: maxTokens, tokensPerFill: tokensPerFill ?? 1, fillInterval: fillInterval))
    }
}
