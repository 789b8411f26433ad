/// Follows one override's path down a YAML tree and puts its value at the end.
struct OverrideEditor {
    let override: Override

    /// Returns `node` with the value set at `components`; `node` is nil where the path goes
    /// beyond what the file wrote, and `parentPath` is the path followed so far (for messages).
    func set(_ components: ArraySlice<OverridePath.Component>, in node: YAMLNode?, parentPath: String) throws(Diagnostic) -> YAMLNode {
        guard let component = components.first else { return override.value }
        let rest = components.dropFirst()
        switch component {
        case .key(let key):
            return try set(key: key, rest, in: node, parentPath: parentPath)
        case .index(let index):
            let path = parentPath + "[\(index)]"
            let list = try sequence(node, parentPath: parentPath, selector: "[\(index)]")
            var items = list.items
            guard index < items.count else {
                throw failure("index \(index) is out of range: \(describe(parentPath)) has \(entryCount(items.count))")
            }
            items[index] = try set(rest, in: items[index], parentPath: path)
            return YAMLNode(.sequence(items), at: list.node.location)
        case .named(let name):
            let path = parentPath + "[name=\(name)]"
            let list = try sequence(node, parentPath: parentPath, selector: "[name=\(name)]")
            var items = list.items
            let names = items.map(Self.entryName)
            guard let index = names.firstIndex(of: name) else {
                throw failure("no entry of \(describe(parentPath)) is named \"\(name)\"\(Self.hint(for: name, among: names.compactMap { $0 }))")
            }
            items[index] = try set(rest, in: items[index], parentPath: path)
            return YAMLNode(.sequence(items), at: list.node.location)
        }
    }

    private func set(key: String, _ rest: ArraySlice<OverridePath.Component>, in node: YAMLNode?, parentPath: String) throws(Diagnostic) -> YAMLNode {
        let path = parentPath.isEmpty ? key : parentPath + "." + key
        var entries: [YAMLEntry]
        var location = override.value.location
        switch node?.value {
        case nil:
            entries = []
        case .scalar(let text, let quoted) where !quoted && Self.nullSpellings.contains(text):
            entries = []
        case .scalar(let text, _):
            throw failure("\(describe(parentPath)) is the scalar \"\(text)\", so it has no key \"\(key)\"")
        case .sequence:
            throw failure("\(describe(parentPath)) is a list: pick an entry with [N] or [name=X] before .\(key)")
        case .mapping(let existing):
            entries = existing
            location = node?.location ?? location
        }
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = try set(rest, in: entries[index].value, parentPath: path)
        } else {
            // A new intermediate key next to a near-namesake is almost always a typo
            // (services.ordrs.replicas) that would silently add a whole new entry; the
            // decoder catches a misspelled leaf, but not a free-form name like a service's.
            if !rest.isEmpty, let suggestion = Suggestion.closest(to: key, among: entries.map(\.key)) {
                throw failure("\(describe(parentPath)) has no key \"\(key)\"; did you mean \"\(suggestion)\"?")
            }
            let created = try set(rest, in: nil, parentPath: path)
            entries.append(YAMLEntry(key: key, keyLocation: override.value.location, value: created))
        }
        return YAMLNode(.mapping(entries), at: location)
    }

    /// The items of the list that `selector` picks from, with the list node itself.
    private func sequence(_ node: YAMLNode?, parentPath: String, selector: String) throws(Diagnostic) -> (items: [YAMLNode], node: YAMLNode) {
        guard let node else {
            throw failure("\(describe(parentPath)) does not exist, so \(selector) has no list to pick from")
        }
        switch node.value {
        case .sequence(let items):
            return (items, node)
        case .mapping:
            throw failure("\(describe(parentPath)) is a mapping, not a list, so \(selector) cannot pick from it")
        case .scalar(let text, _):
            throw failure("\(describe(parentPath)) is the scalar \"\(text)\", not a list, so \(selector) cannot pick from it")
        }
    }

    private func failure(_ message: String) -> Diagnostic {
        .error("cannot set \(override.path): \(message)", at: override.value.location)
    }

    private func describe(_ path: String) -> String {
        path.isEmpty ? "the top level" : path
    }

    private func entryCount(_ count: Int) -> String {
        count == 1 ? "1 entry" : "\(count) entries"
    }

    /// YAML's spellings of null, which an empty `mesh:` decodes to: a key may be added under them.
    private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    private static func entryName(_ item: YAMLNode) -> String? {
        guard case .mapping(let entries) = item.value,
              let entry = entries.first(where: { $0.key == "name" }),
              case .scalar(let name, _) = entry.value.value
        else { return nil }
        return name
    }

    private static func hint(for name: String, among names: [String]) -> String {
        if let suggestion = Suggestion.closest(to: name, among: names) {
            return "; did you mean \"\(suggestion)\"?"
        }
        return names.isEmpty ? " (its entries have no names)" : " (names: \(names.joined(separator: ", ")))"
    }
}
