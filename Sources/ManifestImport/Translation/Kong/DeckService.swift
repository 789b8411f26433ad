import Scenario

/// One Kong service of a decK file: the scenario service its `host` (or `url`) names, the
/// Kong upstream it goes through (when its host is an upstream's name), its settings
/// (`retries` and the three timeouts, in Kong's milliseconds, for `gateway.services`) and
/// its plugins, which go on each of its routes.
struct DeckService {
    /// `name`, else `id`, as other entities refer to it.
    var name: String?
    var id: String?
    /// What generated route names start with: the name, else the scenario service.
    var label: String
    /// `service: NAME` for its routes; nil when it names no service (an error was said) or
    /// is disabled (Kong leaves a disabled service's routes out of its router).
    var target: YAMLNode?
    /// The upstream whose name is its host, as written in the file.
    var upstream: YAMLNode?
    /// `retries`, `connect_timeout`, `read_timeout`, `write_timeout` as written.
    var settings: [(String, YAMLNode)] = []
    var plugins: [KongPlugin] = []
    var node: YAMLNode
    /// `services[2]`, as messages name it.
    var path: String

    static let settingFields = ["retries", "connect_timeout", "read_timeout", "write_timeout"]
    static let read = ["name", "id", "host", "url", "routes", "plugins", "enabled"] + settingFields
    /// Fields of Kong's services entity (kong/db/schema/entities/services.lua) that change
    /// nothing meshsim simulates: requests carry no body or TLS.
    static let noEffect = [
        "protocol", "port", "path", "tags", "created_at", "updated_at",
        "client_certificate", "tls_verify", "tls_verify_depth", "ca_certificates",
    ]

    init(_ node: YAMLNode, path: String, file: ManifestObject, upstreams: [String: YAMLNode], context: inout KongContext) {
        self.node = node
        self.path = path
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
        settings = Self.settingFields.compactMap { field in node[field].map { (field, $0) } }
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
        self.upstream = upstream
        let directory = context.translation.directory
        let resolved = (upstream["targets"]?.items ?? []).compactMap { target -> String? in
            target["target"]?.text.flatMap { directory.resolve(host: Self.host(ofURL: $0), from: file.namespace) }
        }
        let upstreamName = Diagnostic.excerpt(host)
        guard let first = resolved.first else {
            context.warning("none of the targets of Kong upstream '\(upstreamName)' names a service; the routes of \(path) are left out", at: hostNode.location)
            return nil
        }
        if let other = resolved.first(where: { $0 != first }) {
            context.warning("Kong upstream '\(upstreamName)' balances over targets of several services ('\(first)', '\(other)'); meshsim's upstream is one service's instances, so the routes of \(path) go to '\(first)'", at: hostNode.location)
        }
        return .scalar(first, at: hostNode.location)
    }

    /// The upstream as `gateway.upstreams` takes it: Kong's fields less those that name or
    /// list it (`targets`: meshsim's targets are the service's instances).
    static func upstreamEntry(_ upstream: YAMLNode) -> YAMLNode {
        upstream.removing(["name", "id", "targets", "tags", "created_at", "updated_at"])
    }

    /// Its `read_timeout` and `retries` as its routes' own `timeout` and `retries` (Kong's
    /// defaults where not written), for when its scenario service has the settings of
    /// another Kong service that differ; nil when they are the same.
    func routeSettings(besides other: DeckService, context: inout KongContext) -> (timeout: YAMLNode?, retries: YAMLNode)? {
        func value(_ service: DeckService, _ field: String, _ kongDefault: String) -> YAMLNode {
            service.settings.first { $0.0 == field }?.1 ?? .scalar(kongDefault, at: service.node.location)
        }
        let timeout = value(self, "read_timeout", "60000"), retries = value(self, "retries", "5")
        guard timeout.text != value(other, "read_timeout", "60000").text || retries.text != value(other, "retries", "5").text else { return nil }
        return (context.readTimeout(timeout, field: "\(path).read_timeout"), retries)
    }

    /// `http://orders.shop.svc:8080/api` → `orders.shop.svc`; a `host:port` target → host.
    static func host(ofURL url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == ":" || $0 == "?" }) { rest = rest[..<end] }
        return String(rest)
    }
}
