import Scenario

/// A Kong consumer of a decK file: its key-auth keys and jwt secrets' keys, written to the
/// key-auth plugin's `consumers` and the jwt plugin's `issuers` under its `username` (else
/// its `custom_id`, the other name Kong accepts).
enum DeckConsumer {
    static let read = ["username", "custom_id", "id", "keyauth_credentials", "jwt_secrets", "plugins", "tags", "created_at", "updated_at"]

    static func read(_ node: YAMLNode, context: inout KongContext) {
        for entry in node.entries where !read.contains(entry.key) && !entry.value.isNull {
            context.warnOnce("decK.consumers.\(entry.key)", "ignored: Kong consumers' \(entry.key) is not modelled", at: entry.keyLocation)
        }
        if let plugins = node.entry("plugins"), !plugins.value.items.isEmpty {
            KongPluginCatalog.consumerScoped(at: plugins.keyLocation, context: &context)
        }
        guard let name = node["username"] ?? node["custom_id"] else {
            context.error("a Kong consumer needs a username or a custom_id; Kong rejects it without one", at: node.location)
            return
        }
        for (field, kind) in [("keyauth_credentials", KongCredentials.Kind.keyAuth), ("jwt_secrets", .jwt)] {
            for credential in node[field]?.items ?? [] {
                guard let key = credential["key"] else {
                    generatedKey(kind, at: credential.location, context: &context)
                    continue
                }
                context.addCredential(kind, key: key, consumer: name)
            }
        }
    }

    /// Kong makes up a key that is not written (`auto = true` in the credential's schema).
    static func generatedKey(_ kind: KongCredentials.Kind, at location: SourceLocation, context: inout KongContext) {
        context.warnOnce("generated-key.\(kind.rawValue)", "a \(kind.rawValue) credential without a key gets one Kong makes up, which no scenario client can send; it is left out", at: location)
    }
}
