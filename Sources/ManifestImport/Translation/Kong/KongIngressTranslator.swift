import Foundation
import Scenario

/// `networking.k8s.io/v1` Ingress objects, as the Kong Ingress Controller turns them into
/// Kong routes: one route per rule host, backend Service and port (named as the controller
/// names it, `<namespace>.<ingress>.<service>.<host>.<port>`), its paths by `pathType`, the
/// `konghq.com/plugins`, `konghq.com/methods`, `konghq.com/headers.*` and
/// `konghq.com/strip-path` annotations, and the backend Service's annotations.
enum KongIngressTranslator {
    private struct Group {
        var name: String
        var service: YAMLNode
        var paths: [YAMLNode] = []
    }

    /// Annotations read here; other `konghq.com/` ones are named once as not modelled.
    static let read = ["konghq.com/plugins", "konghq.com/methods", "konghq.com/strip-path"]

    static func translate(_ context: inout KongContext, plugins: KongPluginObjects, policies: KongUpstreamPolicies) {
        for ingress in context.translation.objects("Ingress", in: ["networking.k8s.io"]) {
            let className = ingress.spec?["ingressClassName"]?.text ?? ingress.annotations["kubernetes.io/ingress.class"]
            if let className, className != "kong" {
                context.warning("ignored: Ingress \(ingress.name) is for the ingress class '\(Diagnostic.excerpt(className))', not kong", at: ingress.location)
                continue
            }
            context.gateway.note(ingress.location)
            if let entry = ingress.spec?.entry("defaultBackend") {
                context.warnOnce("Ingress.defaultBackend", "ignored: Ingress defaultBackend is not modelled; requests no rule matches get 404", at: entry.keyLocation)
            }
            var groups: [Group] = []
            for rule in ingress.spec?["rules"]?.items ?? [] {
                let host = rule["host"]?.text ?? ""
                if let entry = rule.entry("host"), !host.isEmpty {
                    context.warnOnce("Ingress.host", "ignored: Ingress rules' host is not modelled; meshsim's gateway routes match paths, methods and headers of any host", at: entry.keyLocation)
                }
                for path in rule["http", "paths"]?.items ?? [] {
                    guard let backend = path["backend", "service"], let serviceNode = backend["name"], let service = serviceNode.text else {
                        context.warnOnce("Ingress.backend.resource", "ignored: an Ingress path whose backend is not a Service is not modelled", at: path.location)
                        continue
                    }
                    guard let prefix = routePath(path, context: &context) else { continue }
                    let port = backend["port", "number"]?.text ?? backend["port", "name"]?.text ?? "implicit"
                    let name = "\(ingress.namespace).\(ingress.name).\(service).\(host.replacingOccurrences(of: "*", with: "_")).\(port)"
                    if let index = groups.firstIndex(where: { $0.name == name }) {
                        groups[index].paths.append(prefix)
                    } else {
                        groups.append(Group(name: name, service: serviceNode, paths: [prefix]))
                    }
                }
            }
            guard !groups.isEmpty else { continue }
            let fields = annotatedFields(ingress, context: &context)
            let routePlugins = plugins.annotated(ingress, context: &context)
            for group in groups {
                guard let target = context.service(group.service.text ?? "", from: ingress, at: group.service) else { continue }
                let settings = KongServiceAnnotations(service: target.text ?? "", context: &context, plugins: plugins, policies: policies)
                let location = group.paths[0].location
                context.gateway.routes.append(KongGateway.Route(
                    name: .scalar(group.name, at: location),
                    fields: [("paths", YAMLNode(.sequence(group.paths), at: location))] + fields,
                    target: ("service", target),
                    plugins: routePlugins, servicePlugins: settings.plugins, location: location))
            }
        }
    }

    /// The Kong route path of an Ingress path, as the controller writes it: `Prefix` `/a/`
    /// → `/a/` and `~/a$` (read as the prefix `/a`), `Exact` → `~/a$` (read as a prefix),
    /// `ImplementationSpecific` as written (`/~` starts a regex).
    private static func routePath(_ path: YAMLNode, context: inout KongContext) -> YAMLNode? {
        let node = path["path"] ?? path
        let text = path["path"]?.text ?? "/"
        guard let typeNode = path["pathType"], let type = typeNode.text else {
            context.error("an Ingress path needs a pathType (Prefix, Exact or ImplementationSpecific); the cluster rejects it without one", at: path.location)
            return nil
        }
        switch type {
        case "Prefix":
            let base = text.split(separator: "/").joined(separator: "/")
            return .scalar("/" + base, at: node.location)
        case "Exact":
            return KongPaths.exact(text, at: node, context: &context)
        case "ImplementationSpecific":
            if text.hasPrefix("/~") { return KongPaths.regex(text.dropFirst(2), written: text, at: node, context: &context) }
            return .scalar(text, at: node.location)
        default:
            context.error("pathType must be Prefix, Exact or ImplementationSpecific, not \(KongContext.describe(typeNode)); the cluster rejects it", at: typeNode.location)
            return nil
        }
    }

    /// Route fields from the Ingress's annotations; other `konghq.com/` annotations once each.
    private static func annotatedFields(_ ingress: ManifestObject, context: inout KongContext) -> [(String, YAMLNode)] {
        var fields: [(String, YAMLNode)] = []
        var headers: [(String, YAMLNode)] = []
        for entry in ingress.node["metadata", "annotations"]?.entries ?? [] where entry.key.hasPrefix("konghq.com/") {
            let location = entry.value.location
            let values = (entry.value.text ?? "").split(separator: ",").map { YAMLNode.scalar($0.trimmingCharacters(in: .whitespaces), at: location) }
            if entry.key == "konghq.com/methods" {
                fields.append(("methods", YAMLNode(.sequence(values), at: location)))
            } else if entry.key == "konghq.com/strip-path" {
                fields.append(("strip_path", entry.value))
            } else if entry.key.hasPrefix("konghq.com/headers.") {
                headers.append((String(entry.key.dropFirst("konghq.com/headers.".count)), YAMLNode(.sequence(values), at: location)))
            } else if !read.contains(entry.key) {
                context.warnOnce("annotation:\(entry.key)", "ignored: the \(entry.key) annotation is not modelled", at: entry.keyLocation)
            }
        }
        if !headers.isEmpty { fields.append(("headers", .mapping(headers, at: headers[0].1.location))) }
        return fields
    }
}
