/// `gateway.consumers`: Kong consumers in decK's shape (kong/db/schema/entities/consumers.lua
/// and the credential daos of key-auth, jwt and acl). Their credentials join every key-auth
/// plugin's `consumers` and every jwt plugin's `issuers`: Kong looks a credential up among all
/// consumers, whichever plugin instance runs.
enum ConsumerDecoder {
    /// Identifiers and bookkeeping, and the credentials of plugins meshsim does not model.
    static let noEffect = [
        "id", "custom_id", "tags", "created_at", "updated_at", "basicauth_credentials", "hmacauth_credentials",
        "oauth2_credentials", "mtls_auth_credentials",
    ]
    /// Consumer-scoped plugins and consumer groups change which plugins run for a consumer.
    static let notSimulated = ["plugins", "groups"]
    static let algorithms = ["HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512", "EdDSA"]

    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> [KongConsumer]? {
        Names.reportDuplicates(in: node, key: "username", of: "consumer", context)
        return ScenarioDecoder.list(node, path, ValueReader(context: context)) { item, itemPath, _ in
            consumer(item, path: itemPath, context: context)
        }
    }

    private static func consumer(_ node: YAMLNode, path: String, context: DecodeContext) -> KongConsumer? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let username = reader.nonEmptyString("username", required: true)
        let keys = credentials(reader, "keyauth_credentials") { credential in
            // A credential's ttl would make the key stop working part-way through a run.
            let key = credential.nonEmptyString("key", required: true)
            credential.finish(noEffect: ["id", "tags", "created_at"], notSimulated: ["ttl"], product: "Kong")
            return key
        }
        let secrets = credentials(reader, "jwt_secrets") { credential in
            let key = credential.nonEmptyString("key", required: true)
            let algorithm = credential.read("algorithm") { credential.values.choice($0, $1, algorithms) }
            let secret = credential.string("secret")
            credential.finish(noEffect: ["id", "tags", "created_at", "rsa_public_key"], product: "Kong")
            return key.map { KongConsumer.JWTSecret(key: $0, algorithm: algorithm ?? "HS256", secret: secret) }
        }
        let groups = credentials(reader, "acls") { acl in
            let group = acl.nonEmptyString("group", required: true)
            acl.finish(noEffect: ["id", "tags", "created_at"], product: "Kong")
            return group
        }
        reader.finish(noEffect: noEffect, notSimulated: notSimulated, product: "Kong")
        guard let username, let keys, let secrets, let groups else { return nil }
        return KongConsumer(username: username, keys: keys, jwtSecrets: secrets, groups: groups, location: node.location)
    }

    /// A list of mappings, each decoded by `decode`; nil when any entry is wrong.
    private static func credentials<T>(_ reader: MappingReader, _ key: String, _ decode: (MappingReader) -> T?) -> [T]? {
        guard let node = reader.node(key) else { return [] }
        guard let items = reader.values.sequence(node, reader.path(key)) else { return nil }
        let decoded = items.enumerated().map { index, item in
            MappingReader(item, path: "\(reader.path(key))[\(index)]", context: reader.context).flatMap(decode)
        }
        return decoded.contains { $0 == nil } ? nil : decoded.compactMap { $0 }
    }

    /// Adds the consumers' keys to every key-auth plugin and their JWT keys to every jwt
    /// plugin, global and per route. A key that two consumers claim is an error (Kong keeps
    /// credential keys unique), whether both are in `consumers` or one is in a plugin's map.
    static func merge(into gateway: inout Gateway, context: DecodeContext) {
        var keys: [(key: String, owner: KongConsumer)] = []
        var issuers: [(key: String, owner: KongConsumer)] = []
        var keyOwners: [String: KongConsumer] = [:]
        var issuerOwners: [String: KongConsumer] = [:]
        for consumer in gateway.consumers {
            for (key, kind) in consumer.keys.map({ ($0, "key-auth key") }) + consumer.jwtSecrets.map({ ($0.key, "jwt secret key") }) {
                let jwt = kind.hasPrefix("jwt")
                if let other = jwt ? issuerOwners[key] : keyOwners[key] {
                    if other.username != consumer.username {
                        context.error("\(kind) '\(Diagnostic.excerpt(key))' of consumer \(consumer.username) already belongs to consumer \(other.username) (line \(other.location.line)); Kong keeps credential keys unique", at: consumer.location)
                    }
                    continue
                }
                if jwt {
                    issuerOwners[key] = consumer
                    issuers.append((key, consumer))
                } else {
                    keyOwners[key] = consumer
                    keys.append((key, consumer))
                }
            }
        }
        guard !keys.isEmpty || !issuers.isEmpty else { return }
        func merge(_ plugin: inout Plugin) {
            switch plugin.config {
            case .keyAuth(var config):
                config.consumers = merged(config.consumers, keys, plugin: plugin, kind: "key-auth key", context)
                plugin.config = .keyAuth(config)
            case .jwt(var config):
                config.issuers = merged(config.issuers, issuers, plugin: plugin, kind: "jwt issuer", context)
                plugin.config = .jwt(config)
            default:
                break
            }
        }
        for index in gateway.plugins.indices { merge(&gateway.plugins[index]) }
        for route in gateway.routes.indices {
            for index in gateway.routes[route].plugins.indices { merge(&gateway.routes[route].plugins[index]) }
        }
    }

    private static func merged(
        _ map: [String: String], _ credentials: [(key: String, owner: KongConsumer)], plugin: Plugin, kind: String, _ context: DecodeContext
    ) -> [String: String] {
        var map = map
        for (key, owner) in credentials {
            if let mapped = map[key], mapped != owner.username {
                context.error("\(kind) '\(Diagnostic.excerpt(key))' of consumer \(owner.username) is mapped to \(mapped) by the \(plugin.name) plugin at line \(plugin.location.line); a key belongs to one consumer", at: owner.location)
                continue
            }
            map[key] = owner.username
        }
        return map
    }
}
