/// `zone: Z` or `zones: [Z, ...]` on a service, a version, a client or the gateway. A zone is
/// written `region/zone` or `zone` (one unnamed region for all), as Kubernetes nodes carry
/// `topology.kubernetes.io/region` and `topology.kubernetes.io/zone`.
enum ZoneDecoder {
    /// The zones written, nil when neither key is. `single` readers (a client) take `zone` only.
    static func zones(_ reader: MappingReader, single: Bool = false) -> [String]? {
        let one = reader.read("zone") { zone($0, $1, reader.values) }
        if single { return one.map { [$0] } }
        let many = reader.read("zones") { node, path -> [String]? in
            guard let items = reader.values.sequence(node, path) else { return nil }
            guard !items.isEmpty else {
                reader.values.fail(path, "must list at least one zone (omit it for none)", at: node)
                return nil
            }
            let zones = items.enumerated().map { zone($1, "\(path)[\($0)]", reader.values) }
            return zones.contains(nil) ? nil : zones.compactMap { $0 }
        }
        if reader.has("zone"), reader.has("zones") {
            reader.context.error("\(reader.path) must have only one of zone or zones", at: reader.location(of: "zones"))
            return nil
        }
        return one.map { [$0] } ?? many
    }

    /// `region/zone` or `zone`: no empty part, no third part (meshsim has no subzones).
    static func zone(_ node: YAMLNode, _ path: String, _ values: ValueReader) -> String? {
        guard let text = values.nonEmptyString(node, path) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, !parts.contains(where: \.isEmpty), !text.contains(where: \.isWhitespace) else {
            values.fail(path, "must be region/zone or zone (for example us-east1/us-east1-b), not '\(text)'", at: node)
            return nil
        }
        return text
    }
}
