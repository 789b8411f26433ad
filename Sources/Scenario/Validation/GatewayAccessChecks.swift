/// acl needs a consumer: on a route with no key-auth or jwt Kong answers every request 401, and
/// an allow list that no consumer's groups meet answers every identified consumer 403. Both are
/// legal and surprising, so they get warnings; so do credentials no plugin reads.
enum GatewayAccessChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        guard let gateway = scenario.gateway else { return [] }
        var diagnostics: [Diagnostic] = []
        let groups = Set(gateway.consumers.flatMap(\.groups))
        var warned: Set<SourceLocation> = []
        var authenticates = false
        for route in gateway.routes {
            // A route plugin replaces the global one of the same name.
            let chain = route.plugins + gateway.plugins.filter { global in !route.plugins.contains { $0.name == global.name } }
            let auth = chain.contains { $0.name == "key-auth" || $0.name == "jwt" }
            authenticates = authenticates || auth
            for plugin in chain {
                guard case .acl(let config) = plugin.config else { continue }
                if !auth {
                    diagnostics.append(.warning(
                        "route \"\(route.name)\": acl runs with no key-auth or jwt to identify a consumer, so Kong answers every request 401",
                        at: plugin.location))
                }
                if case .allow(let allowed) = config.rule, !allowed.contains(where: groups.contains), warned.insert(plugin.location).inserted {
                    diagnostics.append(.warning(
                        "acl allows \(allowed.joined(separator: ", ")), which no gateway.consumers entry belongs to, so every identified consumer gets 403",
                        at: plugin.location))
                }
            }
        }
        if !authenticates, let first = gateway.consumers.first(where: { !$0.keys.isEmpty || !$0.jwtSecrets.isEmpty }) {
            diagnostics.append(.warning(
                "consumer \(first.username)'s credentials have no effect: no route runs key-auth or jwt", at: first.location))
        }
        return diagnostics
    }
}
