/// `gateway:`: the Kong-style API gateway at the edge.
public struct Gateway: Sendable {
    public var replicas: Int
    /// Requests handled at once per replica (held until the answer goes back); nil = unlimited.
    public var workers: Int?
    /// Requests waiting per replica beyond `workers`; nil = unlimited. Overflow → 503.
    public var queue: Int?
    public var latency: Distribution
    public var plugins: [Plugin]
    public var routes: [GatewayRoute]
    public var location: SourceLocation

    public init(
        replicas: Int = 1, workers: Int? = nil, queue: Int? = nil, latency: Distribution = .zero,
        plugins: [Plugin] = [], routes: [GatewayRoute] = [], location: SourceLocation
    ) {
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
    public var service: String
    public var timeout: Nanoseconds
    public var retries: Int
    public var plugins: [Plugin]
    public var location: SourceLocation

    public init(
        name: String, paths: [String] = ["/"], methods: [String] = [], headers: [HeaderCondition] = [],
        service: String, timeout: Nanoseconds = 60_000_000_000, retries: Int = 5, plugins: [Plugin] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.paths = paths
        self.methods = methods
        self.headers = headers
        self.service = service
        self.timeout = timeout
        self.retries = retries
        self.plugins = plugins
        self.location = location
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
