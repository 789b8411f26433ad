/// Collects a mapping's entries, rejecting duplicate keys and applying merge keys (`<<`).
///
/// Merged entries take the place of the `<<` entry, keep their own locations and never
/// override a key written in the mapping itself, wherever that key appears; with
/// `<<: [*a, *b]`, a key from `a` wins over the same key from `b`.
struct YAMLMappingBuilder {
    private enum Slot {
        case entry(YAMLEntry)
        case merge([YAMLEntry])
    }

    private var slots: [Slot] = []
    private var firstLocations: [String: SourceLocation] = [:]
    private var explicitKeys: Set<String> = []

    mutating func add(_ entry: YAMLEntry, isMergeKey: Bool) throws(Diagnostic) {
        if let first = firstLocations[entry.key] {
            throw .error("duplicate key '\(entry.key)' (first defined on line \(first.line))", at: entry.keyLocation)
        }
        firstLocations[entry.key] = entry.keyLocation
        if isMergeKey {
            slots.append(.merge(try YAMLMappingBuilder.mergedEntries(of: entry.value)))
        } else {
            explicitKeys.insert(entry.key)
            slots.append(.entry(entry))
        }
    }

    func build(at location: SourceLocation) -> YAMLNode {
        var entries: [YAMLEntry] = []
        for slot in slots {
            switch slot {
            case .entry(let entry):
                entries.append(entry)
            case .merge(let merged):
                entries.append(contentsOf: merged.filter { !explicitKeys.contains($0.key) })
            }
        }
        return YAMLNode(.mapping(entries), at: location)
    }

    private static func mergedEntries(of value: YAMLNode) throws(Diagnostic) -> [YAMLEntry] {
        switch value.value {
        case .mapping(let entries):
            return entries
        case .sequence(let sources):
            var seen: Set<String> = []
            var merged: [YAMLEntry] = []
            for source in sources {
                guard case .mapping(let entries) = source.value else {
                    throw mergeError(at: source.location)
                }
                merged.append(contentsOf: entries.filter { seen.insert($0.key).inserted })
            }
            return merged
        case .scalar:
            throw mergeError(at: value.location)
        }
    }

    private static func mergeError(at location: SourceLocation) -> Diagnostic {
        .error("the merge key '<<' takes a mapping or a list of mappings, such as '<<: *defaults'", at: location)
    }
}
