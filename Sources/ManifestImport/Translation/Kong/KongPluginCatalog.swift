import Scenario

/// Which Kong plugins meshsim models, and how a plugin written for Kong becomes a scenario
/// plugin entry. A plugin meshsim does not model (cors, prometheus, ...) is left out with one
/// warning per plugin name: Kong would run it, but it changes no answer meshsim computes.
enum KongPluginCatalog {
    /// Where a plugin is scoped in the Kong entity, which meshsim does by where it writes it.
    static let scopeKeys = ["service", "route", "consumer", "consumer_group"]

    /// A decK plugin entry; `scoped` removes the keys that placed a top-level plugin.
    static func entry(_ node: YAMLNode, scoped: Bool, context: inout KongContext) -> KongPlugin? {
        guard node.isMapping else {
            return KongPlugin(name: nil, node: node, enabled: true)
        }
        var entry = scoped ? node.removing(scopeKeys) : node
        if let config = node["config"] { entry = entry.setting("config", to: withoutNulls(config)) }
        let enabled = node["enabled"]?.text.map { $0.lowercased() != "false" } ?? true
        return modelled(KongPlugin(name: node["name"]?.text, node: entry, enabled: enabled), at: node["name"], context: &context)
    }

    /// A KongPlugin or KongClusterPlugin object: `plugin`, `config`, `disabled`, and the
    /// entry fields Kong also has (`protocols`, `ordering`, `instance_name`). Nil when it has
    /// no `plugin` (an error: the cluster rejects it) or names one meshsim does not model.
    static func object(_ object: ManifestObject, context: inout KongContext) -> KongPlugin? {
        guard let nameNode = object.node["plugin"], let name = nameNode.text, !name.isEmpty else {
            context.error("\(object.kind) \(object.name) has no plugin: field; which Kong plugin is it? (key-auth, jwt, rate-limiting, ...)", at: object.node.entry("plugin")?.keyLocation ?? object.location)
            return nil
        }
        var pairs: [(String, YAMLNode)] = [("name", nameNode)]
        if let config = object.node["config"] { pairs.append(("config", withoutNulls(config))) }
        var enabled = true
        if let disabled = object.node["disabled"] {
            switch disabled.text?.lowercased() {
            case "true":
                enabled = false
                pairs.append(("enabled", .scalar("false", at: disabled.location)))
            case "false":
                break
            default:
                context.error("\(object.kind) \(object.name): disabled must be true or false, not \(KongContext.describe(disabled))", at: disabled.location)
            }
        }
        for key in ["protocols", "ordering", "instance_name"] {
            if let node = object.node[key] { pairs.append((key, node)) }
        }
        for key in ["configFrom", "configPatches"] {
            if let entry = object.node.entry(key) {
                context.warnOnce("\(object.kind).\(key)", "ignored: \(object.kind) \(key) is not modelled (meshsim reads config only); the plugin runs with its config field", at: entry.keyLocation)
            }
        }
        if let entry = object.node.entry("consumerRef") {
            consumerScoped(at: entry.keyLocation, context: &context)
        }
        return modelled(KongPlugin(name: name, node: .mapping(pairs, at: object.location), enabled: enabled), at: nameNode, context: &context)
    }

    static func consumerScoped(at location: SourceLocation, context: inout KongContext) {
        context.warnOnce("consumer-plugins", "ignored: plugins scoped to a Kong consumer are not modelled; meshsim applies plugins globally, per service and per route", at: location)
    }

    /// Kong's bundled plugins that meshsim does not model are left out with a warning; so is a
    /// name Kong does not bundle (a custom plugin, or a typo: the warning suggests the closest).
    private static func modelled(_ plugin: KongPlugin, at nameNode: YAMLNode?, context: inout KongContext) -> KongPlugin? {
        guard let name = plugin.name else { return plugin }
        let message: String
        switch KongBundledPlugins.kind(of: name) {
        case .modelled:
            return plugin
        case .unmodelled:
            message = "ignored: Kong plugin \(name) has no effect in the simulation"
        case .unknown(let suggestion):
            message = "ignored: \(name) is not one of Kong's bundled plugins\(suggestion.map { " (did you mean '\($0)'?)" } ?? ""); meshsim cannot simulate a custom plugin"
        }
        context.warnOnce("plugin:\(name)", message, at: nameNode?.location ?? plugin.node.location)
        return nil
    }

    /// Kong reads a null config field as unset, and decK dumps write every unset one.
    private static func withoutNulls(_ config: YAMLNode) -> YAMLNode {
        guard case .mapping(let entries) = config.value else { return config }
        return YAMLNode(.mapping(entries.filter { !$0.value.isNull }), at: config.location)
    }
}
