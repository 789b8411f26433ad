/// Where a workload sits in the mesh, for mTLS, authorization and locality: written on a
/// service or one of its versions, a client, or the gateway (each with its own defaults).
public struct WorkloadIdentity: Sendable, Hashable {
    /// Istio's trust domain; a principal is `cluster.local/ns/NAMESPACE/sa/SERVICE_ACCOUNT`.
    public static let trustDomain = "cluster.local"

    /// False: no Envoy sidecar (`sidecar: false`, or not injected): plaintext only, no
    /// principal, no VirtualService or DestinationRule applied to its calls.
    public var sidecar: Bool
    public var namespace: String
    public var serviceAccount: String
    /// The pod labels selectors match; a service's version always has `app: SERVICE` and
    /// `version: VERSION` unless written otherwise.
    public var labels: [String: String]

    public init(sidecar: Bool = true, namespace: String, serviceAccount: String, labels: [String: String] = [:]) {
        self.sidecar = sidecar
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.labels = labels
    }

    /// The SPIFFE id without `spiffe://`, as AuthorizationPolicy `principals` name it.
    public var principal: String { "\(Self.trustDomain)/ns/\(namespace)/sa/\(serviceAccount)" }
}
