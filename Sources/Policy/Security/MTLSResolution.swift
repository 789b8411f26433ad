import Scenario

/// The mTLS mode a workload's inbound sidecar enforces, and the PeerAuthentication that set it
/// (Istio's `ComposePeerAuthentication`, pilot/pkg/security/authn/policy_applier.go).
public struct MTLSResolution: Sendable, Hashable {
    /// The scope that decided, from the weakest to the strongest.
    public enum Level: String, Sendable, Hashable {
        /// No PeerAuthentication set a mode: `mesh.mtls`.
        case meshDefault
        /// A root-namespace PeerAuthentication without a selector.
        case mesh
        /// A PeerAuthentication without a selector in the workload's namespace.
        case namespace
        /// A PeerAuthentication whose selector picks the workload.
        case workload
        /// That policy's `portLevelMtls` entry for the port.
        case port
    }

    public var mode: Mesh.MTLSMode
    /// nil when `mesh.mtls` decided; otherwise the policy, its `namespace` filled in.
    public var decidedBy: PeerAuthentication?
    public var level: Level

    public init(mode: Mesh.MTLSMode, decidedBy: PeerAuthentication?, level: Level) {
        self.mode = mode
        self.decidedBy = decidedBy
        self.level = level
    }

    /// `namespace/name` of the deciding policy, or `mesh.mtls`.
    public var source: String {
        guard let policy = decidedBy else { return "mesh.mtls" }
        return "\(policy.namespace ?? "")/\(policy.name)"
    }
}
