import Scenario

/// The mesh's PeerAuthentications, AuthorizationPolicies and RequestAuthentications, each with
/// its namespace resolved, answering for one workload what its inbound sidecar enforces.
/// Pure and built once per scenario; callers cache the answers they need.
public struct MeshSecurity: Sendable {
    public let rootNamespace: String
    /// `mesh.mtls`: the mode when no PeerAuthentication sets one.
    public let defaultMode: Mesh.MTLSMode
    /// In file order, which stands for Istio's creation order (the oldest first).
    public let peerAuthentications: [PeerAuthentication]
    public let authorizationPolicies: [AuthorizationPolicy]
    public let requestAuthentications: [RequestAuthentication]

    public init(mesh: Mesh, defaultNamespace: String) {
        rootNamespace = mesh.rootNamespace
        defaultMode = mesh.mtls
        peerAuthentications = mesh.peerAuthentications.map { policy in
            var policy = policy
            policy.namespace = policy.namespace ?? defaultNamespace
            return policy
        }
        authorizationPolicies = mesh.authorizationPolicies.map { policy in
            var policy = policy
            policy.namespace = policy.namespace ?? defaultNamespace
            return policy
        }
        requestAuthentications = mesh.requestAuthentications.map { policy in
            var policy = policy
            policy.namespace = policy.namespace ?? defaultNamespace
            return policy
        }
    }

    /// Any PeerAuthentication, AuthorizationPolicy or RequestAuthentication written.
    public var isActive: Bool {
        !peerAuthentications.isEmpty || !authorizationPolicies.isEmpty || !requestAuthentications.isEmpty
    }

    /// The AuthorizationPolicies that apply to `workload`, in file order: those of its namespace
    /// and of the root namespace whose selector (if any) it matches (Istio's
    /// `ListAuthorizationPolicies`; authorization.proto `selector`).
    public func authorizationPolicies(selecting workload: WorkloadIdentity) -> [AuthorizationPolicy] {
        authorizationPolicies.filter { selects($0.namespace, $0.selector, workload) }
    }

    /// The RequestAuthentications that apply to `workload`, chosen as AuthorizationPolicies are.
    public func requestAuthentications(selecting workload: WorkloadIdentity) -> [RequestAuthentication] {
        requestAuthentications.filter { selects($0.namespace, $0.selector, workload) }
    }

    func selects(_ namespace: String?, _ selector: WorkloadSelector?, _ workload: WorkloadIdentity) -> Bool {
        guard namespace == workload.namespace || namespace == rootNamespace else { return false }
        return Self.labels(selector, select: workload)
    }

    /// An empty or absent `matchLabels` selects every workload.
    static func labels(_ selector: WorkloadSelector?, select workload: WorkloadIdentity) -> Bool {
        (selector?.matchLabels ?? [:]).allSatisfy { workload.labels[$0.key] == $0.value }
    }
}
