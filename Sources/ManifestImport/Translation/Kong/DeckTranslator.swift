import Scenario

/// A Kong declarative file (decK, or Kong's DB-less `kong.yml`): its services' routes become
/// `gateway.routes`, its plugins the global and per-route plugins (a service's plugins go
/// on each of its routes), its consumers `gateway.consumers`, and each scenario service
/// gets the upstream and the settings of the first Kong service that reaches it.
struct DeckTranslator {
    let file: ManifestObject

    /// kong/db/schema/others/declarative_config.lua accepts these.
    static let formatVersions = ["1.1", "2.1", "3.0"]
    static let read = ["_format_version", "services", "routes", "plugins", "consumers", "upstreams", "_comment", "_ignore"]

    /// A route of the file with what it was scoped by, before its service is known.
    private struct PendingRoute {
        var node: YAMLNode
        var path: String
        var service: Int
    }

    func translate(_ context: inout KongContext) {
        context.gateway.note(file.location)
        let root = file.node
        var version = "3.0"
        if let node = root["_format_version"] {
            if let text = node.text, Self.formatVersions.contains(text) {
                version = text
            } else {
                context.error("_format_version must be one of \(Self.formatVersions.joined(separator: ", ")), not \(KongContext.describe(node)); Kong rejects the file", at: node.location)
            }
        }
        for entry in root.entries where !Self.read.contains(entry.key) && !entry.value.isNull {
            context.warnOnce("decK.\(entry.key)", "ignored: Kong \(entry.key) (decK) is not modelled", at: entry.keyLocation)
        }
        var upstreams: [String: YAMLNode] = [:]
        for upstream in root["upstreams"]?.items ?? [] {
            if let name = upstream["name"]?.text, upstreams[name] == nil { upstreams[name] = upstream }
        }
        var services = (root["services"]?.items ?? []).enumerated().map { index, node in
            DeckService(node, path: "services[\(index)]", file: file, upstreams: upstreams, context: &context)
        }
        var pending: [PendingRoute] = []
        for (index, service) in services.enumerated() {
            for (routeIndex, route) in (service.node["routes"]?.items ?? []).enumerated() {
                pending.append(PendingRoute(node: route, path: "services[\(index)].routes[\(routeIndex)]", service: index))
            }
        }
        for (index, route) in (root["routes"]?.items ?? []).enumerated() {
            let path = "routes[\(index)]"
            guard let reference = route["service"] else {
                context.warning("\(path) has no service; Kong answers its requests with an error, and meshsim leaves it out", at: route.location)
                continue
            }
            guard let service = Self.find(reference, in: services, at: "\(path).service", context: &context) else { continue }
            pending.append(PendingRoute(node: route, path: path, service: service))
        }
        var routePlugins: [Int: [KongPlugin]] = [:]
        for (index, node) in (root["plugins"]?.items ?? []).enumerated() {
            scope(node, path: "plugins[\(index)]", services: &services, routes: pending, routePlugins: &routePlugins, context: &context)
        }
        for consumer in root["consumers"]?.items ?? [] {
            DeckConsumer.read(consumer, context: &context)
        }
        let claims = claim(services, context: &context)
        var counters: [String: Int] = [:]
        for (index, route) in pending.enumerated() {
            let service = services[route.service]
            let number = counters[service.label, default: 0]
            counters[service.label] = number + 1
            guard let target = service.target, let claimer = claims[target.text ?? ""] else { continue }
            let settings = claimer == route.service ? nil : service.routeSettings(besides: services[claimer], context: &context)
            let plugins = (route.node["plugins"]?.items ?? []).compactMap { KongPluginCatalog.entry($0, scoped: false, context: &context) }
            context.gateway.routes.append(DeckRoute.route(
                route.node, name: "\(service.label)-\(number)", service: service, target: target, settings: settings,
                plugins: plugins + routePlugins[index, default: []], formatVersion: version, context: &context))
        }
    }

    /// Each scenario service gets `gateway.services` settings and a `gateway.upstreams` entry
    /// from the first Kong service that reaches it (their index, by scenario service): meshsim
    /// has one of each per service, so a later Kong service's routes carry its own timeout
    /// and retries, and a different upstream is a warning.
    private func claim(_ services: [DeckService], context: inout KongContext) -> [String: Int] {
        var claims: [String: Int] = [:]
        var used: Set<String> = []
        for (index, service) in services.enumerated() {
            let upstream = service.upstream?["name"]?.text
            if let upstream { used.insert(upstream) }
            guard let targetNode = service.target, let target = targetNode.text else { continue }
            guard let claimer = claims[target] else {
                claims[target] = index
                if let node = service.upstream {
                    context.gateway.upstreams.append(.init(service: target, node: DeckService.upstreamEntry(node)))
                }
                if let first = service.settings.first {
                    context.gateway.services.append(.init(service: target, node: .mapping(service.settings, at: first.1.location)))
                }
                continue
            }
            let other = services[claimer].upstream?["name"]?.text
            if upstream != other {
                func way(_ name: String?) -> String { name.map { "through Kong upstream '\(Diagnostic.excerpt($0))'" } ?? "by its host" }
                context.warning("Kong service \(service.label) reaches '\(target)' \(way(upstream)), and \(services[claimer].label) \(way(other)); meshsim balances every gateway call to a service one way, the first one's", at: targetNode.location)
            }
        }
        for node in file.node["upstreams"]?.items ?? [] {
            guard let name = node["name"]?.text, !used.contains(name) else { continue }
            context.warning("ignored: Kong upstream '\(Diagnostic.excerpt(name))' is the host of no service of the file, so Kong sends nothing through it", at: node.location)
        }
        return claims
    }

    /// A top-level plugin goes where its `route`, `service` or `consumer` says, else it is global.
    private func scope(_ node: YAMLNode, path: String, services: inout [DeckService], routes: [PendingRoute], routePlugins: inout [Int: [KongPlugin]], context: inout KongContext) {
        if let consumer = node.entry("consumer"), !consumer.value.isNull {
            KongPluginCatalog.consumerScoped(at: consumer.keyLocation, context: &context)
            return
        }
        guard let plugin = KongPluginCatalog.entry(node, scoped: true, context: &context) else { return }
        if let reference = node["route"] {
            let key = Self.reference(reference)
            guard let index = routes.firstIndex(where: { $0.node["name"]?.text == key || $0.node["id"]?.text == key }) else {
                context.error("\(path).route: no route of the file is named '\(Diagnostic.excerpt(key))'; Kong rejects a plugin for an unknown route", at: reference.location)
                return
            }
            routePlugins[index, default: []].append(plugin)
        } else if let reference = node["service"] {
            guard let index = Self.find(reference, in: services, at: "\(path).service", context: &context) else { return }
            services[index].plugins.append(plugin)
        } else {
            context.gateway.plugins.append(plugin)
        }
    }

    /// A foreign key as decK writes it: `name`, or `{name: ...}` / `{id: ...}`.
    private static func reference(_ node: YAMLNode) -> String {
        node.text ?? node["name"]?.text ?? node["id"]?.text ?? ""
    }

    private static func find(_ node: YAMLNode, in services: [DeckService], at path: String, context: inout KongContext) -> Int? {
        let key = reference(node)
        if let index = services.firstIndex(where: { $0.name == key || $0.id == key }) { return index }
        let hint = Suggestion.closest(to: key, among: services.compactMap(\.name)).map { "; did you mean '\($0)'?" } ?? ""
        context.error("\(path): no service of the file is named '\(Diagnostic.excerpt(key))'\(hint); Kong rejects a reference to an unknown service", at: node.location)
        return nil
    }
}
