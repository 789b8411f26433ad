import Scenario

extension MeshSecurity {
    /// The mode `workload`'s inbound sidecar enforces on `port` (its target port; nil: the
    /// workload's mode), as Istio's `ComposePeerAuthentication` merges the policies
    /// (pilot/pkg/security/authn/policy_applier.go): the root namespace's policy without a
    /// selector, then one without a selector in the workload's namespace, then one selecting
    /// the workload (a selector in the root namespace is ignored), each overriding the last
    /// unless its mode is UNSET; `portLevelMtls` comes from the workload policy only, UNSET
    /// there inheriting the workload's mode. Several at one level: the first written (Istio:
    /// the oldest).
    public func mtls(for workload: WorkloadIdentity, port: Int?) -> MTLSResolution {
        var mesh: PeerAuthentication?, namespace: PeerAuthentication?, selecting: PeerAuthentication?
        for policy in peerAuthentications {
            let scoped = policy.namespace == workload.namespace || policy.namespace == rootNamespace
            guard scoped, Self.labels(policy.selector, select: workload) else { continue }
            if policy.selector?.matchLabels.isEmpty ?? true {
                if policy.namespace == rootNamespace {
                    mesh = mesh ?? policy
                } else {
                    namespace = namespace ?? policy
                }
            } else if policy.namespace != rootNamespace {
                selecting = selecting ?? policy
            }
        }
        var resolution = MTLSResolution(mode: defaultMode, decidedBy: nil, level: .meshDefault)
        for (policy, level) in [(mesh, MTLSResolution.Level.mesh), (namespace, .namespace), (selecting, .workload)] {
            if let policy, let mode = policy.mode {
                resolution = MTLSResolution(mode: mode, decidedBy: policy, level: level)
            }
        }
        if let selecting, let port, let entry = selecting.portLevelModes[port], let mode = entry {
            resolution = MTLSResolution(mode: mode, decidedBy: selecting, level: .port)
        }
        return resolution
    }
}
