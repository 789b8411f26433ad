import Scenario

/// Consumers' credentials, which Kong's key-auth and jwt plugins look up wherever they run:
/// key-auth matches the key sent against every `keyauth_credentials` key, jwt matches the
/// token's `iss` claim (the plugin's `key_claim_name`, default `iss`) against every
/// `jwt_secrets` key. meshsim writes them as the plugins' `consumers` and `issuers` maps.
struct KongCredentials {
    enum Kind: String {
        case keyAuth = "key-auth"
        case jwt

        /// The scenario plugin field the credentials of this kind go to.
        var field: String { self == .keyAuth ? "consumers" : "issuers" }
    }

    struct Credential {
        var key: String
        /// The key's node, for locations.
        var keyNode: YAMLNode
        /// The consumer's name (username, else custom_id), at the credential.
        var consumer: YAMLNode
    }

    private(set) var credentials: [Kind: [Credential]] = [:]
    /// Key → index in `credentials`, so that thousands of consumers stay linear.
    private var byKey: [Kind: [String: Int]] = [:]

    /// Adds a credential; a key already given is an error (Kong keeps keys unique), returned.
    mutating func add(_ kind: Kind, key: YAMLNode, consumer: YAMLNode) -> Diagnostic? {
        guard let text = key.text, !text.isEmpty else {
            return .error("a \(kind.rawValue) credential's key must be a string", at: key.location)
        }
        if let index = byKey[kind]?[text], let first = credentials[kind]?[index] {
            return .error("\(kind.rawValue) key '\(Diagnostic.excerpt(text))' is given twice: here and at \(first.keyNode.location); Kong keeps each key unique", at: key.location)
        }
        byKey[kind, default: [:]][text] = credentials[kind]?.count ?? 0
        credentials[kind, default: []].append(Credential(key: text, keyNode: key, consumer: consumer))
        return nil
    }

    /// The plugin's entry with its credentials, unless it names its own.
    func applied(to plugin: KongPlugin) -> YAMLNode {
        guard let name = plugin.name, let kind = Kind(rawValue: name), let list = credentials[kind], let first = list.first,
              plugin.node.isMapping, plugin.node[kind.field] == nil
        else { return plugin.node }
        let map = YAMLNode.mapping(list.map { ($0.key, $0.consumer) }, at: first.keyNode.location)
        return plugin.node.setting(kind.field, to: map)
    }
}
