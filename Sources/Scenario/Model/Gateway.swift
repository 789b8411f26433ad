/// `gateway:`: the API gateway at the edge: Kong (the default) or Istio's ingress gateway.
public struct Gateway: Sendable {
    public enum Kind: String, Sendable, Hashable, CaseIterable { case kong, istio }

    public var kind: Kind = .kong
    /// The edge's workload: Kong's pods (namespace `kong`, service account `kong`, a sidecar),
    /// or Istio's ingress gateway (namespace `istio-system`, service account
    /// `istio-ingressgateway-service-account`, itself an Envoy in the mesh).
    public var identity = WorkloadIdentity(namespace: "kong", serviceAccount: "kong", labels: ["app": "kong"])
    /// `zone` or `zones`: replica r in `zones[r % count]`; empty = none.
    public var zones: [String] = []
    /// `kind: istio`: the VirtualService `http` routes bound to the ingress Gateway, in order.
    public var http: [HTTPRoute] = []
    public var replicas: Int
    /// Requests handled at once per replica (held until the answer goes back); nil = unlimited.
    public var workers: Int?
    /// Requests waiting per replica beyond `workers`; nil = unlimited. Overflow → 503.
    public var queue: Int?
    public var latency: Distribution
    public var plugins: [Plugin]
    public var routes: [GatewayRoute]
    /// `consumers`: decK's list, in file order.
    public var consumers: [KongConsumer]
    /// `upstreams`: Kong upstreams by service, in file order.
    public var upstreams: [KongUpstream]
    /// `services`: Kong service objects' fields by service, in file order.
    public var services: [KongServiceSettings]
    public var location: SourceLocation

    public init(
        replicas: Int = 1, workers: Int? = nil, queue: Int? = nil, latency: Distribution = .zero,
        plugins: [Plugin] = [], routes: [GatewayRoute] = [], consumers: [KongConsumer] = [], upstreams: [KongUpstream] = [],
        services: [KongServiceSettings] = [], location: SourceLocation
    ) {
        self.consumers = consumers
        self.upstreams = upstreams
        self.services = services
        self.replicas = replicas
        self.workers = workers
        self.queue = queue
        self.latency = latency
        self.plugins = plugins
        self.routes = routes
        self.location = location
    }
}

/// `gateway.routes[*]`: Kong route matching by path prefix, methods and headers.
public struct GatewayRoute: Sendable {
    public var name: String
    /// Prefixes; never empty (defaults to `/`).
    public var paths: [String]
    /// Upper-case; empty = any method.
    public var methods: [String]
    /// Header name → accepted values (any listed value matches).
    public var headers: [HeaderCondition]
    /// Where requests go: one entry for `service:`, the list for `backends:`; empty only for a
    /// composed route (`calls:`).
    public var backends: [GatewayBackend]
    public var timeout: Nanoseconds
    public var retries: Int
    public var plugins: [Plugin]
    /// `calls`: the services the route composes its answer from; nil for a proxied route.
    /// When set, `backends` is empty.
    public var composition: RouteComposition?
    public var location: SourceLocation

    public init(
        name: String, paths: [String] = ["/"], methods: [String] = [], headers: [HeaderCondition] = [],
        backends: [GatewayBackend], timeout: Nanoseconds = 60_000_000_000, retries: Int = 5, plugins: [Plugin] = [],
        composition: RouteComposition? = nil, location: SourceLocation
    ) {
        self.composition = composition
        self.name = name
        self.paths = paths
        self.methods = methods
        self.headers = headers
        self.backends = backends
        self.timeout = timeout
        self.retries = retries
        self.plugins = plugins
        self.location = location
    }

    /// A route written with `service:`: its one backend, at the route's location.
    public init(
        name: String, paths: [String] = ["/"], methods: [String] = [], headers: [HeaderCondition] = [],
        service: String, timeout: Nanoseconds = 60_000_000_000, retries: Int = 5, plugins: [Plugin] = [],
        location: SourceLocation
    ) {
        self.init(
            name: name, paths: paths, methods: methods, headers: headers,
            backends: [GatewayBackend(service: service, location: location)],
            timeout: timeout, retries: retries, plugins: plugins, location: location)
    }

    /// The services the route may send to, each once, in file order (weight 0 and percent 0
    /// included: they still name a service that must exist).
    public var services: [String] {
        var seen: Set<String> = []
        let named = composition.map { $0.steps.flatMap(\.calls).map(\.service) } ?? backends.map(\.service)
        return named.filter { seen.insert($0).inserted }
    }

    /// The Kong Service behind the route, which `rate-limiting` with `limit_by: service` counts
    /// under: the one service, or for a split the backends together (the Kong Ingress
    /// Controller makes one Kong Service for an HTTPRoute rule's backendRefs); a composed
    /// route has no one service behind it, so it counts under the services it calls, joined
    /// the same way.
    public var kongService: String {
        services.joined(separator: "+")
    }

    /// The services that receive requests (a backend weight or a call's percent above 0), each
    /// once, in file order.
    public var receivingServices: [String] {
        var seen: Set<String> = []
        let receiving = composition.map { $0.steps.flatMap(\.calls).filter { $0.percent > 0 }.map(\.service) }
            ?? backends.filter { $0.weight > 0 }.map(\.service)
        return receiving.filter { seen.insert($0).inserted }
    }
}

public struct HeaderCondition: Sendable, Hashable {
    public var name: String
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name
        self.values = values
    }
}
