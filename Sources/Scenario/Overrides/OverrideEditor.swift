/// Follows one override's path down a YAML tree and puts its value at the end.
///
/// The recursion follows the path, whose length `OverridePath.parse` bounds.
struct OverrideEditor {
    let override: Override
    let components: [OverridePath.Component]

    func apply(to root: YAMLNode) throws(Diagnostic) -> YAMLNode {
        try set(at: 0, in: root)
    }

    /// Returns `node` with the value set at `components[position...]`; `node` is nil where the
    /// path goes beyond what the file wrote.
    private func set(at position: Int, in node: YAMLNode?) throws(Diagnostic) -> YAMLNode {
        guard position < components.count else { return override.value }
        let parentPath = OverridePath.text(components[..<position])
        switch components[position] {
        case .key(let key):
            return try set(key: key, creating: false, at: position, in: node, parentPath: parentPath)
        case .newKey(let key):
            return try set(key: key, creating: true, at: position, in: node, parentPath: parentPath)
        case .index(let index):
            let list = try sequence(node, parentPath: parentPath, selector: "[\(index)]")
            var items = list.items
            guard index < items.count else {
                throw failure("index \(index) is out of range: \(describe(parentPath)) has \(entryCount(items.count))")
            }
            items[index] = try set(at: position + 1, in: items[index])
            return YAMLNode(.sequence(items), at: list.node.location)
        case .named(let name):
            if case .mapping? = node?.value {
                // A map entry whose name holds dots, which `.` would split: the manifests'
                // Service ratings of namespace books is `services[name=ratings.books]`.
                return try set(key: name, creating: false, at: position, in: node, parentPath: parentPath)
            }
            let list = try sequence(node, parentPath: parentPath, selector: "[name=\(name)]")
            var items = list.items
            let names = items.map(Self.entryName)
            guard let index = names.firstIndex(of: name) else {
                throw failure("no entry of \(describe(parentPath)) is named \"\(name)\"\(Self.hint(for: name, among: names.compactMap { $0 }))")
            }
            items[index] = try set(at: position + 1, in: items[index])
            return YAMLNode(.sequence(items), at: list.node.location)
        }
    }

    private func set(key: String, creating: Bool, at position: Int, in node: YAMLNode?, parentPath: String) throws(Diagnostic) -> YAMLNode {
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
        let existing = entries.firstIndex { $0.key == key }
        try checkEntry(key, creating: creating, exists: existing != nil, at: position, among: entries.map(\.key), parentPath: parentPath)
        if let existing {
            entries[existing].value = try set(at: position + 1, in: entries[existing].value)
        } else {
            // A new intermediate key next to a near-namesake is almost always a typo
            // (mesh.mtl.mode) that the decoder would report only as an unknown key.
            if !creating, position + 1 < components.count, let suggestion = Suggestion.closest(to: key, among: entries.map(\.key)) {
                throw failure("\(describe(parentPath)) has no key \"\(key)\"; did you mean \"\(suggestion)\"?")
            }
            let created = try set(at: position + 1, in: nil)
            entries.append(YAMLEntry(key: key, keyLocation: override.value.location, value: created))
        }
        return YAMLNode(.mapping(entries), at: location)
    }

    /// An entry of a map keyed by names must exist unless written `+NAME`, which must not;
    /// `+` on a field is a mistake too.
    private func checkEntry(_ key: String, creating: Bool, exists: Bool, at position: Int, among keys: [String], parentPath: String) throws(Diagnostic) {
        let place = position == 1 ? "the scenario" : describe(parentPath)
        switch (NamedMaps.entryKind(at: components[..<position]), creating, exists) {
        case (nil, true, _):
            throw failure("'+' adds an entry to a map of names such as services or versions, but \"\(key)\" is a field of \(describe(parentPath)); write \(pathText(replacing: position, with: .key(key)))")
        case (let kind?, true, true):
            throw failure("\(place) already has a \(kind) '\(key)'; to change it write \(pathText(replacing: position, with: .key(key)))")
        case (let kind?, false, false):
            let suggestion = Suggestion.closest(to: key, among: keys).map { "; did you mean '\($0)'?" } ?? "."
            throw failure("no \(kind) '\(key)' in \(place)\(suggestion) To add a new one write \(pathText(replacing: position, with: .newKey(key)))")
        default:
            break
        }
    }

    private func pathText(replacing position: Int, with component: OverridePath.Component) -> String {
        var changed = components
        changed[position] = component
        return OverridePath.text(changed)
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
        .error("cannot set \(Diagnostic.excerpt(override.path)): \(message)", at: override.value.location)
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
        return names.isEmpty ? " (its entries have no names)" : " (names: \(Suggestion.listing(names)))"
    }
}
