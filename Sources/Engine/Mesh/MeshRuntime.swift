import Policy
import Scenario

/// The mesh's mutable side during a run: every caller's sidecar state per destination
/// cluster (created on first use), the cache of VirtualService matches, and what the reports
/// need about ejections and sidecar traffic. Empty when the mesh is disabled.
/// Noncopyable, since the sidecar states are a `DenseTable`.
struct MeshRuntime: ~Copyable {
    /// Above this many (template, path, service) cells the match cache is not kept; matching
    /// then runs on every hop.
    static let maximumCacheCells = 1 << 22
    /// A cache cell not computed yet; -1 is "no rule matches".
    static let unknownRule: Int32 = -2

    var sidecars = DenseTable<SidecarCluster>()
    /// Per caller, its sidecar states (indices into `sidecars`): few, so a scan finds one.
    var callerSidecars: ContiguousArray<ContiguousArray<Int32>> = []
    /// Per outlier timer (see `MeshModel.outlierIntervals`), the sidecar states whose
    /// detectors tick on it.
    var sidecarsOfTimer: [[Int32]] = []
    /// The matching rule per (template, path, service), or `unknownRule`.
    var ruleCache: ContiguousArray<Int32> = []
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
        let cells = model.templates.count * max(model.paths.count, 1) * world.services.count
        if cells <= Self.maximumCacheCells {
            ruleCache = ContiguousArray(repeating: Self.unknownRule, count: cells)
        }
        countEjections(world)
    }

    /// Sizes the ejection counts, which Kong's health checks share without the mesh.
    mutating func countEjections(_ world: World) {
        ejectedBy = ContiguousArray(repeating: 0, count: world.servers.count)
        ejectedInstances = ContiguousArray(repeating: 0, count: world.versions.count)
        ejections = ContiguousArray(repeating: 0, count: world.versions.count)
    }
}
