import Scenario

/// DestinationRule policies and VirtualService `http` routes, written where a scenario holds
/// them (`services.S.trafficPolicy`, `services.S.versions.V.trafficPolicy`, `services.S.http`).
/// The nodes are the manifests' own, so the scenario's decoders read and locate every field;
/// only hosts are rewritten, to the scenario's service names.
enum IstioTranslator {
    static let groups: Set<String> = ["networking.istio.io"]

    static func translate(_ translation: inout ManifestTranslation) {
        for (service, rules) in translation.destinationRules.sorted(by: { $0.key < $1.key }) {
            for rule in rules {
                if let policy = rule.spec?["trafficPolicy"] {
                    translation.fragment.set(["services", service, "trafficPolicy"], policy, from: rule.location)
                }
            }
            for (rule, subset) in DestinationRuleIndex.subsets(of: service, in: translation) {
                guard let version = subset["name"]?.text, let policy = subset["trafficPolicy"] else { continue }
                translation.fragment.set(["services", service, "versions", version, "trafficPolicy"], policy, from: rule.location)
            }
        }
        var routed: [String: ManifestObject] = [:]
        var noted: Set<String> = []
        for virtualService in translation.objects("VirtualService", in: groups) {
            guard let spec = virtualService.spec, appliesToSidecars(virtualService, &translation) else { continue }
            for field in ["exportTo", "tcp", "tls"] {
                guard let node = spec[field], noted.insert(field).inserted else { continue }
                let effect = field == "exportTo" ? "meshsim applies every VirtualService to every caller" : "meshsim simulates HTTP traffic only"
                translation.fragment.warning("ignored: VirtualService \(field) is not modelled; \(effect)", at: node.location)
            }
            let hosts = spec["hosts"]?.items ?? []
            if hosts.isEmpty {
                translation.fragment.warning("ignored: VirtualService \(virtualService.name) names no hosts (a delegate's routes); meshsim does not simulate delegation", at: virtualService.location)
                continue
            }
            let http = spec["http"].map { rewriteHosts($0, in: virtualService, &translation) }
            for hostNode in hosts {
                switch IstioHost.resolve(hostNode, from: virtualService, &translation) {
                case .unknown: continue
                case .external:
                    translation.fragment.warning("ignored: VirtualService \(virtualService.name): host '\(Diagnostic.excerpt(hostNode.text ?? ""))' is a wildcard or a name outside the cluster; meshsim routes calls to cluster services only", at: hostNode.location)
                case .service(let service):
                    if let other = routed[service] {
                        // `reviews` and its full name in one VirtualService are one host.
                        if other.location == virtualService.location { continue }
                        // istioctl analyze IST0109: sidecars take one VirtualService per host.
                        translation.fragment.error("VirtualService \(virtualService.name) routes host \(service) for sidecars, as does VirtualService \(other.name) at \(other.location); Istio merges VirtualServices only at gateways, so sidecars would use one of them: merge them into one", at: hostNode.location)
                        continue
                    }
                    routed[service] = virtualService
                    if let http { translation.fragment.set(["services", service, "http"], http, from: virtualService.location) }
                }
            }
        }
    }

    /// Istio: `gateways` left out means `mesh` (every sidecar); a list without `mesh` binds the
    /// routes to those gateways only (a VirtualService bound to both feeds both).
    private static func appliesToSidecars(_ virtualService: ManifestObject, _ translation: inout ManifestTranslation) -> Bool {
        guard let node = virtualService.spec?["gateways"] else { return true }
        let gateways = node.items.compactMap(\.text)
        if gateways.isEmpty || gateways.contains("mesh") { return true }
        // Bound to a Gateway of the manifests: IstioGatewayTranslator makes it the edge's.
        if gateways.contains(where: { IstioGatewayTranslator.gateway($0, from: virtualService, in: translation) != nil }) { return false }
        translation.fragment.warning("VirtualService \(virtualService.name) is bound to gateways \(gateways.joined(separator: ", ")) and not to 'mesh': Istio applies it at those gateways only, so meshsim ignores it for the calls sidecars route", at: node.location)
        return false
    }

    /// `http` with each `route[*].destination.host` and `mirror.host` replaced by the scenario
    /// name of the service it resolves to, at the host's own location.
    static func rewriteHosts(_ http: YAMLNode, in virtualService: ManifestObject, _ translation: inout ManifestTranslation) -> YAMLNode {
        guard case .sequence(let rules) = http.value else { return http }
        func rewrite(_ destination: YAMLNode, _ translation: inout ManifestTranslation) -> YAMLNode {
            guard destination.isMapping else { return destination }
            guard let host = destination["host"] else {
                translation.fragment.error("VirtualService \(virtualService.name): destination.host is required (the cluster rejects the VirtualService)", at: destination.location)
                return destination
            }
            switch IstioHost.resolve(host, from: virtualService, &translation) {
            case .service(let service): return destination.setting("host", to: .scalar(service, at: host.location))
            case .external: translation.fragment.error(translation.unknownHost(host.text ?? "", from: virtualService), at: host.location)
            case .unknown: break
            }
            return destination
        }
        let rewritten = rules.map { rule -> YAMLNode in
            var rule = rule
            if let route = rule["route"], case .sequence(let destinations) = route.value {
                let items = destinations.map { item in
                    item["destination"].map { item.setting("destination", to: rewrite($0, &translation)) } ?? item
                }
                rule = rule.setting("route", to: YAMLNode(.sequence(items), at: route.location))
            }
            if let mirror = rule["mirror"] { rule = rule.setting("mirror", to: rewrite(mirror, &translation)) }
            return rule
        }
        return YAMLNode(.sequence(rewritten), at: http.location)
    }
}
