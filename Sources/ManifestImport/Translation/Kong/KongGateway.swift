import Scenario

/// The gateway that Kong objects define, gathered from every file before it is written as
/// one `gateway.routes`, `gateway.plugins` and `gateway.consumers` list (a list cannot be
/// merged piecewise), and the upstreams and service settings by scenario service.
struct KongGateway {
    struct Route {
        /// The route's name as written, or one made up at the route.
        var name: YAMLNode
        /// `paths`, `methods`, `headers` and the fields passed on for the decoder to judge.
        var fields: [(String, YAMLNode)]
        /// `service: NAME`, or `backends: [{service, weight}]` for a weighted HTTPRoute.
        var target: (String, YAMLNode)
        var timeout: YAMLNode?
        var retries: YAMLNode?
        var plugins: [KongPlugin] = []
        /// The plugins of the Kong service the route belongs to.
        var servicePlugins: [KongPlugin] = []
        var location: SourceLocation
    }

    /// A `gateway.upstreams` or `gateway.services` value for one scenario service.
    struct ServiceEntry {
        var service: String
        var node: YAMLNode
    }

    var routes: [Route] = []
    var plugins: [KongPlugin] = []
    /// `gateway.consumers` entries.
    var consumers: [YAMLNode] = []
    var upstreams: [ServiceEntry] = []
    var services: [ServiceEntry] = []
    /// The first Kong object, where a gateway section made by manifests is said to be.
    var location: SourceLocation?

    mutating func note(_ location: SourceLocation) {
        if self.location == nil { self.location = location }
    }

    /// Whether `service` has its `gateway.services` settings already (a Kong service met earlier).
    func hasSettings(_ service: String) -> Bool {
        services.contains { $0.service == service }
    }

    /// Whether `service` has its `gateway.upstreams` entry already.
    func hasUpstream(_ service: String) -> Bool {
        upstreams.contains { $0.service == service }
    }

    /// Writes the routes, global plugins and consumers, then each service's upstream and settings.
    func write(into fragment: inout ScenarioFragment) {
        guard let location else { return }
        let routeNodes = routes.map { route -> YAMLNode in
            var pairs: [(String, YAMLNode)] = [("name", route.name)] + route.fields + [route.target]
            if let timeout = route.timeout { pairs.append(("timeout", timeout)) }
            if let retries = route.retries { pairs.append(("retries", retries)) }
            let plugins = Self.precedence(route: route.plugins, service: route.servicePlugins)
            if !plugins.isEmpty {
                pairs.append(("plugins", Self.list(plugins.map(\.node), at: route.location)))
            }
            return .mapping(pairs, at: route.location)
        }
        if !routeNodes.isEmpty {
            fragment.set(["gateway", "routes"], YAMLNode(.sequence(routeNodes), at: routeNodes[0].location), from: location)
        }
        if !plugins.isEmpty {
            fragment.set(["gateway", "plugins"], Self.list(plugins.map(\.node), at: plugins[0].node.location), from: location)
        }
        if let first = consumers.first {
            fragment.set(["gateway", "consumers"], Self.list(consumers, at: first.location), from: location)
        }
        for entry in upstreams {
            fragment.set(["gateway", "upstreams", entry.service], entry.node, from: entry.node.location)
        }
        for entry in services {
            fragment.set(["gateway", "services", entry.service], entry.node, from: entry.node.location)
        }
        if routeNodes.isEmpty && plugins.isEmpty && consumers.isEmpty && upstreams.isEmpty && services.isEmpty {
            fragment.set(["gateway"], .mapping([], at: location), from: location)
        }
    }

    /// Kong looks a plugin up on the route first, then on its service (then globally): a
    /// disabled instance is not configured at all, so it hides nothing
    /// (kong/runloop/plugins_iterator.lua, `lookup_cfg`). A disabled one that nothing
    /// enabled replaces is kept for the decoder to check and leave out.
    static func precedence(route: [KongPlugin], service: [KongPlugin]) -> [KongPlugin] {
        var chosen = route
        for plugin in service {
            guard let index = chosen.firstIndex(where: { $0.name != nil && $0.name == plugin.name }) else {
                chosen.append(plugin)
                continue
            }
            if !chosen[index].enabled && plugin.enabled { chosen[index] = plugin }
        }
        return chosen
    }

    private static func list(_ nodes: [YAMLNode], at location: SourceLocation) -> YAMLNode {
        YAMLNode(.sequence(nodes), at: location)
    }
}
