import Policy
import Scenario

/// The gateway's route for a request template, decided once when the world is built: Kong's
/// router over `gateway.routes`, or under `gateway.kind: istio` the first rule of the ingress
/// gateway's VirtualService that matches (Envoy's route table in order).
struct GatewayRouter {
    private let kong: KongRouter
    /// The ingress gateway's VirtualService; nil under Kong.
    let edge: VirtualServiceRouter?

    init(_ gateway: Gateway?) {
        let istio = gateway?.kind == .istio
        kong = KongRouter(routes: istio ? [] : gateway?.routes ?? [])
        edge = gateway.flatMap { istio ? MeshModelBuilder.edgeRouter($0) : nil }
    }

    /// nil: no route matches (404 NR).
    func route(_ template: RequestTemplate) -> Int? {
        if let edge { return edge.match(MeshRequest(method: template.method, path: template.path, headers: template.headers)) }
        return kong.route(method: template.method, path: template.path, headers: template.headers)
    }
}
