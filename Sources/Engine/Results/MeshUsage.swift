import Scenario

/// What the sidecars did in a run: the volume the mesh cost estimate scales with, and the
/// latency the sidecars added. Nil in a `RunResult` when the mesh is disabled.
public struct MeshUsage: Sendable, Hashable {
    /// Proxies in the mesh: one per instance, per gateway replica, and per client that
    /// targets a service directly.
    public var proxies: Int
    /// Requests that passed a sidecar, each pass counted: a hop between two workloads passes
    /// the caller's sidecar and the destination's, so it counts twice.
    public var sidecarPasses: Int
    /// Sidecar and mTLS latency added to attempts of counted requests, in total.
    public var addedLatency: Nanoseconds
    /// Counted client requests, to turn `addedLatency` into a mean per request.
    public var clientRequests: Int
    /// Simulated time during which clients sent (the scenario's duration), for rates.
    public var duration: Nanoseconds

    public init(proxies: Int, sidecarPasses: Int, addedLatency: Nanoseconds, clientRequests: Int, duration: Nanoseconds) {
        self.proxies = proxies
        self.sidecarPasses = sidecarPasses
        self.addedLatency = addedLatency
        self.clientRequests = clientRequests
        self.duration = duration
    }

    /// Sidecar passes per second of the run.
    public var passesPerSecond: Double {
        duration > 0 ? Double(sidecarPasses) / (Double(duration) / 1e9) : 0
    }

    /// Mean latency the sidecars added per client request, in nanoseconds.
    public var addedLatencyPerRequest: Double {
        clientRequests > 0 ? Double(addedLatency) / Double(clientRequests) : 0
    }
}
