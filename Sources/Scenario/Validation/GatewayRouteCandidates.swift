/// The gateway routes a client's requests can take. The Scenario target cannot use the
/// policy engine's Kong router, and a warning needs no more than this: among the routes
/// whose methods and headers a request satisfies, those with the longest matching path
/// prefix; when several tie, Kong's further tie-breaks are left out and all of them count.
enum GatewayRouteCandidates {
    /// In file order, each route once.
    static func routes(for requests: [RequestTemplate], in gateway: Gateway) -> [GatewayRoute] {
        var chosen = Set<Int>()
        for request in requests {
            var best: (prefix: Int, indexes: [Int])?
            for (index, route) in gateway.routes.enumerated() where accepts(route, request) {
                guard let prefix = route.paths.filter(request.path.hasPrefix).map(\.count).max() else { continue }
                if let current = best, current.prefix > prefix { continue }
                if let current = best, current.prefix == prefix {
                    best?.indexes.append(index)
                } else {
                    best = (prefix, [index])
                }
            }
            chosen.formUnion(best?.indexes ?? [])
        }
        return chosen.sorted().map { gateway.routes[$0] }
    }

    /// Header names are case-insensitive; a value must equal one of those listed.
    private static func accepts(_ route: GatewayRoute, _ request: RequestTemplate) -> Bool {
        guard route.methods.isEmpty || route.methods.contains(request.method) else { return false }
        return route.headers.allSatisfy { condition in
            request.headers.contains { $0.name.lowercased() == condition.name.lowercased() && condition.values.contains($0.value) }
        }
    }
}
