import Scenario

/// The call graph as the load lints read it: where each client's requests enter, and the
/// services in an order where every caller comes before its callees, worked out without
/// recursion (a call chain may be as deep as there are services).
struct CallTraffic {
    let services: [String: Service]
    /// Callers first. Services on a call cycle (an error of the scenario) and below one are left out.
    let order: [String]
    /// For each client, in the order of `scenario.clients`, the services its requests enter the
    /// call graph at, with the share of its requests each receives: its target, or through the
    /// gateway the services of the routes Kong picks for its request templates (by weight,
    /// then split by the route's backend weights; a request no route takes, or a route whose
    /// weights are all 0, reaches none; a composed route's request reaches each service it calls).
    let entries: [[(service: String, share: Double)]]

    init(_ scenario: Scenario) {
        var byName: [String: Service] = [:]
        for service in scenario.services { byName[service.name] = service }
        // Kahn's algorithm: a service is placed once every caller is.
        var callers: [String: Int] = [:]
        var callees: [String: [String]] = [:]
        for service in scenario.services {
            var called: [String] = []
            var seen: Set<String> = []
            for call in service.versions.flatMap({ $0.calls.flatMap(\.calls) }) where byName[call.service] != nil && seen.insert(call.service).inserted {
                called.append(call.service)
                callers[call.service, default: 0] += 1
            }
            callees[service.name] = called
        }
        var order = scenario.services.map(\.name).filter { callers[$0, default: 0] == 0 }
        var next = 0
        while next < order.count {
            let service = order[next]
            next += 1
            for callee in callees[service] ?? [] {
                callers[callee, default: 0] -= 1
                if callers[callee] == 0 { order.append(callee) }
            }
        }
        services = byName
        self.order = order
        // One router for every client: building it costs a pass over the routes.
        let router = scenario.gateway.map { Router($0) }
        entries = scenario.clients.map { Self.entries($0, router) }
    }

    /// The gateway's routing, built once.
    private struct Router {
        let gateway: Gateway
        let kong: KongRouter
        let edge: VirtualServiceRouter

        init(_ gateway: Gateway) {
            self.gateway = gateway
            kong = KongRouter(routes: gateway.kind == .kong ? gateway.routes : [])
            edge = VirtualServiceRouter(host: "", routes: gateway.kind == .istio ? gateway.http : [])
        }
    }

    /// Shares by service, in the order services are first reached.
    private struct Shares {
        private(set) var list: [(service: String, share: Double)] = []
        private var positions: [String: Int] = [:]

        mutating func add(_ service: String, _ share: Double) {
            if let index = positions[service] {
                list[index].share += share
            } else {
                positions[service] = list.count
                list.append((service, share))
            }
        }
    }

    /// Through Istio's ingress gateway: the first `gateway.http` rule that matches each
    /// template, split by its destinations' weights.
    private static func edgeEntries(_ client: Client, _ router: VirtualServiceRouter, total: Double) -> [(service: String, share: Double)] {
        var shares = Shares()
        for template in client.requests where template.weight > 0 {
            let request = MeshRequest(method: template.method, path: template.path, headers: template.headers)
            guard let rule = router.match(request) else { continue }
            let destinations = router.routes[rule].route
            let weights = destinations.count == 1 ? [1.0] : destinations.map { Double(max($0.weight ?? 0, 0)) }
            let sum = weights.reduce(0, +)
            guard sum > 0 else { continue }
            for (destination, weight) in zip(destinations, weights) where weight > 0 {
                shares.add(destination.destination.host, template.weight / total * weight / sum)
            }
        }
        return shares.list
    }

    private static func entries(_ client: Client, _ router: Router?) -> [(service: String, share: Double)] {
        switch client.target {
        case .service(let service):
            return [(service, 1)]
        case .gateway:
            guard let router else { return [] }
            let gateway = router.gateway
            let total = client.requests.reduce(0) { $0 + max($1.weight, 0) }
            guard total > 0 else { return [] }
            if gateway.kind == .istio { return edgeEntries(client, router.edge, total: total) }
            var shares = Shares()
            for template in client.requests where template.weight > 0 {
                guard let route = router.kong.route(method: template.method, path: template.path, headers: template.headers) else { continue }
                // A composed route's request enters at every service it calls, as often as its
                // percents say, so its shares may add up to more than 1.
                if let composition = gateway.routes[route].composition {
                    for call in composition.steps.flatMap(\.calls) where call.percent > 0 {
                        shares.add(call.service, template.weight / total * call.percent)
                    }
                    continue
                }
                let backends = gateway.routes[route].backends
                let weights = backends.reduce(0) { $0 + $1.weight }
                for backend in backends where backend.weight > 0 {
                    shares.add(backend.service, template.weight / total * (Double(backend.weight) / Double(weights)))
                }
            }
            return shares.list
        }
    }
}
