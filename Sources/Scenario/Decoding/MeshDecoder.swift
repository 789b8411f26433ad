/// `mesh:`: whether calls pass sidecars, what the sidecars and mTLS cost in latency, and what a
/// proxy costs in resources for `meshsim compare`'s estimate.
enum MeshDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> Mesh? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let enabled = reader.bool("enabled")
        let sidecarLatency = reader.distribution("sidecarLatency")
        let mtls = reader.choice("mtls", Mesh.MTLSMode.self)
        let mtlsLatency = reader.distribution("mtlsLatency")
        let proxyCost = reader.mapping("proxyCost").map(Self.proxyCost)
        let crossZoneLatency = reader.distribution("crossZoneLatency")
        let rootNamespace = reader.read("rootNamespace") { Names.namespace($0, $1, reader.values) }
        let peers = policies(reader, "peerAuthentications", kind: "PeerAuthentication", PeerAuthenticationDecoder.decode)
        let authorizations = policies(reader, "authorizationPolicies", kind: "AuthorizationPolicy", AuthorizationPolicyDecoder.decode)
        let requests = policies(reader, "requestAuthentications", kind: "RequestAuthentication", RequestAuthenticationDecoder.decode)
        reader.finish()
        var mesh = Mesh(
            enabled: enabled ?? false, sidecarLatency: sidecarLatency ?? .zero, mtls: mtls ?? .strict,
            mtlsLatency: mtlsLatency ?? .zero, proxyCost: proxyCost ?? Mesh.ProxyCost(), location: node.location
        )
        mesh.rootNamespace = rootNamespace ?? mesh.rootNamespace
        mesh.peerAuthentications = peers
        mesh.authorizationPolicies = authorizations
        mesh.requestAuthentications = requests
        mesh.crossZoneLatency = crossZoneLatency ?? .zero
        return mesh
    }

    /// A list of one kind of Istio security policy; a name used twice in one namespace is an
    /// error, as Kubernetes keeps one object per kind, namespace and name.
    private static func policies<T>(
        _ reader: MappingReader, _ key: String, kind: String, _ decode: (YAMLNode, String, DecodeContext) -> T?
    ) -> [T] {
        let context = reader.context
        return reader.read(key) { node, path -> [T]? in
            SecurityPolicyMetadata.reportDuplicates(in: node, kind: kind, context)
            return ScenarioDecoder.list(node, path, reader.values) { item, itemPath, _ in decode(item, itemPath, context) }
        } ?? []
    }

    /// `proxyCost:`; a figure left out (or wrong, after its error) keeps Istio's.
    private static func proxyCost(_ reader: MappingReader) -> Mesh.ProxyCost {
        let cpu = reader.read("cpu") { figure($0, $1, reader.values) }
        let memory = reader.read("memory") { figure($0, $1, reader.values) }
        reader.finish()
        return Mesh.ProxyCost(cpu: cpu ?? Mesh.ProxyCost.istioCPU, memory: memory ?? Mesh.ProxyCost.istioMemory)
    }

    /// A resource per 1000 requests/s: a number from 0 up. The number syntax already refuses
    /// `inf`, `nan` and values too large for a Double, so what passes is finite.
    private static func figure(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> Double? {
        guard let value = values.number(node, path) else { return nil }
        guard value >= 0 else {
            values.fail(path, "must not be negative, not \(ValueReader.text(node))", at: node)
            return nil
        }
        return value
    }
}
