/// One `rules[*]` entry of an AuthorizationPolicy: `from[*].source`, `to[*].operation`, `when[*]`,
/// with Istio's field names (security/v1beta1/authorization_policy.proto Rule).
enum AuthorizationRuleDecoder {
    static func decode(_ node: YAMLNode, path: String, namespace: String, context: DecodeContext) -> AuthorizationPolicy.Rule? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let from = reader.read("from") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in
                wrapped(item, itemPath, key: "source", context) { source($0, path: $1, namespace: namespace, context: context) }
            }
        }
        let to = reader.read("to") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in
                wrapped(item, itemPath, key: "operation", context) { operation($0, path: $1, context: context) }
            }
        }
        let when = reader.read("when") { node, path in
            ScenarioDecoder.list(node, path, values) { item, itemPath, _ in
                AuthorizationConditionDecoder.decode(item, path: itemPath, context: context)
            }
        }
        reader.finish()
        return AuthorizationPolicy.Rule(from: from ?? [], to: to ?? [], when: when ?? [], location: node.location)
    }

    /// `- source: {...}` / `- operation: {...}`: Istio's one-field wrapper around each entry.
    private static func wrapped<T>(
        _ node: YAMLNode, _ path: String, key: String, _ context: DecodeContext, _ decode: (YAMLNode, String) -> T?
    ) -> T? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let value = reader.read(key, required: true, decode)
        reader.finish()
        return value
    }

    private static func source(_ node: YAMLNode, path: String, namespace: String, context: DecodeContext) -> AuthorizationPolicy.Source? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        var source = AuthorizationPolicy.Source(location: node.location)
        source.principals = reader.stringList("principals") ?? []
        source.notPrincipals = reader.stringList("notPrincipals") ?? []
        source.requestPrincipals = reader.stringList("requestPrincipals") ?? []
        source.notRequestPrincipals = reader.stringList("notRequestPrincipals") ?? []
        source.namespaces = reader.stringList("namespaces") ?? []
        source.notNamespaces = reader.stringList("notNamespaces") ?? []
        source.ipBlocks = reader.stringList("ipBlocks") ?? []
        source.notIpBlocks = reader.stringList("notIpBlocks") ?? []
        source.remoteIpBlocks = reader.stringList("remoteIpBlocks") ?? []
        source.notRemoteIpBlocks = reader.stringList("notRemoteIpBlocks") ?? []
        warnSpiffePrefix(reader, ["principals", "notPrincipals"], context: context)
        let accounts = reader.read("serviceAccounts") { principals($0, path: $1, namespace: namespace, reader.values) }
        let notAccounts = reader.read("notServiceAccounts") { principals($0, path: $1, namespace: namespace, reader.values) }
        for key in ["ipBlocks", "notIpBlocks", "remoteIpBlocks", "notRemoteIpBlocks"] where reader.has(key) {
            let effect = key.hasPrefix("not") ? "excludes no caller" : "matches no caller"
            context.warning("\(reader.path(key)): meshsim's callers have no IP addresses, so this field \(effect)", at: reader.location(of: key))
        }
        reader.finish(notSimulated: ["trustDomains", "notTrustDomains"], product: "Istio")
        if reader.has("serviceAccounts") || reader.has("notServiceAccounts") {
            // Istio's CRD: "Cannot set serviceAccounts with namespaces or principals".
            let clashing = ["principals", "notPrincipals", "namespaces", "notNamespaces"].filter { reader.has($0) }
            if let clash = clashing.first {
                let key = reader.has("serviceAccounts") ? "serviceAccounts" : "notServiceAccounts"
                context.error("\(reader.path(key)) cannot be set with \(clash) (Istio rejects it)", at: reader.location(of: key))
                return nil
            }
            // A service account is the principal's tail, so it becomes a suffix match on it.
            source.principals = accounts ?? []
            source.notPrincipals = notAccounts ?? []
        }
        return source
    }

    /// `ns/sa` or `sa` (the policy's namespace) → `*/ns/NS/sa/SA`; Istio allows no wildcard.
    /// Istio writes `spiffe://` before every principal itself (pilot's srcPrincipalGenerator
    /// matches with spiffe.URIPrefix), so a value written with it never matches a peer.
    private static func warnSpiffePrefix(_ reader: MappingReader, _ keys: [String], context: DecodeContext) {
        for key in keys {
            guard case .sequence(let items)? = reader.node(key)?.value else { continue }
            for item in items {
                guard case .scalar(let text, _) = item.value, text.hasPrefix("spiffe://") else { continue }
                context.warning(
                    "\(reader.path(key)) '\(Diagnostic.excerpt(text))' never matches: Istio adds spiffe:// itself; write '\(Diagnostic.excerpt(String(text.dropFirst(9))))'",
                    at: item.location)
            }
        }
    }

    private static func principals(_ node: YAMLNode, path: String, namespace: String, _ values: ValueReader) -> [String]? {
        guard let items = values.sequence(node, path) else { return nil }
        let principals = items.enumerated().map { index, item -> String? in
            let itemPath = "\(path)[\(index)]"
            guard let account = values.string(item, itemPath) else { return nil }
            let parts = account.split(separator: "/", omittingEmptySubsequences: false)
            guard !account.contains("*"), (1...2).contains(parts.count), !parts.contains(where: \.isEmpty) else {
                values.fail(itemPath, "must be NAMESPACE/SERVICE_ACCOUNT or SERVICE_ACCOUNT without wildcards, not '\(Diagnostic.excerpt(account))'", at: item)
                return nil
            }
            let (accountNamespace, name) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : (namespace, String(parts[0]))
            return "*/ns/\(accountNamespace)/sa/\(name)"
        }
        return principals.contains(nil) ? nil : principals.compactMap { $0 }
    }

    private static func operation(_ node: YAMLNode, path: String, context: DecodeContext) -> AuthorizationPolicy.Operation? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        var operation = AuthorizationPolicy.Operation(location: node.location)
        operation.hosts = reader.stringList("hosts") ?? []
        operation.notHosts = reader.stringList("notHosts") ?? []
        operation.ports = reader.read("ports") { ports($0, path: $1, reader.values) } ?? []
        operation.notPorts = reader.read("notPorts") { ports($0, path: $1, reader.values) } ?? []
        operation.methods = reader.stringList("methods") ?? []
        operation.notMethods = reader.stringList("notMethods") ?? []
        operation.paths = reader.stringList("paths") ?? []
        operation.notPaths = reader.stringList("notPaths") ?? []
        reader.finish()
        return operation
    }

    /// Istio writes ports as strings; each must be a port number.
    private static func ports(_ node: YAMLNode, path: String, _ values: ValueReader) -> [String]? {
        guard let items = values.sequence(node, path) else { return nil }
        let ports = items.enumerated().map { index, item in values.int(item, "\(path)[\(index)]", 1...65535).map(String.init) }
        return ports.contains(nil) ? nil : ports.compactMap { $0 }
    }
}
