import Scenario

/// A `host` an Istio object names, resolved to a scenario service.
enum IstioHost {
    enum Resolution: Equatable {
        case service(String)
        /// A wildcard or a name outside the cluster (a ServiceEntry's): nothing meshsim models.
        case external
        /// Reported already: missing, or a cluster name that no service has.
        case unknown
    }

    /// Resolves `node` (a host written in `object`) as the directory resolves hosts. An
    /// unknown cluster name is an error with a did-you-mean; `reviews.shop` and
    /// `reviews.shop.svc` resolve but warn, as Istio only completes names without a dot.
    static func resolve(_ node: YAMLNode, from object: ManifestObject, _ translation: inout ManifestTranslation) -> Resolution {
        guard let host = node.text, !host.isEmpty else {
            translation.fragment.error("\(object.kind) \(object.name): a host must be a service name, written as text", at: node.location)
            return .unknown
        }
        guard let (short, namespace) = ServiceDirectory.split(host: host, defaultNamespace: object.namespace) else { return .external }
        guard let name = translation.directory.resolve(host: host, from: object.namespace) else {
            translation.fragment.error(translation.unknownHost(host, from: object), at: node.location)
            return .unknown
        }
        if host.contains("."), !host.hasSuffix(".svc.cluster.local") {
            // pilot's ResolveShortnameToFQDN completes a host only when it has no dot.
            let fqdn = "\(short).\(namespace).svc.cluster.local"
            translation.fragment.warning("\(object.kind) \(object.name): Istio reads host '\(Diagnostic.excerpt(host))' as a fully qualified name (it completes only names without a dot), so in the cluster it matches no service's host name; meshsim reads it as service \(name): write \(fqdn)", at: node.location)
        }
        return .service(name)
    }
}
