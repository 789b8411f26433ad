import Scenario

/// `gateway.networking.k8s.io` HTTPRoute objects, as the Kong Ingress Controller turns them
/// into Kong routes: one route per rule match (named as the controller names it,
/// `httproute.<namespace>.<name>.<rule>.<match>`) with its path, method and headers, to its
/// backendRefs (one → `service`, several → weighted `backends`), with the
/// `konghq.com/plugins` annotation and the backend Service's annotations.
enum KongHTTPRouteTranslator {
    /// Gateway API's bounds of a backendRef `weight` (default 1).
    static let weights = 0...1_000_000

    static func translate(_ context: inout KongContext, plugins: KongPluginObjects, policies: KongUpstreamPolicies) {
        for route in context.translation.objects("HTTPRoute", in: ["gateway.networking.k8s.io"]) {
            let parents = route.spec?["parentRefs"]?.items ?? []
            if !parents.isEmpty, parents.allSatisfy({ $0["kind"]?.text == "Service" }) {
                context.warnOnce("HTTPRoute.mesh", "ignored: HTTPRoute \(route.name) attaches to a Service (mesh routing, Gateway API GAMMA), which is not modelled; write the service's http rules instead", at: route.location)
                continue
            }
            context.gateway.note(route.location)
            if let entry = route.spec?.entry("hostnames"), !entry.value.items.isEmpty {
                context.warnOnce("HTTPRoute.hostnames", "ignored: HTTPRoute hostnames are not modelled; meshsim's gateway routes match paths, methods and headers of any host", at: entry.keyLocation)
            }
            let routePlugins = plugins.annotated(route, context: &context)
            for (ruleIndex, rule) in (route.spec?["rules"]?.items ?? []).enumerated() {
                for key in ["filters", "timeouts", "sessionPersistence", "retry"] {
                    if let entry = rule.entry(key), !entry.value.isNull {
                        context.warnOnce("HTTPRoute.\(key)", "ignored: HTTPRoute rules' \(key) are not modelled", at: entry.keyLocation)
                    }
                }
                guard let (target, settings) = backends(rule, of: route, context: &context, plugins: plugins, policies: policies) else { continue }
                let matches = rule["matches"]?.items ?? []
                for (matchIndex, match) in (matches.isEmpty ? [rule] : matches).enumerated() {
                    let location = match.location
                    let fields = matches.isEmpty ? [] : self.fields(match, context: &context)
                    context.gateway.routes.append(KongGateway.Route(
                        name: .scalar("httproute.\(route.namespace).\(route.name).\(ruleIndex).\(matchIndex)", at: location),
                        fields: fields, target: target,
                        plugins: routePlugins, servicePlugins: settings?.plugins ?? [], location: location))
                }
            }
        }
    }

    /// The rule's target: `service` for one backendRef (with its Service's plugins),
    /// `backends: [{service, weight}]` for several; nil when a backend is wrong or absent.
    /// Each backend's Service gives its settings and upstream.
    private static func backends(_ rule: YAMLNode, of route: ManifestObject, context: inout KongContext, plugins: KongPluginObjects, policies: KongUpstreamPolicies) -> ((String, YAMLNode), KongServiceAnnotations?)? {
        var resolved: [(service: YAMLNode, weight: YAMLNode)] = []
        var failed = false
        for reference in rule["backendRefs"]?.items ?? [] {
            let kind = reference["kind"]?.text ?? "Service"
            guard kind == "Service", (reference["group"]?.text ?? "").isEmpty, let nameNode = reference["name"], let name = nameNode.text else {
                context.warnOnce("HTTPRoute.backendRef.kind", "ignored: an HTTPRoute backendRef that is not a Service is not modelled", at: reference.location)
                continue
            }
            var weight = YAMLNode.scalar("1", at: reference.location)
            if let node = reference["weight"] {
                guard let text = node.text, let value = Int(text), weights.contains(value) else {
                    context.error("HTTPRoute \(route.name): a backendRef weight must be a whole number from 0 to 1000000, not \(KongContext.describe(node)); the cluster rejects it", at: node.location)
                    failed = true
                    continue
                }
                weight = node
            }
            let host = reference["namespace"]?.text.map { "\(name).\($0)" } ?? name
            guard let service = context.service(host, from: route, at: nameNode) else {
                failed = true
                continue
            }
            resolved.append((service, weight))
        }
        guard !failed else { return nil }
        guard let first = resolved.first else {
            context.warning("HTTPRoute \(route.name): a rule without a Service backendRef gets 500 from Kong; meshsim leaves it out", at: rule.location)
            return nil
        }
        let annotations = resolved.map { KongServiceAnnotations(service: $0.service.text ?? "", context: &context, plugins: plugins, policies: policies) }
        if resolved.count == 1 {
            return (("service", first.service), annotations.first)
        }
        let list = resolved.map { YAMLNode.mapping([("service", $0.service), ("weight", $0.weight)], at: $0.service.location) }
        return (("backends", YAMLNode(.sequence(list), at: first.service.location)), nil)
    }

    /// `path` (PathPrefix default `/`; Exact and RegularExpression read as prefixes),
    /// `method`, and Exact `headers` of one match.
    private static func fields(_ match: YAMLNode, context: inout KongContext) -> [(String, YAMLNode)] {
        var fields: [(String, YAMLNode)] = []
        if let path = match["path"] {
            let value = path["value"]?.text ?? "/"
            let node = path["value"] ?? path
            switch path["type"]?.text ?? "PathPrefix" {
            case "Exact":
                fields.append(("paths", .init(.sequence([KongPaths.exact(value, at: node, context: &context)]), at: node.location)))
            case "RegularExpression":
                fields.append(("paths", .init(.sequence([KongPaths.regex(Substring(value), written: value, at: node, context: &context)]), at: node.location)))
            default:
                let trimmed = value.count > 1 && value.hasSuffix("/") ? String(value.dropLast()) : value
                fields.append(("paths", .init(.sequence([.scalar(trimmed, at: node.location)]), at: node.location)))
            }
        }
        if let method = match["method"] {
            fields.append(("methods", .init(.sequence([method]), at: method.location)))
        }
        var headers: [(String, YAMLNode)] = []
        for header in match["headers"]?.items ?? [] {
            guard let name = header["name"]?.text, let value = header["value"] else { continue }
            if (header["type"]?.text ?? "Exact") != "Exact" {
                context.warning("ignored: a RegularExpression header match on \(name) is not modelled; this route matches any value of it", at: header.location)
                continue
            }
            headers.append((name, value))
        }
        if !headers.isEmpty { fields.append(("headers", .mapping(headers, at: headers[0].1.location))) }
        if let entry = match.entry("queryParams") {
            context.warnOnce("HTTPRoute.queryParams", "ignored: HTTPRoute queryParams matches are not modelled; this route matches any query", at: entry.keyLocation)
        }
        return fields
    }
}
