/// `mesh.peerAuthentications[*]`: an Istio PeerAuthentication (security.istio.io/v1) with its
/// metadata's `name` and `namespace` beside the spec's fields. In the mesh's root namespace
/// without a selector it is mesh-wide; without a selector, namespace-wide; with one, it
/// applies to the selected workloads of its namespace.
public struct PeerAuthentication: Sendable, Hashable {
    public var name: String
    /// nil when not written: the scenario's `namespace`.
    public var namespace: String?
    public var selector: WorkloadSelector?
    /// `mtls.mode`; nil for `UNSET` or not written (inherit from the parent scope).
    public var mode: Mesh.MTLSMode?
    /// `portLevelMtls`: target port → mode (nil = UNSET). Istio reads it only with a selector.
    public var portLevelModes: [Int: Mesh.MTLSMode?]
    public var location: SourceLocation

    public init(
        name: String, namespace: String? = nil, selector: WorkloadSelector? = nil, mode: Mesh.MTLSMode? = nil,
        portLevelModes: [Int: Mesh.MTLSMode?] = [:], location: SourceLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.mode = mode
        self.portLevelModes = portLevelModes
        self.location = location
    }
}
