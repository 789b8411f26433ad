import Foundation
import Scenario

/// KongConsumer objects of the Kong Ingress Controller as `gateway.consumers` entries:
/// `username` (else `custom_id`) and `credentials`, the names of Secrets in the consumer's
/// namespace whose `konghq.com/credential` label says `key-auth`, `jwt` or `acl` and whose
/// values (in `stringData`, or base64 in `data`) are the credential's fields: `key`; `key`,
/// `algorithm`, `secret`, `rsa_public_key`; `group`.
enum KongConsumerTranslator {
    static let credentialLabel = "konghq.com/credential"

    static func translate(_ context: inout KongContext, plugins: KongPluginObjects) {
        let secrets = context.translation.objects.filter { $0.kind == "Secret" && $0.group.isEmpty }
        for consumer in context.translation.objects(
            "KongConsumer", in: ["configuration.konghq.com"]) {
            context.gateway.note(consumer.location)
            if consumer.node["metadata", "annotations", KongPluginObjects.annotation] != nil {
                _ = plugins.annotated(consumer, context: &context)
                KongPluginCatalog.consumerScoped(at: consumer.location, context: &context)
            }
            guard let name = consumer.node["username"] ?? consumer.node["custom_id"] else {
                context.error("KongConsumer \(consumer.name) needs a username or a custom_id; Kong rejects a consumer without one", at: consumer.location)
                continue
            }
            var entry = KongConsumerEntry(username: name, location: consumer.location)
            for reference in consumer.node["credentials"]?.items ?? [] {
                guard let secretName = reference.text else { continue }
                guard let secret = secrets.first(where: { $0.name == secretName && $0.namespace == consumer.namespace }) else {
                    context.warning("KongConsumer \(consumer.name): no Secret \(Diagnostic.excerpt(secretName)) in namespace \(consumer.namespace); the controller leaves this credential out, and so does meshsim", at: reference.location)
                    continue
                }
                credential(secret, into: &entry, context: &context)
            }
            context.gateway.consumers.append(entry.node)
        }
    }

    private static func credential(_ secret: ManifestObject, into consumer: inout KongConsumerEntry, context: inout KongContext) {
        var type = secret.labels[credentialLabel]
        if type == nil, case .found(let legacy) = value("kongCredType", in: secret) {
            type = legacy.text
            context.warnOnce("kongCredType", "Secret \(secret.name): the kongCredType field is read as the \(credentialLabel) label; the Kong Ingress Controller reads only the label since 3.2", at: legacy.location)
        }
        guard let type else {
            context.error("Secret \(secret.name) is a KongConsumer credential without a \(credentialLabel) label (key-auth, jwt, acl, ...); the controller rejects it", at: secret.location)
            return
        }
        guard let kind = KongConsumerEntry.Kind(rawValue: type) else {
            context.warnOnce("credential:\(type)", "ignored: \(type) credentials are not modelled", at: secret.location)
            return
        }
        var fields: [(String, YAMLNode)] = []
        for field in kind.secretFields {
            switch value(field, in: secret) {
            case .found(let node):
                fields.append((field, node))
            case .absent:
                continue
            case .notBase64(let node):
                context.error("Secret \(secret.name): data.\(field) is not base64; the cluster rejects it", at: node.location)
                return
            }
        }
        // The controller's own check (internal/dataplane/kongstate/credentials.go).
        let required = kind == .acl ? "group" : "key"
        guard fields.contains(where: { $0.0 == required }) else {
            let article = kind == .acl ? "an" : "a"
            context.error("Secret \(secret.name): \(article) \(type) credential needs a \(required); the controller's validation rejects it without one", at: secret.location)
            return
        }
        consumer.add(kind, .mapping(fields, at: fields[0].1.location))
    }

    private enum SecretValue {
        case found(YAMLNode)
        case absent
        case notBase64(YAMLNode)
    }

    /// A Secret's value: `stringData` as written (it wins over `data`, as the API server
    /// merges them), `data` decoded from base64 (text that is not base64 is an error: the
    /// API server rejects it).
    private static func value(_ key: String, in secret: ManifestObject) -> SecretValue {
        if let text = secret.node["stringData", key] { return .found(text) }
        guard let encoded = secret.node["data", key] else { return .absent }
        guard let text = encoded.text, let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8) else {
            return .notBase64(encoded)
        }
        return .found(.scalar(decoded, at: encoded.location))
    }
}
