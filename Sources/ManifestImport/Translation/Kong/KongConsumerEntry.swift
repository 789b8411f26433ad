import Scenario

/// A Kong consumer as `gateway.consumers` lists it, in decK's shape: its `username` and the
/// credentials that identify it (`keyauth_credentials`, `jwt_secrets`) or place it in ACL
/// groups (`acls`). The scenario's consumers decoder judges each entry, so a key given to two
/// consumers is reported there, at the manifest lines.
struct KongConsumerEntry {
    /// The credential kinds meshsim models, by the name Kong's plugin (and the controller's
    /// `konghq.com/credential` label) gives them.
    enum Kind: String, CaseIterable {
        case keyAuth = "key-auth"
        case jwt
        case acl

        /// The consumer's list in a decK file.
        var field: String {
            switch self {
            case .keyAuth: "keyauth_credentials"
            case .jwt: "jwt_secrets"
            case .acl: "acls"
            }
        }

        /// The fields a credential Secret holds for the controller
        /// (internal/admission/validation/consumers/credentials/vars.go, `CredTypeToFields`).
        var secretFields: [String] {
            switch self {
            case .keyAuth: ["key"]
            case .jwt: ["key", "algorithm", "secret", "rsa_public_key"]
            case .acl: ["group"]
            }
        }
    }

    /// Fields of Kong's credential entities (kong/plugins/{key-auth,jwt,acl}/daos.lua) that
    /// only identify or label the credential (`ttl` goes on: it would change a run).
    static let identityFields = ["id", "created_at", "consumer", "tags"]

    var username: YAMLNode
    var credentials: [Kind: [YAMLNode]] = [:]
    var location: SourceLocation

    mutating func add(_ kind: Kind, _ credential: YAMLNode) {
        credentials[kind, default: []].append(credential)
    }

    var node: YAMLNode {
        var pairs: [(String, YAMLNode)] = [("username", username)]
        for kind in Kind.allCases {
            guard let list = credentials[kind], let first = list.first else { continue }
            pairs.append((kind.field, YAMLNode(.sequence(list), at: first.location)))
        }
        return .mapping(pairs, at: location)
    }

    /// Kong makes up a key that is not written (`auto = true` in the credential's schema).
    static func generatedKey(_ kind: Kind, at location: SourceLocation, context: inout KongContext) {
        context.warnOnce("generated-key.\(kind.rawValue)", "a \(kind.rawValue) credential without a key gets one Kong makes up, which no scenario client can send; it is left out", at: location)
    }
}
