import Foundation
import Scenario

/// The KongPlugin and KongClusterPlugin objects, by the names the `konghq.com/plugins`
/// annotation uses, and the global ones: a KongClusterPlugin labelled `global: "true"`
/// applies to every route, as the Kong Ingress Controller configures it.
struct KongPluginObjects {
    static let annotation = "konghq.com/plugins"

    /// `namespace/name` of a KongPlugin → the plugin; nil for an object that exists but is
    /// not modelled or wrong (said once, at the object).
    private var plugins: [String: KongPlugin?] = [:]
    private var clusterPlugins: [String: KongPlugin?] = [:]

    init(_ objects: [ManifestObject], context: inout KongContext) {
        var globals: [KongPlugin] = []
        for object in objects where object.isKind("KongPlugin", in: ["configuration.konghq.com"]) || object.isKind("KongClusterPlugin", in: ["configuration.konghq.com"]) {
            context.gateway.note(object.location)
            let plugin = KongPluginCatalog.object(object, context: &context)
            if object.kind == "KongPlugin" {
                plugins["\(object.namespace)/\(object.name)"] = .some(plugin)
            } else {
                clusterPlugins[object.name] = .some(plugin)
                if object.labels["global"] == "true", let plugin { globals.append(plugin) }
            }
        }
        // The controller applies none of several global plugins of one name (it logs an error).
        for plugin in globals {
            let twins = globals.filter { $0.name == plugin.name }
            if twins.count == 1 {
                context.gateway.plugins.append(plugin)
            } else if twins.first?.node.location == plugin.node.location, let name = plugin.name {
                context.warning("\(twins.count) global KongClusterPlugins configure \(name); the Kong Ingress Controller applies none of them, and neither does meshsim", at: plugin.node.location)
            }
        }
    }

    /// The plugins `object`'s `konghq.com/plugins` annotation names (comma-separated; a
    /// KongPlugin of the object's namespace, else a KongClusterPlugin; `namespace:name` for
    /// another namespace's). A name that no object has is an error: the controller
    /// reports the object and configures none of it.
    func annotated(_ object: ManifestObject, context: inout KongContext) -> [KongPlugin] {
        guard let node = object.node["metadata", "annotations", Self.annotation], let text = node.text else { return [] }
        var found: [KongPlugin] = []
        for part in text.split(separator: ",") {
            let reference = part.trimmingCharacters(in: .whitespaces)
            guard !reference.isEmpty else { continue }
            let (namespace, name) = Self.split(reference, defaultNamespace: object.namespace)
            if let plugin = plugins["\(namespace)/\(name)"] ?? clusterPlugins[name] {
                if let plugin { found.append(plugin) }
                continue
            }
            let known = plugins.keys.filter { $0.hasPrefix("\(object.namespace)/") }.map { String($0.dropFirst(object.namespace.count + 1)) } + clusterPlugins.keys
            let hint = Suggestion.closest(to: name, among: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            context.error("\(object.kind) \(object.name): \(Self.annotation) names '\(Diagnostic.excerpt(reference))', but no KongPlugin in namespace \(namespace) nor KongClusterPlugin has that name\(hint)", at: node.location)
        }
        return found
    }

    private static func split(_ reference: String, defaultNamespace: String) -> (String, String) {
        guard let colon = reference.firstIndex(of: ":") else { return (defaultNamespace, reference) }
        return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]))
    }
}
