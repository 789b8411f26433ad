import Scenario

/// The kinds meshsim reads, by API group and version, and the warning for every other kind:
/// once per kind, so that a whole folder of a cluster's manifests can be pointed at.
enum KindCatalog {
    struct Kind: Hashable {
        var group: String
        var kind: String
    }

    /// The versions Istio's CRDs serve, by group (istio/api kubernetes/customresourcedefinitions.gen.yaml):
    /// the security kinds never had a v1alpha3.
    static let istioVersions: [String: [String]] = [
        "networking.istio.io": ["v1", "v1beta1", "v1alpha3"],
        "security.istio.io": ["v1", "v1beta1"],
    ]

    /// Kinds translated into the scenario.
    static let read: Set<Kind> = [
        Kind(group: "", kind: "Service"), Kind(group: "", kind: "Namespace"), Kind(group: "", kind: "Secret"),
        Kind(group: "apps", kind: "Deployment"), Kind(group: "apps", kind: "StatefulSet"),
        Kind(group: "argoproj.io", kind: "Rollout"),
        Kind(group: "networking.istio.io", kind: "VirtualService"), Kind(group: "networking.istio.io", kind: "DestinationRule"),
        Kind(group: "networking.istio.io", kind: "Gateway"),
        Kind(group: "security.istio.io", kind: "PeerAuthentication"), Kind(group: "security.istio.io", kind: "AuthorizationPolicy"),
        Kind(group: "security.istio.io", kind: "RequestAuthentication"),
        Kind(group: "configuration.konghq.com", kind: "KongPlugin"), Kind(group: "configuration.konghq.com", kind: "KongClusterPlugin"),
        Kind(group: "configuration.konghq.com", kind: "KongConsumer"), Kind(group: "configuration.konghq.com", kind: "KongUpstreamPolicy"),
        Kind(group: "networking.k8s.io", kind: "Ingress"), Kind(group: "gateway.networking.k8s.io", kind: "HTTPRoute"),
        Kind(group: "flagger.app", kind: "Canary"), Kind(group: "_format_version", kind: "decK"),
    ]

    static func kind(of object: ManifestObject) -> Kind {
        Kind(group: object.kind == "decK" ? "_format_version" : object.group, kind: object.kind)
    }

    /// One warning per kind that is not read (naming how many objects it covers); an Istio
    /// object of an API version Istio does not serve is an error, as the cluster rejects it.
    static func check(_ objects: [ManifestObject]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var counts: [Kind: Int] = [:]
        var first: [(Kind, ManifestObject)] = []
        for object in objects {
            let kind = kind(of: object)
            if let served = istioVersions[kind.group] {
                let version = object.apiVersion.split(separator: "/").last.map(String.init) ?? ""
                if !served.contains(version) {
                    diagnostics.append(.error("\(object.kind) \(object.name): \(object.apiVersion) is not an API version Istio serves (\(served.joined(separator: ", ")))", at: object.node.entry("apiVersion")?.value.location ?? object.location))
                }
            }
            if read.contains(kind) { continue }
            if counts[kind] == nil { first.append((kind, object)) }
            counts[kind, default: 0] += 1
        }
        for (kind, object) in first {
            let count = counts[kind] ?? 1
            let objectsNote = count == 1 ? "" : " (\(CountText.grouped(count)) objects)"
            diagnostics.append(.warning("ignored: \(object.kind) (\(object.apiVersion)) is not modelled\(objectsNote)", at: object.location))
        }
        return diagnostics
    }
}
