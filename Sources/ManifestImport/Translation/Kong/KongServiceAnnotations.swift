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
            timeout = context.readTimeout(node, field: "Service \(kube.name): konghq.com/read-timeout")
        }
        retries = Self.annotation("konghq.com/retries", of: kube)
        plugins = objects.annotated(kube, context: &context)
    }

    static func annotation(_ key: String, of object: ManifestObject) -> YAMLNode? {
        object.node["metadata", "annotations", key]
    }
}
