/// Routes that can never be chosen because an earlier one takes every request they match.
/// Only cases that can be decided exactly are reported (regexes and header values are
/// compared as written), so a warning is never a guess.
enum ShadowedRouteChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        var found = scenario.gateway.map { gatewayRoutes($0, names) } ?? []
        for service in scenario.services {
            found += httpRules(service)
        }
        return found
    }

    /// Kong gives a tie (same longest prefix, same number of conditions) to the first route in
    /// the file, so a later route with the same paths, methods and headers never wins.
    private static func gatewayRoutes(_ gateway: Gateway, _ names: NameIndex) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var firstByConditions: [RouteConditions: GatewayRoute] = [:]
        var seenNames = Set<String>()
        for route in gateway.routes {
            // A route with an unknown service or a reused name is an error already.
            guard seenNames.insert(route.name).inserted, route.services.allSatisfy(names.hasService) else { continue }
            let conditions = RouteConditions(route)
            guard let first = firstByConditions[conditions] else {
                firstByConditions[conditions] = route
                continue
            }
            let message = "route \"\(route.name)\" never receives a request: route \"\(first.name)\" (line \(first.location.line)) "
                + "has the same paths, methods and headers and comes first, and Kong gives a tie to the first route; "
                + "change its paths, methods or headers, or remove it"
            found.append(.warning(message, at: route.location))
        }
        return found
    }

    /// What a Kong route matches on, without order (header names are case-insensitive).
    private struct RouteConditions: Hashable {
        var paths: Set<String>
        var methods: Set<String>
        var headers: [String: Set<String>]

        init(_ route: GatewayRoute) {
            paths = Set(route.paths)
            methods = Set(route.methods)
            headers = Dictionary(route.headers.map { ($0.name.lowercased(), Set($0.values)) }, uniquingKeysWith: { $0.union($1) })
        }
    }

    /// The first matching rule of a VirtualService wins, so a rule whose every match entry is
    /// covered by entries of earlier rules never matches.
    private static func httpRules(_ service: Service) -> [Diagnostic] {
        let rules = service.http ?? []
        var found: [Diagnostic] = []
        for (index, rule) in rules.enumerated() {
            var covering: [Int] = []
            let covered = entries(rule).allSatisfy { entry in
                guard let earlier = rules[..<index].firstIndex(where: { entries($0).contains { covers($0, entry) } }) else { return false }
                if !covering.contains(earlier) { covering.append(earlier) }
                return true
            }
            guard covered, let first = covering.min() else { continue }
            let subject = "services.\(service.name).http[\(index)] never matches"
            if entries(rules[first]).contains(where: matchesEverything) {
                let message = "\(subject): http[\(first)] (line \(rules[first].location.line)) matches every request and comes first; "
                    + "move the rule that matches everything to the end of the list"
                found.append(.warning(message, at: rule.location))
            } else {
                let earlier = covering.sorted().map { "http[\($0)] (line \(rules[$0].location.line))" }
                let message = "\(subject): every request it matches is taken first by \(ListText.series(earlier)); "
                    + "move it before http[\(first)], or remove it"
                found.append(.warning(message, at: rule.location))
            }
        }
        return found
    }

    /// A rule without `match` matches everything, as an entry without conditions does.
    private static func entries(_ rule: HTTPRoute) -> [HTTPMatch] {
        rule.match.isEmpty ? [HTTPMatch(location: rule.location)] : rule.match
    }

    private static func matchesEverything(_ entry: HTTPMatch) -> Bool {
        entry.uri == nil && entry.method == nil && entry.headers.isEmpty
    }

    /// Whether every request `later` matches is matched by `earlier`: each condition of
    /// `earlier` is also a condition of `later`, or (for the uri) a prefix that begins
    /// the later exact or prefix uri.
    private static func covers(_ earlier: HTTPMatch, _ later: HTTPMatch) -> Bool {
        guard earlier.method == nil || earlier.method == later.method,
              Set(earlier.headers).isSubset(of: Set(later.headers)) else { return false }
        switch (earlier.uri, later.uri) {
        case (nil, _): return true
        case (.prefix(let prefix)?, .exact(let path)?), (.prefix(let prefix)?, .prefix(let path)?): return path.hasPrefix(prefix)
        default: return earlier.uri == later.uri
        }
    }
}
