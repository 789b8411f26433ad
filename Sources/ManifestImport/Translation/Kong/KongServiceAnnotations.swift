import Scenario

/// What the Kong Ingress Controller reads from a Kubernetes Service's annotations onto the
/// Kong service it makes for it, and so onto each route to it: `konghq.com/read-timeout`
/// (ms) as the route's `timeout`, `konghq.com/retries`, and `konghq.com/plugins` as
/// service-scoped plugins.
struct KongServiceAnnotations {
    var timeout: YAMLNode?
    var retries: YAMLNode?
    var plugins: [KongPlugin] = []

    /// `service` is the scenario name of the route's backend.
    init(service: String, context: inout KongContext, plugins objects: KongPluginObjects) {
        guard let kube = context.translation.directory.service(named: service)?.object else { return }
        if let node = Self.annotation("konghq.com/read-timeout", of: kube) {
            if let text = node.text, let milliseconds = Int(text), DeckService.timeoutRange.contains(milliseconds) {
                timeout = .scalar("\(milliseconds)ms", at: node.location)
            } else {
                context.error("Service \(kube.name): konghq.com/read-timeout must be a whole number of milliseconds from 1 to 2147483646, not \(KongContext.describe(node))", at: node.location)
            }
        }
        retries = Self.annotation("konghq.com/retries", of: kube)
        plugins = objects.annotated(kube, context: &context)
    }

    static func annotation(_ key: String, of object: ManifestObject) -> YAMLNode? {
        object.node["metadata", "annotations", key]
    }
}
