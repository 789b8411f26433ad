import Scenario

/// A Kong route of a decK file as a scenario gateway route: `name` (made up as
/// `<service>-<n>` when Kong has none), `paths` (regex paths read as prefixes), `methods`,
/// `headers`, the service's target, its own timeout and retries when its service's differ
/// from those of the scenario service, and its plugins. Every other field
/// is passed on, so the route decoder judges it as it judges a scenario's own route.
enum DeckRoute {
    /// Read here; `id` and the timestamps only identify the route.
    static let handled = ["name", "paths", "service", "plugins", "id", "created_at", "updated_at"]

    static func route(
        _ node: YAMLNode, name: String, service: DeckService, target: YAMLNode, settings: (timeout: YAMLNode?, retries: YAMLNode)?,
        plugins: [KongPlugin], formatVersion: String, context: inout KongContext
    ) -> KongGateway.Route {
        var fields: [(String, YAMLNode)] = []
        if let paths = node["paths"] {
            fields.append(("paths", KongPaths.deck(paths, formatVersion: formatVersion, context: &context)))
        }
        for entry in node.entries where !handled.contains(entry.key) && !entry.value.isNull {
            fields.append((entry.key, entry.value))
        }
        return KongGateway.Route(
            name: node["name"] ?? .scalar(name, at: node.location), fields: fields,
            target: ("service", target),
            timeout: settings?.timeout, retries: settings?.retries,
            plugins: plugins, servicePlugins: service.plugins, location: node.location)
    }
}
