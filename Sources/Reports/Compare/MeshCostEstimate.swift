import Engine
import Scenario

/// What a run's sidecars would cost on real machines: proxy CPU and memory scaled linearly
/// from the request volume through the proxies, and the latency the sidecars added.
///
/// Each proxy pass is charged (a hop between two workloads passes two proxies); the idle
/// baseline a proxy costs with no traffic is not included.
public struct MeshCostEstimate: Sendable, Hashable {
    /// Proxies in the mesh.
    public var proxies: Int
    /// Requests per second through proxies, each pass counted.
    public var proxyRequestRate: Double
    /// vCPU for all proxies together.
    public var vCPU: Double
    /// MB of memory for all proxies together.
    public var memoryMB: Double
    /// Mean latency the sidecars (and mTLS) added to a client request, in milliseconds.
    public var addedMillisecondsPerRequest: Double

    public init(usage: MeshUsage, cost: Mesh.ProxyCost) {
        proxies = usage.proxies
        proxyRequestRate = usage.passesPerSecond
        // The figures are per 1000 requests/s.
        vCPU = cost.cpu * proxyRequestRate / 1000
        memoryMB = cost.memory * proxyRequestRate / 1000
        addedMillisecondsPerRequest = usage.addedLatencyPerRequest / 1e6
    }
}
