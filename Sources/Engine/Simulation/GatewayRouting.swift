import Scenario

/// Kong's route precedence for the request attributes meshsim models: among the routes
/// that match, the longest matching path prefix wins, then the route with more
/// conditions (methods, headers), then the first in the file.
enum GatewayRouting {
    /// Index of the chosen route, or nil when none matches (the gateway answers 404).
    static func route(method: String, path: String, headers: [Header], routes: [GatewayRoute]) -> Int? {
        var best: (index: Int, prefix: Int, conditions: Int)?
        for (index, route) in routes.enumerated() {
            guard let prefix = longestMatchingPrefix(route.paths, path),
                  route.methods.isEmpty || route.methods.contains(method),
                  route.headers.allSatisfy({ condition in matches(condition, headers) })
            else { continue }
            let conditions = (route.methods.isEmpty ? 0 : 1) + route.headers.count
            if let current = best, (current.prefix, current.conditions) >= (prefix, conditions) { continue }
            best = (index, prefix, conditions)
        }
        return best?.index
    }

    private static func longestMatchingPrefix(_ prefixes: [String], _ path: String) -> Int? {
        prefixes.filter { path.hasPrefix($0) }.map(\.count).max()
    }

    /// Header names are case-insensitive (HTTP); values must equal one listed value.
    private static func matches(_ condition: HeaderCondition, _ headers: [Header]) -> Bool {
        let name = condition.name.lowercased()
        return headers.contains { $0.name.lowercased() == name && condition.values.contains($0.value) }
    }
}
