/// The maps of a scenario whose keys are names the user chose (services, versions, variants,
/// headers, consumers, issuers), as opposed to maps whose keys are fields of the format.
///
/// An override may not create an entry in such a map by accident: a misspelt
/// `services.backend.replicas` would otherwise add a whole new, empty service. A new entry is
/// written `+NAME`. Fields are left to the decoder, which reports unknown ones with a suggestion.
enum NamedMaps {
    private enum Step {
        case key(String)
        case anyKey
        case anyItem
    }

    private static let maps: [(entry: String, steps: [Step])] = [
        ("service", [.key("services")]),
        ("version", [.key("services"), .anyKey, .key("versions")]),
        ("variant", [.key("variants")]),
        ("header", [.key("clients"), .anyItem, .key("requests"), .anyItem, .key("headers")]),
        ("header", [.key("gateway"), .key("routes"), .anyItem, .key("headers")]),
        ("header", [.key("services"), .anyKey, .key("http"), .anyItem, .key("match"), .anyItem, .key("headers")]),
        ("consumer", [.key("gateway"), .key("plugins"), .anyItem, .key("consumers")]),
        ("issuer", [.key("gateway"), .key("plugins"), .anyItem, .key("issuers")]),
        ("consumer", [.key("gateway"), .key("routes"), .anyItem, .key("plugins"), .anyItem, .key("consumers")]),
        ("issuer", [.key("gateway"), .key("routes"), .anyItem, .key("plugins"), .anyItem, .key("issuers")]),
    ]

    /// What an entry of the map at `path` is called ("service"), or nil when the map's keys are fields.
    static func entryKind(at path: ArraySlice<OverridePath.Component>) -> String? {
        maps.first { matches($0.steps, path) }?.entry
    }

    private static func matches(_ steps: [Step], _ path: ArraySlice<OverridePath.Component>) -> Bool {
        guard steps.count == path.count else { return false }
        return zip(steps, path).allSatisfy { step, component in
            switch (step, component) {
            case (.key(let expected), .key(let key)), (.key(let expected), .newKey(let key)): key == expected
            case (.anyKey, .key), (.anyKey, .newKey), (.anyKey, .named), (.anyItem, .index), (.anyItem, .named): true
            default: false
            }
        }
    }
}
