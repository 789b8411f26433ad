import Scenario

/// A VirtualService's `http` rules for one host, as Istio hands them to Envoy: the first
/// matching rule wins; the entries of a `match` list are OR-ed and the conditions inside one
/// entry AND-ed. Everything that can be decided from the configuration is compiled in `init`,
/// so matching a request allocates nothing beyond what Swift's regex engine needs, and a
/// header sent more than once (Envoy matches its values joined with ",").
public struct VirtualServiceRouter: Sendable {
    public let host: String
    public let routes: [HTTPRoute]
    /// Regex patterns that do not compile; a condition using one never matches (Envoy would
    /// refuse the configuration), so `meshsim validate` should report them.
    public let invalidRegexes: [String]
    /// Rules with several destinations whose weights are all 0: Istio drops zero-weight
    /// destinations, so nothing is left to route to.
    public let rulesWithoutDestination: [Int]

    /// Per rule: the match entries (empty means everything).
    private let matches: [[MatchEntry]]
    /// Per rule: running totals of the weights, or empty when a single destination takes all.
    private let cumulativeWeights: [[Int]]

    /// `routes` nil is Istio's default for a host without a VirtualService: one rule that
    /// sends everything to the host, without a subset.
    public init(host: String, routes: [HTTPRoute]?) {
        let defaultLocation = SourceLocation(file: "(Istio default)", line: 0, column: 0)
        let routes = routes ?? [HTTPRoute(
            route: [RouteDestination(destination: Destination(host: host), location: defaultLocation)],
            location: defaultLocation
        )]
        self.host = host
        self.routes = routes
        let matches = routes.map { $0.match.map(MatchEntry.init) }
        self.matches = matches
        invalidRegexes = matches.flatMap { $0.flatMap(\.invalidPatterns) }
        let weights = routes.map(Self.cumulativeWeights)
        cumulativeWeights = weights
        rulesWithoutDestination = routes.indices.filter { weights[$0].last == 0 }
    }

    /// Index of the first matching rule, or nil (Envoy answers 404, flag NR, when a
    /// VirtualService exists but no rule matches).
    public func match(_ request: MeshRequest) -> Int? {
        matches.firstIndex { entries in entries.isEmpty || entries.contains { $0.matches(request) } }
    }

    /// The destination chosen for a request on `rule`: an index into `routes[rule].route`.
    /// A single destination takes everything whatever its weight; otherwise a destination gets
    /// weight / sum of weights (Envoy's weighted clusters: a draw in 0..<sum, then the first
    /// running total above it). Nil when no destination has a weight, or `rule` is out of range.
    public func pickDestination<R: RandomSource>(rule: Int, _ rng: inout R) -> Int? {
        guard routes.indices.contains(rule), !routes[rule].route.isEmpty else { return nil }
        let totals = cumulativeWeights[rule]
        guard let sum = totals.last else { return 0 }
        guard sum > 0 else { return nil }
        let draw = rng.nextInt(below: sum)
        return totals.firstIndex { draw < $0 }
    }

    /// Whether `destination` of `rule` can receive requests at all (for `validate`).
    public func sendsTraffic(rule: Int, destination: Int) -> Bool {
        guard routes.indices.contains(rule), routes[rule].route.indices.contains(destination) else { return false }
        let totals = cumulativeWeights[rule]
        guard !totals.isEmpty else { return true }
        return totals[destination] > (destination == 0 ? 0 : totals[destination - 1])
    }

    /// Whether `rule` mirrors any request: `mirrorPercentage` of requests, 100% when it is
    /// absent; an explicit 0 makes Istio leave the mirror out altogether.
    public func mirrors(rule: Int) -> Bool {
        routes.indices.contains(rule) && routes[rule].mirror != nil && (routes[rule].mirrorPercentage ?? 1) > 0
    }

    /// Whether this request on `rule` is mirrored.
    public func shouldMirror<R: RandomSource>(rule: Int, _ rng: inout R) -> Bool {
        guard mirrors(rule: rule) else { return false }
        return rng.nextUnit() < (routes[rule].mirrorPercentage ?? 1)
    }

    /// Istio routes a single destination directly (its weight is ignored) and drops
    /// zero-weight destinations from a weighted list; weights are Envoy's uint32.
    private static func cumulativeWeights(_ route: HTTPRoute) -> [Int] {
        guard route.route.count > 1 else { return [] }
        var total = 0
        return route.route.map { destination in
            total += min(max(destination.weight ?? 0, 0), Int(UInt32.max))
            return total
        }
    }
}

/// One entry of a `match` list, its conditions AND-ed.
private struct MatchEntry: Sendable {
    let uri: StringMatcher?
    /// Envoy compares exact and regex paths without the query string and fragment; a prefix
    /// is compared with the whole `:path`.
    let uriIgnoresQuery: Bool
    let method: StringMatcher?
    let headers: [HeaderCondition]

    init(_ match: HTTPMatch) {
        uri = match.uri.map { StringMatcher($0, starMeansPresent: false) }
        switch match.uri {
        case .exact?, .regex?: uriIgnoresQuery = true
        default: uriIgnoresQuery = false
        }
        method = match.method.map { StringMatcher($0, starMeansPresent: true) }
        headers = match.headers.map(HeaderCondition.init)
    }

    var invalidPatterns: [String] {
        ([uri, method] + headers.map(\.matcher)).compactMap { $0?.invalidPattern }
    }

    func matches(_ request: MeshRequest) -> Bool {
        if let uri {
            let path = uriIgnoresQuery ? Self.withoutQuery(request.path) : request.path[...]
            guard uri.matches(path) else { return false }
        }
        if let method, !method.matches(request.method[...]) { return false }
        return headers.allSatisfy { $0.matches(request.headers) }
    }

    private static func withoutQuery(_ path: String) -> Substring {
        let end = path.utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? path.endIndex
        return path[..<end]
    }
}

/// A header condition; header names are case-insensitive (HTTP), values are not.
private struct HeaderCondition: Sendable {
    let lowercasedName: [UInt8]
    let matcher: StringMatcher

    init(_ header: HeaderMatch) {
        lowercasedName = header.name.utf8.map(Self.lowercased)
        matcher = StringMatcher(header.match, starMeansPresent: true)
    }

    /// An absent header matches nothing, not even a presence condition.
    func matches(_ headers: [Header]) -> Bool {
        guard let first = headers.firstIndex(where: hasName) else { return false }
        guard headers[(first + 1)...].contains(where: hasName) else {
            return matcher.matches(headers[first].value[...])
        }
        let joined = headers.lazy.filter(hasName).map(\.value).joined(separator: ",")
        return matcher.matches(joined[...])
    }

    private func hasName(_ header: Header) -> Bool {
        header.name.utf8.count == lowercasedName.count
            && zip(header.name.utf8, lowercasedName).allSatisfy { Self.lowercased($0) == $1 }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
