/// Collects a mapping's entries, rejecting duplicate keys and applying merge keys (`<<`).
///
/// Merged entries take the place of the `<<` entry, keep their own locations and never
/// override a key written in the mapping itself, wherever that key appears; with
/// `<<: [*a, *b]`, a key from `a` wins over the same key from `b`.
struct YAMLMappingBuilder {
    /// The entries written in the mapping itself, in file order.
    private var entries: [YAMLEntry] = []
    /// Each `<<` entry's merged entries, with the number of written entries before it.
    private var merges: [(position: Int, entries: [YAMLEntry])] = []
    /// Every key written (`<<` included) with its location, in file order.
    private var keys: [(key: String, location: SourceLocation)] = []
    /// Each key's index in `keys`, built once a mapping outgrows a scan: most mappings have a
    /// handful of keys, where scanning is cheaper than hashing, but one may have 400,000.
    private var indexByKey: [String: Int] = [:]
    private static let scanLimit = 16

    mutating func add(_ entry: YAMLEntry, isMergeKey: Bool) throws(Diagnostic) {
        if let first = firstLocation(of: entry.key) {
            throw .error("duplicate key '\(entry.key)' (first defined on line \(first.line))", at: entry.keyLocation)
        }
        keys.append((entry.key, entry.keyLocation))
        if keys.count == Self.scanLimit + 1 {
            for index in keys.indices { indexByKey[keys[index].key] = index }
        } else if keys.count > Self.scanLimit {
            indexByKey[entry.key] = keys.count - 1
        }
        if isMergeKey {
            merges.append((entries.count, try YAMLMappingBuilder.mergedEntries(of: entry.value)))
        } else {
            entries.append(entry)
        }
    }

    func build(at location: SourceLocation) -> YAMLNode {
        guard !merges.isEmpty else { return YAMLNode(.mapping(entries), at: location) }
        let explicitKeys = Set(entries.map(\.key))
        var built: [YAMLEntry] = []
        var next = 0
        for merge in merges {
            built.append(contentsOf: entries[next..<merge.position])
            next = merge.position
            built.append(contentsOf: merge.entries.filter { !explicitKeys.contains($0.key) })
        }
        built.append(contentsOf: entries[next...])
        return YAMLNode(.mapping(built), at: location)
    }

    private func firstLocation(of key: String) -> SourceLocation? {
        if keys.count > Self.scanLimit { return indexByKey[key].map { keys[$0].location } }
        return keys.first { $0.key == key }?.location
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
