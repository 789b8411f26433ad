/// `mesh.peerAuthentications[*]`: an Istio PeerAuthentication's `name`, `namespace` and spec
/// fields (security/v1beta1/peer_authentication.proto): `selector`, `mtls.mode`, `portLevelMtls`.
enum PeerAuthenticationDecoder {
    /// Istio's MutualTLS.Mode, spelt as Istio spells it; UNSET inherits from the parent scope.
    static let modes = ["UNSET", "DISABLE", "PERMISSIVE", "STRICT"]

    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> PeerAuthentication? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let (name, namespace) = SecurityPolicyMetadata.read(reader)
        let selector = reader.read("selector") { WorkloadSelectorDecoder.decode($0, path: $1, context: context) }
        let mode = reader.read("mtls") { mutualTLS($0, path: $1, context: context) }
        let ports = reader.read("portLevelMtls") { portModes($0, path: $1, context: context) }
        reader.finish()
        if let ports, !ports.isEmpty, selector == nil {
            // Istio's CRD rejects it ("portLevelMtls requires selector"): a port-level mode is
            // only meaningful for the workloads a selector names.
            context.error(
                "\(reader.path("portLevelMtls")) requires a selector with matchLabels (Istio rejects a PeerAuthentication with port-level modes for a whole namespace)",
                at: reader.location(of: "portLevelMtls"))
            return nil
        }
        guard let name else { return nil }
        return PeerAuthentication(
            name: name, namespace: namespace, selector: selector, mode: mode.flatMap(Mesh.MTLSMode.init(rawValue:)),
            portLevelModes: ports ?? [:], location: node.location)
    }

    /// `mtls: { mode: M }`: the mode's text (UNSET when left out).
    private static func mutualTLS(_ node: YAMLNode, path: String, context: DecodeContext) -> String? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let mode = reader.read("mode") { reader.values.choice($0, $1, modes) }
        reader.finish()
        return mode ?? "UNSET"
    }

    /// `portLevelMtls: { PORT: { mode: M } }`, PORT a target port from 1 to 65535.
    private static func portModes(_ node: YAMLNode, path: String, context: DecodeContext) -> [Int: Mesh.MTLSMode?]? {
        let values = ValueReader(context: context)
        guard let entries = values.entries(node, path) else { return nil }
        var ports: [Int: Mesh.MTLSMode?] = [:]
        for entry in entries {
            guard let port = Int(entry.key), (1...65535).contains(port) else {
                context.error("\(path): '\(Diagnostic.excerpt(entry.key))' is not a port number from 1 to 65535", at: entry.keyLocation)
                continue
            }
            guard let mode = mutualTLS(entry.value, path: "\(path).\(entry.key)", context: context) else { continue }
            ports.updateValue(Mesh.MTLSMode(rawValue: mode), forKey: port)
        }
        return ports
    }
}
