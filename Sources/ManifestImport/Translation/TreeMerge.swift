import Scenario

/// Merges what manifests write into a scenario's tree: mappings key by key, at any depth, so
/// a scenario's `services.orders.latency` and a DestinationRule's
/// `services.orders.trafficPolicy` meet in one service. Anything else written in both places
/// is the same thing defined twice: an error naming both.
enum TreeMerge {
    static func merge(_ base: YAMLNode, _ adding: YAMLNode, path: String = "", diagnostics: inout [Diagnostic]) -> YAMLNode {
        if base.isNull { return adding }
        if adding.isNull { return base }
        guard case .mapping(var entries) = base.value, case .mapping(let added) = adding.value else {
            let name = path.isEmpty ? "the scenario" : path
            diagnostics.append(.error("\(name) is defined twice: here and at \(base.location)", at: adding.location))
            return base
        }
        var index: [String: Int] = [:]
        for (position, entry) in entries.enumerated() { index[entry.key] = position }
        for entry in added {
            let childPath = path.isEmpty ? entry.key : "\(path).\(entry.key)"
            if let position = index[entry.key] {
                entries[position].value = merge(entries[position].value, entry.value, path: childPath, diagnostics: &diagnostics)
            } else {
                index[entry.key] = entries.count
                entries.append(entry)
            }
        }
        return YAMLNode(.mapping(entries), at: base.location)
    }
}
