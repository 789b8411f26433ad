/// Simulated time and durations, in integer nanoseconds.
public typealias Nanoseconds = Int64

/// A decoded, validated scenario: everything a run needs besides the seed override.
public struct Scenario: Sendable {
    public var name: String
    public var description: String?
    public var seed: UInt64
    public var duration: Nanoseconds
    public var warmup: Nanoseconds
    public var interval: Nanoseconds
    public var clients: [Client]
    public var gateway: Gateway?
    public var mesh: Mesh
    /// In file order; names are unique.
    public var services: [Service]
    public var faults: [Fault]
    public var rollout: Rollout?
    public var variants: [Variant]
    public var assertions: [Assertion]
    /// Where each top-level section starts, for diagnostics about a whole section.
    public var sectionLocations: [String: SourceLocation]
    /// The manifest files merged into the scenario (empty without `manifests`). What a cluster
    /// accepts and only fails at run time is a warning there, not an error (a route to a
    /// subset no DestinationRule defines), and the run fails as the cluster would.
    public var manifestFiles: Set<String> = []
    /// `replications:`: independent runs with seeds derived from `seed`; nil when not written
    /// (one run). `--replications` overrides it.
    public var replications: Int?
    /// `sweep:`: the parameters to vary, in file order; a grid when there are several.
    /// Empty without a sweep. `--sweep` replaces it.
    public var sweep: [SweepAxis] = []
    /// `metrics: openmetrics`: also write metrics.om (Istio's and Kong's Prometheus series).
    /// nil when not written; `--metrics` overrides it.
    public var metrics: MetricsFormat?
    /// `namespace:` (default `default`), read with the manifests: the Kubernetes namespace the
    /// run's workloads live in, as its Prometheus series name them.
    public var namespace = "default"

    /// True when `location` lies in one of the manifest files.
    public func isManifest(_ location: SourceLocation) -> Bool {
        !manifestFiles.isEmpty && manifestFiles.contains(location.file)
    }

    public init(
        name: String, description: String? = nil, seed: UInt64 = 1, duration: Nanoseconds,
        warmup: Nanoseconds = 0, interval: Nanoseconds = 10_000_000_000, clients: [Client],
        gateway: Gateway? = nil, mesh: Mesh = Mesh(), services: [Service], faults: [Fault] = [],
        rollout: Rollout? = nil, variants: [Variant] = [], assertions: [Assertion] = [],
        sectionLocations: [String: SourceLocation] = [:]
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.duration = duration
        self.warmup = warmup
        self.interval = interval
        self.clients = clients
        self.gateway = gateway
        self.mesh = mesh
        self.services = services
        self.faults = faults
        self.rollout = rollout
        self.variants = variants
        self.assertions = assertions
        self.sectionLocations = sectionLocations
    }

    /// The time in which counted requests start: duration minus warmup, never negative.
    /// The divisor of `rps`.
    public var countedDuration: Nanoseconds {
        max(0, max(0, duration) - max(0, warmup))
    }

    public func service(named name: String) -> Service? {
        services.first { $0.name == name }
    }
}

/// `mesh:`: whether calls pass Envoy sidecars, and what the sidecars cost.
public struct Mesh: Sendable {
    public enum MTLSMode: String, Sendable, CaseIterable { case strict = "STRICT", permissive = "PERMISSIVE", disable = "DISABLE" }

    public var enabled: Bool
    public var sidecarLatency: Distribution
    public var mtls: MTLSMode
    public var mtlsLatency: Distribution
    /// What `meshsim compare` charges each proxy pass for; it changes nothing in a run.
    public var proxyCost: ProxyCost
    /// `rootNamespace` (Istio's MeshConfig default `istio-system`): a security policy there
    /// without a selector applies to the whole mesh.
    public var rootNamespace = "istio-system"
    /// In file order, which decides between several policies at one level (Istio: the oldest).
    public var peerAuthentications: [PeerAuthentication] = []
    public var authorizationPolicies: [AuthorizationPolicy] = []
    public var requestAuthentications: [RequestAuthentication] = []
    /// `crossZoneLatency`: added once to an attempt whose caller's zone is not its host's.
    public var crossZoneLatency: Distribution = .zero
    public var location: SourceLocation?

    public init(
        enabled: Bool = false, sidecarLatency: Distribution = .constant(0), mtls: MTLSMode = .strict,
        mtlsLatency: Distribution = .constant(0), proxyCost: ProxyCost = ProxyCost(), location: SourceLocation? = nil
    ) {
        self.enabled = enabled
        self.sidecarLatency = sidecarLatency
        self.mtls = mtls
        self.mtlsLatency = mtlsLatency
        self.proxyCost = proxyCost
        self.location = location
    }

    /// `mesh.proxyCost`: a proxy's resources per 1000 requests/s through it. The defaults are the
    /// figures Istio publishes for its Envoy sidecar (about 0.2 vCPU and 60 MB per 1000 requests/s),
    /// overridable because they depend on the Istio version, the request size and the telemetry.
    public struct ProxyCost: Sendable, Hashable {
        public static let istioCPU = 0.2
        public static let istioMemory = 60.0

        /// vCPU per 1000 requests/s through a proxy.
        public var cpu: Double
        /// MB of memory per 1000 requests/s through a proxy.
        public var memory: Double

        public init(cpu: Double = istioCPU, memory: Double = istioMemory) {
            self.cpu = cpu
            self.memory = memory
        }
    }
}

/// A named set of overrides by path, used by `meshsim compare`.
public struct Variant: Sendable {
    public var name: String
    public var overrides: [Override]
    public var location: SourceLocation

    public init(name: String, overrides: [Override], location: SourceLocation) {
        self.name = name
        self.overrides = overrides
        self.location = location
    }
}

/// One parameter of `sweep:` (or of `--sweep PATH=V1,V2,...`): an override path and the values
/// it takes in turn, each applied as that override would be.
public struct SweepAxis: Sendable {
    public var path: String
    /// The values in the order written, as YAML nodes located where they were written.
    public var values: [YAMLNode]
    public var location: SourceLocation

    public init(path: String, values: [YAMLNode], location: SourceLocation) {
        self.path = path
        self.values = values
        self.location = location
    }
}

/// One `PATH=VALUE` override (`--set`, or an entry of a variant).
public struct Override: Sendable {
    public var path: String
    public var value: YAMLNode

    public init(path: String, value: YAMLNode) {
        self.path = path
        self.value = value
    }
}
