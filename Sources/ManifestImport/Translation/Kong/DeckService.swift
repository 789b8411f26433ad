import Scenario

/// One Kong service of a decK file: the scenario service its `host` (or `url`) names, and
/// what it gives each of its routes: `read_timeout` as the route's `timeout`, `retries`, and
/// its plugins. Kong's defaults (60000 ms, 5 retries) are the route decoder's defaults.
struct DeckService {
    /// `name`, else `id`, as other entities refer to it.
    var name: String?
    var id: String?
    /// What generated route names start with: the name, else the scenario service.
    var label: String
    /// `service: NAME` for its routes; nil when it names no service (an error was said) or
    /// is disabled (Kong leaves a disabled service's routes out of its router).
    var target: YAMLNode?
    var timeout: YAMLNode?
    var retries: YAMLNode?
    var plugins: [KongPlugin] = []
    var node: YAMLNode

    static let read = ["name", "id", "host", "url", "read_timeout", "retries", "routes", "plugins", "enabled"]
    /// Fields of Kong's services entity (kong/db/schema/entities/services.lua) that change
    /// nothing meshsim simulates: connections open at once, requests carry no body or TLS.
    static let noEffect = [
        "connect_timeout", "write_timeout", "protocol", "port", "path", "tags", "created_at", "updated_at",
        "client_certificate", "tls_verify", "tls_verify_depth", "ca_certificates",
    ]

    init(_ node: YAMLNode, path: String, file: ManifestObject, upstreams: [String: YAMLNode], context: inout KongContext) {
        self.node = node
        name = node["name"]?.text
        id = node["id"]?.text
        label = name ?? ""
        for entry in node.entries where !Self.read.contains(entry.key) && !entry.value.isNull {
            let message = Self.noEffect.contains(entry.key)
                ? "\(path).\(entry.key) has no effect in a simulation"
                : "ignored: \(path).\(entry.key) is not read by meshsim"
            context.warnOnce("decK.services.\(entry.key)", message, at: entry.keyLocation)
        }
        target = resolve(path: path, file: file, upstreams: upstreams, context: &context)
        if label.isEmpty { label = target?.text ?? "service" }
        if node["enabled"]?.text?.lowercased() == "false" { target = nil }
        if let readTimeout = node["read_timeout"] {
            timeout = context.readTimeout(readTimeout, field: "\(path).read_timeout")
        }
        retries = node["retries"]
        for plugin in node["plugins"]?.items ?? [] {
            if let plugin = KongPluginCatalog.entry(plugin, scoped: false, context: &context) { plugins.append(plugin) }
        }
    }

    /// The scenario service `host` names: a Kubernetes service, or the first target of a
    /// Kong upstream of that name (load balancing over an upstream's targets is not modelled).
    private mutating func resolve(path: String, file: ManifestObject, upstreams: [String: YAMLNode], context: inout KongContext) -> YAMLNode? {
        let reference = ManifestObject(apiVersion: file.apiVersion, kind: "Kong service", name: name ?? path, namespace: file.namespace, node: node)
        guard let hostNode = node["host"] ?? node["url"], let written = hostNode.text else {
            context.error("\(path) needs a host (or a url): Kong requires one", at: node.location)
            return nil
        }
        let host = node["host"] != nil ? written : Self.host(ofURL: written)
        guard let upstream = upstreams[host] else {
            return context.service(host, from: reference, at: hostNode)
        }
        let targets = (upstream["targets"]?.items ?? []).compactMap { $0["target"]?.text }
        let directory = context.translation.directory
        let resolved = targets.lazy.compactMap { directory.resolve(host: Self.host(ofURL: $0), from: file.namespace) }.first
        let upstreamName = Diagnostic.excerpt(host)
        guard let resolved else {
            context.warning("Kong upstream '\(upstreamName)' is not modelled yet, and none of its targets names a service; the routes of \(path) are left out", at: hostNode.location)
            return nil
        }
        context.warning("Kong upstream '\(upstreamName)' is not modelled yet (its load balancing over targets); the routes of \(path) go to the service of its first target that names one, '\(resolved)'", at: hostNode.location)
        return .scalar(resolved, at: hostNode.location)
    }

    /// `http://orders.shop.svc:8080/api` → `orders.shop.svc`; a `host:port` target → host.
    static func host(ofURL url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == ":" || $0 == "?" }) { rest = rest[..<end] }
        return String(rest)
    }
}
