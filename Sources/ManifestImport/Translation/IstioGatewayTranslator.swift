import Scenario

/// Istio `Gateway` objects and the VirtualServices bound to them (`gateways: [NAME]`) as the
/// scenario's edge: `gateway: { kind: istio, http: [...] }`. The rules of every VirtualService
/// bound to the edge's Gateways follow one another in file order, as Istio merges the
/// VirtualServices of a gateway (ordered by creation time in the cluster); each destination
/// host is rewritten to its scenario service as for sidecar VirtualServices.
enum IstioGatewayTranslator {
    /// Scenario `gateway` fields only Kong has: a scenario that writes them keeps Kong as its edge.
    static let kongFields = ["routes", "consumers", "upstreams", "services"]

    /// The Gateway object `reference` names (`NAME` in the VirtualService's namespace, or
    /// `NAMESPACE/NAME`); nil for `mesh` and for a Gateway the manifests do not hold.
    static func gateway(_ reference: String, from virtualService: ManifestObject, in translation: ManifestTranslation) -> ManifestObject? {
        guard reference != "mesh" else { return nil }
        return translation.istioGateways[reference.contains("/") ? reference : "\(virtualService.namespace)/\(reference)"]
    }

    static func translate(_ translation: inout ManifestTranslation) {
        guard let firstGateway = translation.objects("Gateway", in: IstioTranslator.groups).first else { return }
        var bound: [(virtualService: ManifestObject, gateway: ManifestObject)] = []
        for virtualService in translation.objects("VirtualService", in: IstioTranslator.groups) {
            let references = virtualService.spec?["gateways"]?.items.compactMap(\.text) ?? []
            // One VirtualService bound to two Gateways of the edge feeds its rules once.
            if let gateway = references.compactMap({ gateway($0, from: virtualService, in: translation) }).first {
                bound.append((virtualService, gateway))
            }
        }
        guard let edge = bound.first?.gateway else {
            translation.fragment.warning("ignored: Gateway \(firstGateway.name): no VirtualService is bound to it (gateways: [\(firstGateway.name)]), so it routes nothing", at: firstGateway.location)
            return
        }
        if let reason = edgeTaken(translation) {
            translation.fragment.warning("ignored: Gateway \(edge.name) (Istio's ingress gateway) and its VirtualServices: \(reason); meshsim simulates one edge gateway", at: edge.location)
            return
        }
        guard translation.scenario["mesh", "enabled"]?.text == "true" else {
            translation.fragment.warning("ignored: Gateway \(edge.name): Istio's ingress gateway is part of the mesh, and the scenario leaves the mesh off; set mesh: { enabled: true } to simulate it as the edge", at: edge.location)
            return
        }
        let selector = edge.spec?["selector"]?.stringMap ?? [:]
        var rules: [YAMLNode] = []
        for (virtualService, gateway) in bound {
            if gateway.spec?["selector"]?.stringMap ?? [:] != selector {
                translation.fragment.warning("ignored: VirtualService \(virtualService.name) is bound to Gateway \(gateway.name), whose selector picks other gateway pods than Gateway \(edge.name)'s; meshsim simulates one edge gateway", at: gateway.location)
                continue
            }
            guard let http = virtualService.spec?["http"] else { continue }
            rules += IstioTranslator.rewriteHosts(http, in: virtualService, &translation).items
        }
        if translation.scenario["gateway", "kind"] == nil {
            translation.fragment.set(["gateway", "kind"], .scalar("istio", at: edge.location), from: edge.location)
        }
        translation.fragment.set(["gateway", "http"], YAMLNode(.sequence(rules), at: bound[0].virtualService.location), from: edge.location)
    }

    /// Why the edge is Kong's already: the scenario's `gateway` (kind kong, or a Kong-only
    /// field), or a Kong manifest (decK, Ingress, HTTPRoute) that wrote it; nil when free.
    private static func edgeTaken(_ translation: ManifestTranslation) -> String? {
        if let gateway = translation.scenario["gateway"] {
            if let kind = gateway["kind"], kind.text != "istio" {
                return "the scenario's gateway is kind \(kind.text ?? "?") (at \(kind.location))"
            }
            if gateway["kind"] == nil, let field = kongFields.lazy.compactMap({ gateway.entry($0) }).first {
                return "the scenario's gateway is Kong (gateway.\(field.key) at \(field.keyLocation))"
            }
        }
        if let kong = translation.fragment.root["gateway"] {
            return "Kong's configuration in the manifests defines the gateway (at \(kong.location))"
        }
        return nil
    }
}
