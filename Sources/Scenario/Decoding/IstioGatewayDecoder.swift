/// `gateway.kind: istio`: the edge is Istio's ingress gateway, an Envoy whose routes are the
/// `http` of a VirtualService bound to the ingress Gateway. Its workload defaults are those of
/// Istio's `istio-ingressgateway` chart.
enum IstioGatewayDecoder {
    /// `gateway.http`, in the syntax of `services.S.http`. A destination names its host: the
    /// gateway's VirtualService owns no host its destinations could default to.
    static func http(_ reader: MappingReader) -> [HTTPRoute]? {
        reader.read("http") { HTTPRouteDecoder.decodeList($0, path: $1, owner: "", context: reader.context) }
    }

    static func apply(kind: Gateway.Kind, http: [HTTPRoute]?, to gateway: inout Gateway) {
        gateway.kind = kind
        gateway.http = http ?? []
        if kind == .istio { gateway.identity = istioIdentity }
    }

    /// The `istio-ingressgateway` Deployment of Istio's gateway chart: namespace `istio-system`,
    /// its own service account, labels `app: istio-ingressgateway` and `istio: ingressgateway`
    /// (the label an ingress Gateway's `selector` names).
    static let istioIdentity = WorkloadIdentity(
        namespace: "istio-system", serviceAccount: "istio-ingressgateway-service-account",
        labels: ["app": "istio-ingressgateway", "istio": "ingressgateway"])
}
