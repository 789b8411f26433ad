import Scenario

/// What the Kong Ingress Controller reads from a Kubernetes Service's annotations onto the
/// Kong service and upstream it makes for it (internal/dataplane/kongstate/service.go):
/// `konghq.com/retries`, `konghq.com/connect-timeout`, `konghq.com/read-timeout` and
/// `konghq.com/write-timeout` (ms) as `gateway.services.NAME`; the KongUpstreamPolicy that
/// `konghq.com/upstream-policy` names as `gateway.upstreams.NAME`; `konghq.com/plugins` as
/// service-scoped plugins, which go on each route to it.
struct KongServiceAnnotations {
    static let settings = [
        ("konghq.com/retries", "retries"), ("konghq.com/connect-timeout", "connect_timeout"),
        ("konghq.com/read-timeout", "read_timeout"), ("konghq.com/write-timeout", "write_timeout"),
    ]

    var plugins: [KongPlugin] = []

    /// `service` is the scenario name of the route's backend; its settings and upstream are
    /// written the first time a route reaches it.
    init(service: String, context: inout KongContext, plugins objects: KongPluginObjects, policies: KongUpstreamPolicies) {
        guard let kube = context.translation.directory.service(named: service)?.object else { return }
        plugins = objects.annotated(kube, context: &context)
        guard context.annotatedServices.insert(service).inserted else { return }
        let values = Self.settings.compactMap { key, field in Self.annotation(key, of: kube).map { (field, $0) } }
        if let first = values.first {
            context.gateway.services.append(.init(service: service, node: .mapping(values, at: first.1.location)))
        }
        if let upstream = policies.upstream(of: kube, context: &context) {
            context.gateway.upstreams.append(.init(service: service, node: upstream))
        }
    }

    static func annotation(_ key: String, of object: ManifestObject) -> YAMLNode? {
        object.node["metadata", "annotations", key]
    }
}
