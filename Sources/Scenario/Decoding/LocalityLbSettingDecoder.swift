/// DestinationRule `trafficPolicy.loadBalancer.localityLbSetting`, with the checks Istio's
/// validation makes (`ValidateLocalityLbSetting`, pkg/config/validation/agent).
enum LocalityLbSettingDecoder {
    static func decode(_ reader: MappingReader) -> LocalityLbSetting? {
        let values = reader.values
        let enabled = reader.bool("enabled")
        let distribute = reader.read("distribute") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in distributeEntry(item, path: itemPath, values) }
        }
        let failover = reader.read("failover") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in failoverEntry(item, path: itemPath, values) }
        }
        let priority = reader.read("failoverPriority") { node, path -> [String]? in
            guard let items = values.sequence(node, path) else { return nil }
            let labels = items.enumerated().map { values.nonEmptyString($1, "\(path)[\($0)]") }
            return labels.contains(nil) ? nil : labels.compactMap { $0 }
        }
        reader.finish()
        if reader.has("distribute"), reader.has("failover") {
            reader.context.error("\(reader.path) can not simultaneously specify 'distribute' and 'failover' (Istio's validation)", at: reader.location(of: "failover"))
            return nil
        }
        let topology = ["topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone"]
        if reader.has("failover"), let label = priority?.first(where: { topology.contains(String($0.prefix { $0 != "=" })) }) {
            reader.context.error(
                "\(reader.path) can not simultaneously set 'failover' and topology label '\(label)' in 'failoverPriority' (Istio's validation)",
                at: reader.location(of: "failoverPriority"))
            return nil
        }
        return LocalityLbSetting(
            enabled: enabled, distribute: distribute ?? [], failover: failover ?? [], failoverPriority: priority ?? [], location: reader.location)
    }

    /// `{from, to: {LOCALITY: WEIGHT}}`: weights 1…100 summing to 100.
    private static func distributeEntry(_ node: YAMLNode, path: String, _ values: ValueReader) -> LocalityLbSetting.Distribute? {
        guard let reader = MappingReader(node, path: path, context: values.context) else { return nil }
        let from = reader.nonEmptyString("from", required: true)
        let to = reader.read("to", required: true) { node, path -> [(locality: String, weight: Int)]? in
            guard let entries = values.entries(node, path) else { return nil }
            let weights = entries.map { entry in values.int(entry.value, "\(path).\(entry.key)", 1...100).map { (locality: entry.key, weight: $0) } }
            guard !weights.contains(where: { $0 == nil }) else { return nil }
            let total = weights.reduce(0) { $0 + ($1?.weight ?? 0) }
            guard total == 100 else {
                values.fail(path, "weights must sum to 100, not \(total) (Istio: total locality weight != 100)", at: node)
                return nil
            }
            return weights.compactMap { $0 }
        }
        reader.finish()
        guard let from, let to else { return nil }
        return LocalityLbSetting.Distribute(from: from, to: to, location: node.location)
    }

    /// `{from: REGION, to: REGION}`: regions, different from each other.
    private static func failoverEntry(_ node: YAMLNode, path: String, _ values: ValueReader) -> LocalityLbSetting.Failover? {
        guard let reader = MappingReader(node, path: path, context: values.context) else { return nil }
        let from = reader.nonEmptyString("from", required: true)
        let to = reader.nonEmptyString("to", required: true)
        reader.finish()
        guard let from, let to else { return nil }
        for (key, region) in [("from", from), ("to", to)] where region.contains("/") || region.contains("*") {
            values.context.error("\(reader.path(key)) must be a region, not '\(region)' (failover moves between regions)", at: reader.location(of: key))
            return nil
        }
        guard from != to else {
            values.context.error("\(reader.path) must fail over to another region: 'from' and 'to' are both '\(from)'", at: reader.location)
            return nil
        }
        return LocalityLbSetting.Failover(from: from, to: to, location: node.location)
    }
}
