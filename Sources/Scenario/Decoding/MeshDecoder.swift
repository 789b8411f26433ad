/// `mesh:`: whether calls pass sidecars, and what the sidecars and mTLS cost.
enum MeshDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> Mesh? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let enabled = reader.bool("enabled")
        let sidecarLatency = reader.distribution("sidecarLatency")
        let mtls = reader.choice("mtls", Mesh.MTLSMode.self)
        let mtlsLatency = reader.distribution("mtlsLatency")
        reader.finish()
        return Mesh(
            enabled: enabled ?? false, sidecarLatency: sidecarLatency ?? .zero, mtls: mtls ?? .strict,
            mtlsLatency: mtlsLatency ?? .zero, location: node.location
        )
    }
}
