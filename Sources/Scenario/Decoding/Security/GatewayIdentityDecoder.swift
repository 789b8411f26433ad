/// The gateway's workload identity: `namespace`, `serviceAccount`, `labels` and (Kong only)
/// `sidecar`, over the defaults of its kind.
enum GatewayIdentityDecoder {
    /// Kong's pods as its Helm chart installs them; Istio's ingress gateway as istioctl's
    /// default profile installs it (namespace istio-system, its service account and labels).
    static func defaults(for kind: Gateway.Kind) -> WorkloadIdentity {
        switch kind {
        case .kong:
            WorkloadIdentity(sidecar: true, namespace: "kong", serviceAccount: "kong", labels: ["app": "kong"])
        case .istio:
            WorkloadIdentity(
                sidecar: true, namespace: "istio-system", serviceAccount: "istio-ingressgateway-service-account",
                labels: ["app": "istio-ingressgateway", "istio": "ingressgateway"])
        }
    }

    /// Reads the identity fields from the `gateway:` mapping. Written labels are added to the
    /// defaults (a written key wins). Istio's ingress gateway is itself an Envoy in the mesh,
    /// so `sidecar` is an error there.
    static func decode(_ reader: MappingReader, kind: Gateway.Kind) -> WorkloadIdentity {
        var identity = defaults(for: kind)
        if let namespace = reader.read("namespace", { Names.namespace($0, $1, reader.values) }) {
            identity.namespace = namespace
        }
        if let account = reader.read("serviceAccount", { Names.serviceAccount($0, $1, reader.values) }) {
            identity.serviceAccount = account
        }
        if let labels = reader.read("labels", { WorkloadSelectorDecoder.labels($0, path: $1, values: reader.values) }) {
            identity.labels.merge(labels) { _, written in written }
        }
        if let sidecar = reader.bool("sidecar") {
            if kind == .istio {
                reader.context.error(
                    "\(reader.path("sidecar")) does not apply to Istio's ingress gateway: it is an Envoy proxy itself, always in the mesh",
                    at: reader.location(of: "sidecar"))
            } else {
                identity.sidecar = sidecar
            }
        }
        return identity
    }
}
