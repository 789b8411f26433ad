import Policy
import Scenario

/// The mesh compiled for the hot path: every VirtualService rule with its retry, timeout and
/// fault policy and its destinations resolved to clusters, every request path interned.
/// Nil in `World` when the mesh is disabled. A class, so that the hot path holds it with one
/// reference count instead of copying its tables.
final class MeshModel: Sendable {
    /// A destination cluster as Istio builds them: a whole service (no subset) or one subset.
    struct Cluster: Sendable {
        var service: Int
        /// Index into `World.versions` for a subset cluster; nil for the whole service.
        var version: Int?
        /// Indices into `World.servers`; host `h` of the cluster is `instances.lowerBound + h`.
        /// Empty for a version of 0 replicas: every pick then answers 503 `UH`.
        var instances: Range<Int>
        /// The outlier timer its detectors tick on (index into `outlierIntervals`), -1 when
        /// its policy has no outlier detection.
        var timer: Int32
    }

    struct Rule: Sendable {
        var retry: RetryPolicy
        var fault: FaultInjectionPolicy
        /// The cluster of each destination of the rule, in order; -1 for a subset the host
        /// does not have (503 `NC`, as Envoy answers a route to a cluster it was never sent).
        var destinations: [Int32]
        /// The mirror's cluster, or -1 (none, or a subset the host does not have).
        var mirror: Int32
    }

    /// A service as a destination host: its VirtualService. A class with constant fields, so
    /// that every hop reads its router and rules in place.
    /// The fields every hop reads come first, in the object's first cache line.
    final class Host: Sendable {
        /// The rule of every request when it does not depend on the request: 0 when the
        /// first rule has no `match`, -1 (404 NR) without rules; else `MeshRuntime.unknownRule`.
        let fixedRule: Int32
        let rules: [Rule]
        /// Index of the whole-service cluster; subset clusters follow it in version order.
        let firstCluster: Int
        let router: VirtualServiceRouter

        init(router: VirtualServiceRouter, rules: [Rule], firstCluster: Int) {
            self.router = router
            self.rules = rules
            self.firstCluster = firstCluster
            if let first = router.routes.first {
                fixedRule = first.match.isEmpty ? 0 : MeshRuntime.unknownRule
            } else {
                fixedRule = -1
            }
        }

        // The router's draws go through the host: called as `host.router.pick…` from the
        // simulation, Swift copied the router (retaining its tables) before every draw.
        func match(_ request: MeshRequest) -> Int? {
            router.match(request)
        }

        func pickDestination(rule: Int, _ rng: inout RandomStream) -> Int? {
            router.pickDestination(rule: rule, &rng)
        }

        func shouldMirror(rule: Int, _ rng: inout RandomStream) -> Bool {
            router.shouldMirror(rule: rule, &rng)
        }
    }

    let sidecarLatency: Sampler
    /// Extra per attempt under STRICT mTLS; nil otherwise.
    let mtlsLatency: Sampler?
    /// `sidecarDelay` when it is the same every time (constant latencies draw nothing), so
    /// that its events can share a timer lane (see `EventQueue.push(_:after:from:)`).
    let fixedSidecarDelay: Nanoseconds?
    let clusters: [Cluster]
    /// Per cluster, its DestinationRule policy: the service's for the whole service, the
    /// subset's merged over it for a subset. Read when a sidecar state is created, not per hop.
    let clusterPolicies: [TrafficPolicy?]
    /// The outlier detectors' interval timers: one per service (nil when its policy has no
    /// outlier detection), then one per subset with an `outlierDetection` of its own.
    let outlierIntervals: [Nanoseconds?]
    /// Per service, then the ingress gateway's VirtualService under `gateway.kind: istio`.
    let hosts: [Host]
    /// Index in `hosts` of the ingress gateway's VirtualService; nil under Kong. As a hop's
    /// `routeHost`, -2 under Kong (no hop has it), so that the hot path compares two integers.
    let edge: Int?
    let edgeHost: Int32
    /// Every request path written in the scenario, interned: a hop carries an index.
    let paths: [String]
    /// Every client's request templates, one after another, and where each client's begin.
    let templates: [RequestTemplate]
    let firstTemplate: [Int]
    /// Per version, its share in percent of its service's traffic under the service's default
    /// rule (see `MeshModelBuilder.versionWeights`).
    let versionWeights: [Double]
    /// Proxies in the mesh: instances, gateway replicas and clients that target a service.
    let proxies: Int

    /// What the sidecars add to one attempt: the caller's, then the destination's, and mTLS
    /// between them under STRICT. A method of the model so the samplers are read in place,
    /// not copied per attempt.
    func sidecarDelay(_ rng: inout RandomStream) -> Nanoseconds {
        fixedSidecarDelay ?? Self.delay(sidecarLatency, mtlsLatency, &rng)
    }

    /// An attempt from Istio's ingress gateway: the replica is itself the caller's Envoy (its
    /// work is `gateway.latency`), so only the destination's sidecar adds, with mTLS under STRICT.
    func edgeDelay(_ rng: inout RandomStream) -> Nanoseconds {
        var latency = sidecarLatency.sample(&rng)
        if let mtlsLatency { latency = latency.plusSaturating(mtlsLatency.sample(&rng)) }
        return latency
    }

    private static func delay(_ sidecar: Sampler, _ mtls: Sampler?, _ rng: inout RandomStream) -> Nanoseconds {
        var latency = sidecar.sample(&rng)
        latency = latency.plusSaturating(sidecar.sample(&rng))
        if let mtls { latency = latency.plusSaturating(mtls.sample(&rng)) }
        return latency
    }

    init(
        sidecarLatency: Sampler, mtlsLatency: Sampler?, clusters: [Cluster], clusterPolicies: [TrafficPolicy?],
        outlierIntervals: [Nanoseconds?], hosts: [Host], edge: Int? = nil, paths: [String], templates: [RequestTemplate],
        firstTemplate: [Int], versionWeights: [Double], proxies: Int
    ) {
        self.sidecarLatency = sidecarLatency
        self.mtlsLatency = mtlsLatency
        if sidecarLatency.isConstant && mtlsLatency?.isConstant ?? true {
            var unused = RandomStream(seed: 0)
            fixedSidecarDelay = Self.delay(sidecarLatency, mtlsLatency, &unused)
        } else {
            fixedSidecarDelay = nil
        }
        self.clusters = clusters
        self.clusterPolicies = clusterPolicies
        self.outlierIntervals = outlierIntervals
        self.hosts = hosts
        self.edge = edge
        edgeHost = edge.map { Int32($0) } ?? -2
        self.paths = paths
        self.templates = templates
        self.firstTemplate = firstTemplate
        self.versionWeights = versionWeights
        self.proxies = proxies
    }
}
