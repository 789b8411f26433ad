import Policy
import Scenario

extension MeshModelBuilder {
    /// The request shapes the mesh matches a client's requests by. A request through the
    /// gateway reaches the mesh as its route's request-transformer leaves it (a header added
    /// at the edge can select a subset); every later hop carries the same headers, as the
    /// model propagates them.
    static func meshShapes(of client: Client, _ model: World.ClientModel, gateway: Gateway?) -> [RequestTemplate] {
        guard let gateway, gateway.kind == .kong, model.targetService == nil else { return client.requests }
        return zip(client.requests, model.gatewayPlans).map { template, plan in
            guard let route = plan.route, gateway.routes.indices.contains(route) else { return template }
            var shape = template
            shape.headers = HeaderTransformPolicy.upstream(template.headers, gateway: gateway, route: gateway.routes[route])
            return shape
        }
    }
}
