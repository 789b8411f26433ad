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
        var instances: Range<Int>
    }

    struct Rule: Sendable {
        var retry: RetryPolicy
        var fault: FaultInjectionPolicy
        /// The cluster of each destination of the rule, in order.
        var destinations: [Int32]
        /// The mirror's cluster, or -1.
        var mirror: Int32
    }

    /// A service as a destination host: its VirtualService and its DestinationRule. A class
    /// with constant fields, so that every hop reads its router and rules in place.
    final class Host: Sendable {
        let router: VirtualServiceRouter
        let rules: [Rule]
        let trafficPolicy: TrafficPolicy?
        /// The outlier detector's interval timer; nil when outlier detection is off.
        let outlierInterval: Nanoseconds?
        /// Index of the whole-service cluster; subset clusters follow it in version order.
        let firstCluster: Int

        init(router: VirtualServiceRouter, rules: [Rule], trafficPolicy: TrafficPolicy?, outlierInterval: Nanoseconds?, firstCluster: Int) {
            self.router = router
            self.rules = rules
            self.trafficPolicy = trafficPolicy
            self.outlierInterval = outlierInterval
            self.firstCluster = firstCluster
        }

        // The router's draws go through the host: called as `host.router.pick…` from the
        // simulation, Swift copied the router (retaining its tables) before every draw.
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
    /// Per service.
    let hosts: [Host]
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

    private static func delay(_ sidecar: Sampler, _ mtls: Sampler?, _ rng: inout RandomStream) -> Nanoseconds {
        var latency = sidecar.sample(&rng)
        latency = latency.plusSaturating(sidecar.sample(&rng))
        if let mtls { latency = latency.plusSaturating(mtls.sample(&rng)) }
        return latency
    }

    init(
        sidecarLatency: Sampler, mtlsLatency: Sampler?, clusters: [Cluster], hosts: [Host], paths: [String],
        templates: [RequestTemplate], firstTemplate: [Int], versionWeights: [Double], proxies: Int
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
        self.hosts = hosts
        self.paths = paths
        self.templates = templates
        self.firstTemplate = firstTemplate
        self.versionWeights = versionWeights
        self.proxies = proxies
    }
}
