import Scenario

/// Kong's route precedence for the request attributes meshsim models: among the routes
/// that match, the longest matching path prefix wins, then the route with more
/// conditions (methods, headers), then the first in the file. No match is a 404.
public struct KongRouter: Sendable {
    public let routes: [GatewayRoute]
    /// The routes listing each path, in file order, so that a request is compared only with the
    /// routes whose paths begin it rather than with every route (templates × routes would
    /// otherwise be 10^9 comparisons at the bounds). Nil when some path is not plain ASCII.
    private let byPath: [Substring: [Int]]?
    /// The lengths of those paths, longest first: the only prefixes of a request worth a look.
    private let pathLengths: [Int]

    public init(routes: [GatewayRoute]) {
        self.routes = routes
        var byPath: [Substring: [Int]] = [:]
        for (index, route) in routes.enumerated() {
            for path in route.paths where byPath[Substring(path)]?.last != index {
                byPath[Substring(path), default: []].append(index)
            }
        }
        let plain = routes.allSatisfy { $0.paths.allSatisfy(Self.isPlain) }
        self.byPath = plain ? byPath : nil
        pathLengths = plain ? Set(byPath.keys.map(\.utf8.count)).sorted(by: >) : []
    }

    /// Index of the chosen route in `routes`, or nil when none matches.
    public func route(method: String, path: String, headers: [Header]) -> Int? {
        guard let byPath, Self.isPlain(path) else { return scan(method: method, path: path, headers: headers) }
        // Longest prefix first: a route that takes the request at a shorter prefix does not
        // take it at a longer one, since its methods and headers are the same at every length.
        for length in pathLengths where length <= path.utf8.count {
            guard let candidates = byPath[path.prefix(length)] else { continue }
            var best: (index: Int, conditions: Int)?
            for index in candidates where admits(routes[index], method: method, headers: headers) {
                let conditions = Self.conditions(routes[index])
                if let current = best, current.conditions >= conditions { continue }
                best = (index, conditions)
            }
            if let best { return best.index }
        }
        return nil
    }

    /// Every route compared with the request, for paths the index does not cover.
    private func scan(method: String, path: String, headers: [Header]) -> Int? {
        var best: (index: Int, prefix: Int, conditions: Int)?
        for (index, route) in routes.enumerated() {
            guard let prefix = Self.longestMatchingPrefix(route.paths, path), admits(route, method: method, headers: headers) else { continue }
            let conditions = Self.conditions(route)
            if let current = best, (current.prefix, current.conditions) >= (prefix, conditions) { continue }
            best = (index, prefix, conditions)
        }
        return best?.index
    }

    private func admits(_ route: GatewayRoute, method: String, headers: [Header]) -> Bool {
        (route.methods.isEmpty || route.methods.contains(method)) && route.headers.allSatisfy { Self.matches($0, headers) }
    }

    private static func conditions(_ route: GatewayRoute) -> Int {
        (route.methods.isEmpty ? 0 : 1) + route.headers.count
    }

    /// Printable ASCII: one byte per character, so a byte prefix is a character prefix and
    /// `hasPrefix` and `count` agree with the index (a `\r\n` is one character of two bytes).
    private static func isPlain(_ text: String) -> Bool {
        text.utf8.allSatisfy { (0x20..<0x7F).contains($0) }
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
