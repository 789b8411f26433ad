/// `gateway.kind: istio`: the edge is Istio's ingress gateway, an Envoy whose routes are the
/// `http` of a VirtualService bound to the ingress Gateway (its workload identity:
/// `GatewayIdentityDecoder`).
enum IstioGatewayDecoder {
    /// `gateway.http`, in the syntax of `services.S.http`. A destination names its host: the
    /// gateway's VirtualService owns no host its destinations could default to.
    static func http(_ reader: MappingReader) -> [HTTPRoute]? {
        reader.read("http") { HTTPRouteDecoder.decodeList($0, path: $1, owner: "", context: reader.context) }
    }

    static func apply(kind: Gateway.Kind, http: [HTTPRoute]?, to gateway: inout Gateway) {
        gateway.kind = kind
        gateway.http = http ?? []
    }
}
