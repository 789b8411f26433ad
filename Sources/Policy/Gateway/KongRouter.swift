import Scenario

/// Kong's route precedence for the request attributes meshsim models: among the routes
/// that match, the longest matching path prefix wins, then the route with more
/// conditions (methods, headers), then the first in the file. No match is a 404.
public struct KongRouter: Sendable {
    public let routes: [GatewayRoute]

    public init(routes: [GatewayRoute]) {
        self.routes = routes
    }

    /// Index of the chosen route in `routes`, or nil when none matches.
    public func route(method: String, path: String, headers: [Header]) -> Int? {
        var best: (index: Int, prefix: Int, conditions: Int)?
        for (index, route) in routes.enumerated() {
            guard let prefix = Self.longestMatchingPrefix(route.paths, path),
                  route.methods.isEmpty || route.methods.contains(method),
                  route.headers.allSatisfy({ Self.matches($0, headers) })
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

    /// Header names are case-insensitive (HTTP); the value must equal one listed value.
    private static func matches(_ condition: HeaderCondition, _ headers: [Header]) -> Bool {
        let name = condition.name.lowercased()
        return headers.contains { $0.name.lowercased() == name && condition.values.contains($0.value) }
    }
}
