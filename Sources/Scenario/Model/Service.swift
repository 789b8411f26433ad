/// `services.NAME`: a service with its versions (subsets), call graph and mesh policy.
public struct Service: Sendable {
    public enum OnCallFailure: String, Sendable, Hashable { case fail, ignore }

    public var name: String
    /// Never empty; a service written without `versions` has the single version `default`.
    /// Each version has the service-level fields already applied where it does not override them.
    public var versions: [ServiceVersion]
    /// Istio DestinationRule `trafficPolicy`; nil when absent (Istio defaults apply).
    public var trafficPolicy: TrafficPolicy?
    /// Istio VirtualService `http`; nil when absent.
    public var http: [HTTPRoute]?
    /// True when the file wrote `versions:`; false for the implicit `default` version.
    public var hasDeclaredVersions: Bool
    /// `namespace`; the scenario's `namespace` when not written.
    public var namespace: String = "default"
    /// `port`: the target port PeerAuthentication `portLevelMtls` keys name; nil when not written.
    public var port: Int?
    public var location: SourceLocation

    public init(
        name: String, versions: [ServiceVersion], trafficPolicy: TrafficPolicy? = nil, http: [HTTPRoute]? = nil,
        hasDeclaredVersions: Bool = false, location: SourceLocation
    ) {
        self.name = name
        self.versions = versions
        self.trafficPolicy = trafficPolicy
        self.http = http
        self.hasDeclaredVersions = hasDeclaredVersions
        self.location = location
    }

    public func version(named name: String) -> ServiceVersion? {
        versions.first { $0.name == name }
    }

    /// The policy of the cluster a destination with `subset` reaches: the service-level one
    /// without a subset (Envoy's `outbound|port||host` cluster) or for a subset the service
    /// does not have, else the subset's merged over it (`TrafficPolicy.merged`).
    public func trafficPolicy(subset: String?) -> TrafficPolicy? {
        guard let subset, let version = version(named: subset) else { return trafficPolicy }
        return TrafficPolicy.merged(trafficPolicy, subset: version.trafficPolicy)
    }
}

/// One version (subset) of a service, with inherited fields resolved.
public struct ServiceVersion: Sendable {
    public var name: String
    /// 0 or more: a Deployment scaled to zero, or a subset whose labels match no pods.
    public var replicas: Int
    /// Requests an instance processes at once (the slot is held until it answers).
    public var concurrency: Int
    /// Requests waiting per instance beyond `concurrency`; nil = unlimited. Overflow → 503.
    public var queue: Int?
    /// Own processing time, downstream calls excluded.
    public var latency: Distribution
    /// Fraction (0…1) of requests answered with `errorStatus`.
    public var errors: Double
    public var errorStatus: Int
    public var calls: [CallStep]
    public var onCallFailure: Service.OnCallFailure
    /// The DestinationRule subset's own `trafficPolicy`, as written (not inherited): see
    /// `Service.trafficPolicy(subset:)` for the policy its cluster runs with.
    public var trafficPolicy: TrafficPolicy?
    /// `sidecar`, `serviceAccount` (default: the service's name), `labels` (always `app` and
    /// `version` unless written) and the service's namespace, resolved by the decoder.
    public var identity: WorkloadIdentity
    /// `zone` or `zones`: the instances' zones, instance i in `zones[i % count]`; empty = none.
    public var zones: [String] = []
    public var location: SourceLocation

    public init(
        name: String, replicas: Int = 1, concurrency: Int = 1, queue: Int? = nil, latency: Distribution = .zero,
        errors: Double = 0, errorStatus: Int = 500, calls: [CallStep] = [],
        onCallFailure: Service.OnCallFailure = .fail, trafficPolicy: TrafficPolicy? = nil,
        identity: WorkloadIdentity? = nil, location: SourceLocation
    ) {
        self.identity = identity ?? WorkloadIdentity(namespace: "default", serviceAccount: "default", labels: ["version": name])  // the decoder writes the real one
        self.name = name
        self.replicas = replicas
        self.concurrency = concurrency
        self.queue = queue
        self.latency = latency
        self.errors = errors
        self.errorStatus = errorStatus
        self.calls = calls
        self.onCallFailure = onCallFailure
        self.trafficPolicy = trafficPolicy
        self.location = location
    }
}

/// One step of a service's downstream calls: a single call, or calls that run at once.
public enum CallStep: Sendable, Hashable {
    case call(DownstreamCall)
    case parallel([DownstreamCall])

    /// The calls the step makes, one or several at once.
    public var calls: [DownstreamCall] {
        switch self {
        case .call(let call): [call]
        case .parallel(let calls): calls
        }
    }
}

public struct DownstreamCall: Sendable, Hashable {
    public var service: String
    /// Fraction (0…1) of requests that make the call; default 1.
    public var percent: Double
    /// nil = the incoming path.
    public var path: String?
    public var location: SourceLocation

    public init(service: String, percent: Double = 1, path: String? = nil, location: SourceLocation) {
        self.service = service
        self.percent = percent
        self.path = path
        self.location = location
    }
}
