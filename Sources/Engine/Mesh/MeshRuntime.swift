import Policy
import Scenario

/// The mesh's mutable side during a run: every caller's sidecar state per destination
/// cluster (created on first use), the cache of VirtualService matches, and what the reports
/// need about ejections and sidecar traffic. Empty when the mesh is disabled.
/// Noncopyable, since the sidecar states are a `DenseTable`.
struct MeshRuntime: ~Copyable {
    /// The match cache stops growing at this many (template, path, service) cells; matching
    /// then runs on every hop of a cell not cached.
    static let maximumCacheCells = 1 << 22
    /// A host whose rule depends on the request (see `MeshModel.Host.fixedRule`); -1 is "no
    /// rule matches".
    static let unknownRule: Int32 = -2

    var sidecars = DenseTable<SidecarCluster>()
    /// Per caller, its sidecar states as `cluster << 32 | state`, sorted: a binary search
    /// finds one without reading the states, however many clusters the caller calls (a
    /// gateway replica calls every routed service).
    var callerSidecars: ContiguousArray<ContiguousArray<Int64>> = []
    /// Per outlier timer (see `MeshModel.outlierIntervals`), the sidecar states whose
    /// detectors tick on it.
    var sidecarsOfTimer: [[Int32]] = []
    /// The matching rule per (template, path, service) met so far, for the hosts whose rule
    /// depends on the request: keyed by the cells traffic reaches, never a table of them all.
    var ruleCache: [Int: Int32] = [:]
    /// Per server, how many callers have it ejected now; per version, its instances that at
    /// least one caller has ejected, and the ejections so far.
    var ejectedBy: ContiguousArray<Int32> = []
    var ejectedInstances: ContiguousArray<Int32> = []
    var ejections: ContiguousArray<Int> = []
    /// Per outlier timer, whether it has a tick queued.
    var outlierTimerArmed: ContiguousArray<Bool> = []
    /// Consistent-hash rings by host count, built once and shared by every caller's sidecar
    /// state (a ring has at least 1024 points).
    var rings: [Int: RingHash] = [:]
    /// Reused by the outlier timers, so that ticks do not allocate.
    var outlierEvents: [OutlierEvent] = []
    /// The inbound sidecars' decisions so far; empty without a `SecurityModel`.
    var decisions = SecurityDecisions()
    var sidecarPasses = 0
    var addedLatency: Nanoseconds = 0

    init() {}

    init(world: World, model: MeshModel) {
        callerSidecars = ContiguousArray(repeating: [], count: world.callerCount)
        sidecarsOfTimer = Array(repeating: [], count: model.outlierIntervals.count)
        outlierTimerArmed = ContiguousArray(repeating: false, count: model.outlierIntervals.count)
        countEjections(world)
    }

    /// The caller's sidecar state for a cluster, nil before its first use.
    func sidecar(caller: Int, cluster: Int) -> Int32? {
        callerSidecars[caller].withUnsafeBufferPointer { keys in
            let position = Self.position(of: cluster, in: keys)
            guard position < keys.count, keys[position] >> 32 == Int64(cluster) else { return nil }
            return Int32(truncatingIfNeeded: keys[position])
        }
    }

    mutating func addSidecar(_ state: Int32, caller: Int, cluster: Int) {
        let position = callerSidecars[caller].withUnsafeBufferPointer { Self.position(of: cluster, in: $0) }
        callerSidecars[caller].insert(Int64(cluster) << 32 | Int64(state), at: position)
    }

    /// The first key whose cluster is `cluster` or after it.
    private static func position(of cluster: Int, in keys: UnsafeBufferPointer<Int64>) -> Int {
        let first = Int64(cluster) << 32
        var (low, high) = (0, keys.count)
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < first { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Sizes the ejection counts, which Kong's health checks share without the mesh.
    mutating func countEjections(_ world: World) {
        ejectedBy = ContiguousArray(repeating: 0, count: world.servers.count)
        ejectedInstances = ContiguousArray(repeating: 0, count: world.versions.count)
        ejections = ContiguousArray(repeating: 0, count: world.versions.count)
    }
}
