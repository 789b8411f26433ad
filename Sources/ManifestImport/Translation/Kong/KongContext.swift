import Scenario

/// What the Kong translators share while they read: the objects and services (read-only),
/// the gateway they gather, and their messages, some said once per field.
struct KongContext {
    let translation: ManifestTranslation
    var gateway = KongGateway()
    var diagnostics: [Diagnostic] = []
    /// Scenario services whose Kubernetes Service's annotations were read (once each).
    var annotatedServices: Set<String> = []
    /// Keys of the warnings said once (a field of a kind, a plugin name).
    private var warned: Set<String> = []

    init(translation: ManifestTranslation) {
        self.translation = translation
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// A warning said once per `key` however many objects repeat it.
    mutating func warnOnce(_ key: String, _ message: String, at location: SourceLocation) {
        guard warned.insert(key).inserted else { return }
        warning(message, at: location)
    }

    /// The scenario name of the service `host` names from `namespace`, or an error with a
    /// did-you-mean at `node` and nil.
    mutating func service(_ host: String, from object: ManifestObject, at node: YAMLNode) -> YAMLNode? {
        guard let name = translation.directory.resolve(host: host, from: object.namespace) else {
            error(translation.unknownHost(host, from: object), at: node.location)
            return nil
        }
        return .scalar(name, at: node.location)
    }

    /// Kong's `nonzero_timeout`: 1 … 2^31 − 2 ms.
    static let timeoutRange = 1...2_147_483_646

    /// A Kong service's read timeout in milliseconds (decK `read_timeout`) as a route's own
    /// `timeout`, or an error naming `field` and nil.
    mutating func readTimeout(_ node: YAMLNode, field: String) -> YAMLNode? {
        guard let text = node.text, let milliseconds = Int(text), Self.timeoutRange.contains(milliseconds) else {
            error("\(field) must be a whole number of milliseconds from 1 to 2147483646, not \(Self.describe(node))", at: node.location)
            return nil
        }
        return .scalar("\(milliseconds)ms", at: node.location)
    }

    /// A value as messages quote it.
    static func describe(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, _): return "'\(Diagnostic.excerpt(text))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
