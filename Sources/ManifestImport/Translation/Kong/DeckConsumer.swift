import Scenario

/// A Kong consumer of a decK file as a `gateway.consumers` entry: its `username` (else its
/// `custom_id`, the other name Kong accepts), key-auth keys, jwt secrets and ACL groups.
enum DeckConsumer {
    static let read = ["username", "custom_id", "id", "keyauth_credentials", "jwt_secrets", "acls", "plugins", "tags", "created_at", "updated_at"]

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
        var consumer = KongConsumerEntry(username: name, location: node.location)
        for kind in KongConsumerEntry.Kind.allCases {
            for credential in node[kind.field]?.items ?? [] {
                // An ACL without a group goes on: the consumers decoder says what is missing.
                if kind != .acl, credential["key"] == nil {
                    KongConsumerEntry.generatedKey(kind, at: credential.location, context: &context)
                    continue
                }
                consumer.add(kind, credential.removing(KongConsumerEntry.identityFields))
            }
        }
        context.gateway.consumers.append(consumer.node)
    }
}
