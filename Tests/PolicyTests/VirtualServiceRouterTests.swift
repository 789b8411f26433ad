import Policy
import Scenario
import Testing

/// Istio VirtualService `http` routing as Envoy applies it (policy-semantics.md "Routing";
/// Istio route.go `BuildHTTPRoutesForVirtualService`, `applyHTTPRouteDestination`,
/// `MirrorPercent`, `translateHeaderMatch`; Envoy config_impl.cc path matching).
@Suite struct VirtualServiceRouterTests {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    func rule(_ matches: [HTTPMatch] = [], to subsets: [String] = ["v1"], weights: [Int?]? = nil) -> HTTPRoute {
        let destinations = subsets.enumerated().map { index, subset in
            RouteDestination(destination: Destination(host: "orders", subset: subset), weight: weights?[index], location: here)
        }
        return HTTPRoute(match: matches, route: destinations, location: here)
    }

    func entry(uri: StringMatch? = nil, method: StringMatch? = nil, headers: [String: StringMatch] = [:]) -> HTTPMatch {
        HTTPMatch(uri: uri, method: method, headers: headers.map { HeaderMatch(name: $0.key, match: $0.value) }, location: here)
    }

    func request(_ path: String, method: String = "GET", _ headers: [(String, String)] = []) -> MeshRequest {
        MeshRequest(method: method, path: path, headers: headers.map { Header(name: $0.0, value: $0.1) })
    }

    @Test func theFirstMatchingRuleWinsEvenWhenALaterOneIsMoreSpecific() {
        let router = VirtualServiceRouter(host: "orders", routes: [
            rule([entry(uri: .prefix("/api"))]), rule([entry(uri: .prefix("/api/orders"))]), rule(),
        ])
        #expect(router.match(request("/api/orders/42")) == 0)
        #expect(router.match(request("/health")) == 2)
    }

    @Test func noMatchingRuleGivesNil() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule([entry(uri: .exact("/a"))])])
        #expect(router.match(request("/b")) == nil)
    }

    @Test func matchEntriesAreOredAndTheConditionsInsideOneAreAnded() {
        let router = VirtualServiceRouter(host: "orders", routes: [
            rule([entry(uri: .prefix("/a"), headers: ["x-user": .exact("alice")]), entry(method: .exact("POST"))]),
        ])
        #expect(router.match(request("/a/1", [("x-user", "alice")])) == 0)
        #expect(router.match(request("/a/1")) == nil)
        #expect(router.match(request("/b", [("x-user", "alice")])) == nil)
        #expect(router.match(request("/b", method: "POST")) == 0)
        #expect(router.match(request("/b", method: "GET")) == nil)
    }

    @Test func aUriRegexMustMatchTheWholePathWithoutItsQuery() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule([entry(uri: .regex("/orders/[0-9]+"))])])
        #expect(router.match(request("/orders/42")) == 0)
        #expect(router.match(request("/orders/42?expand=items")) == 0)
        #expect(router.match(request("/orders/42/items")) == nil)
        #expect(router.match(request("/v1/orders/42")) == nil)
    }

    @Test func anExactUriIgnoresTheQueryButAPrefixSeesTheWholePath() {
        let router = VirtualServiceRouter(host: "orders", routes: [
            rule([entry(uri: .exact("/orders"))]), rule([entry(uri: .prefix("/search?q="))]),
        ])
        #expect(router.match(request("/orders?page=2")) == 0)
        #expect(router.match(request("/orders/")) == nil)
        #expect(router.match(request("/search?q=shoes")) == 1)
    }

    @Test func aPresentHeaderMatchesAnyValueEvenEmptyButNotAnAbsentHeader() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule([entry(headers: ["x-debug": .present])])])
        #expect(router.match(request("/", [("x-debug", "")])) == 0)
        #expect(router.match(request("/", [("x-debug", "1")])) == 0)
        #expect(router.match(request("/")) == nil)
    }

    @Test func headerNamesAreCaseInsensitiveAndValuesCaseSensitive() {
        let router = VirtualServiceRouter(host: "orders", routes: [
            rule([entry(headers: ["x-canary": .exact("True")])]), rule([entry(headers: ["x-tier": .prefix("gold")])]),
        ])
        #expect(router.match(request("/", [("X-Canary", "True")])) == 0)
        #expect(router.match(request("/", [("x-canary", "true")])) == nil)
        #expect(router.match(request("/", [("X-TIER", "gold-plus")])) == 1)
        #expect(router.match(request("/", [("x-tier", "Gold")])) == nil)
    }

    @Test func aHeaderRegexMustMatchTheWholeValueAndStarMeansPresent() {
        let router = VirtualServiceRouter(host: "orders", routes: [
            rule([entry(headers: ["x-user": .regex("user-[0-9]+")])]), rule([entry(headers: ["x-any": .regex("*")])]),
        ])
        #expect(router.match(request("/", [("x-user", "user-7")])) == 0)
        #expect(router.match(request("/", [("x-user", "user-7x")])) == nil)
        #expect(router.match(request("/", [("x-any", "whatever")])) == 1)
        #expect(router.invalidRegexes.isEmpty)
    }

    @Test func aRepeatedHeaderIsMatchedOnItsValuesJoinedWithCommas() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule([entry(headers: ["x-a": .exact("1,2")])])])
        #expect(router.match(request("/", [("x-a", "1"), ("X-A", "2")])) == 0)
        #expect(router.match(request("/", [("x-a", "1")])) == nil)
    }

    @Test func anInvalidRegexNeverMatchesAndIsReported() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule([entry(uri: .regex("/orders/("))]), rule()])
        #expect(router.invalidRegexes == ["/orders/("])
        #expect(router.match(request("/orders/(")) == 1)
    }

    @Test func withoutRoutesIstioSendsEverythingToTheHost() {
        let router = VirtualServiceRouter(host: "orders", routes: nil)
        var rng = MeshSplitMix64(seed: 1)
        #expect(router.routes.count == 1)
        #expect(router.routes[0].route.map(\.destination) == [Destination(host: "orders")])
        #expect(router.match(request("/anything", method: "DELETE")) == 0)
        #expect(router.pickDestination(rule: 0, &rng) == 0)
        #expect(!router.shouldMirror(rule: 0, &rng))
    }

    @Test func weightsThreeToOneSplitSeventyFiveTwentyFive() {
        let counts = pickCounts(weights: [3, 1], draws: 40_000)
        MeshStatistics.expectBinomial(counts[0], draws: 40_000, probability: 0.75)
        #expect(counts[0] + counts[1] == 40_000)
    }

    @Test func weightsNeedNotSumToAHundred() {
        let counts = pickCounts(weights: [1, 1, 2], draws: 40_000)
        MeshStatistics.expectBinomial(counts[0], draws: 40_000, probability: 0.25)
        MeshStatistics.expectBinomial(counts[1], draws: 40_000, probability: 0.25)
        MeshStatistics.expectBinomial(counts[2], draws: 40_000, probability: 0.5)
    }

    @Test func aZeroWeightNeverGetsTraffic() {
        let counts = pickCounts(weights: [50, 0, 50], draws: 10_000)
        #expect(counts[1] == 0)
        MeshStatistics.expectBinomial(counts[0], draws: 10_000, probability: 0.5)
    }

    @Test func aSingleDestinationGetsEverythingWhateverItsWeight() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule(to: ["v1"], weights: [0])])
        var rng = MeshSplitMix64(seed: 3)
        #expect((0..<100).allSatisfy { _ in router.pickDestination(rule: 0, &rng) == 0 })
        #expect(router.rulesWithoutDestination.isEmpty)
    }

    @Test func severalDestinationsAllWeightedZeroHaveNowhereToGo() {
        let router = VirtualServiceRouter(host: "orders", routes: [rule(to: ["v1", "v2"], weights: [0, nil])])
        var rng = MeshSplitMix64(seed: 4)
        #expect(router.pickDestination(rule: 0, &rng) == nil)
        #expect(router.rulesWithoutDestination == [0])
    }

    @Test func mirrorDefaultsToEveryRequestAndFollowsMirrorPercentage() {
        var always = rule()
        always.mirror = Destination(host: "orders", subset: "v2")
        var tenth = always
        tenth.mirrorPercentage = 0.1
        var never = always
        never.mirrorPercentage = 0
        let router = VirtualServiceRouter(host: "orders", routes: [always, tenth, never, rule()])
        var rng = MeshSplitMix64(seed: 5)
        let draws = 20_000
        #expect((0..<draws).allSatisfy { _ in router.shouldMirror(rule: 0, &rng) })
        let mirrored = (0..<draws).count { _ in router.shouldMirror(rule: 1, &rng) }
        MeshStatistics.expectBinomial(mirrored, draws: draws, probability: 0.1)
        #expect(!(0..<draws).contains { _ in router.shouldMirror(rule: 2, &rng) || router.shouldMirror(rule: 3, &rng) })
    }

    @Test func zeroWeightsAmongSeveralSendNothingButASingleDestinationTakesAll() {
        let router = VirtualServiceRouter(host: "orders", routes: [
            rule(to: ["v1", "v2"], weights: [100, 0]), rule(to: ["v2"], weights: [0]), rule(to: ["v1", "v2"], weights: [nil, 5]),
        ])
        #expect(router.sendsTraffic(rule: 0, destination: 0) && !router.sendsTraffic(rule: 0, destination: 1))
        #expect(router.sendsTraffic(rule: 1, destination: 0))
        #expect(!router.sendsTraffic(rule: 2, destination: 0) && router.sendsTraffic(rule: 2, destination: 1))
        #expect(!router.sendsTraffic(rule: 3, destination: 0))
    }

    @Test func aMirrorWithAnExplicitZeroPercentMirrorsNothing() {
        var mirrored = rule()
        mirrored.mirror = Destination(host: "orders", subset: "v2")
        var silenced = mirrored
        silenced.mirrorPercentage = 0
        let router = VirtualServiceRouter(host: "orders", routes: [mirrored, silenced, rule()])
        #expect(router.mirrors(rule: 0))
        #expect(!router.mirrors(rule: 1))
        #expect(!router.mirrors(rule: 2))
    }

    private func pickCounts(weights: [Int], draws: Int) -> [Int] {
        let router = VirtualServiceRouter(
            host: "orders", routes: [rule(to: weights.indices.map { "v\($0)" }, weights: weights)])
        var rng = MeshSplitMix64(seed: 42)
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0..<draws {
            if let index = router.pickDestination(rule: 0, &rng) { counts[index] += 1 }
        }
        return counts
    }
}

enum MeshStatistics {
    /// Within 4 standard deviations of the binomial mean.
    static func expectBinomial(
        _ count: Int, draws: Int, probability: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let mean = Double(draws) * probability
        let tolerance = 4 * (mean * (1 - probability)).squareRoot()
        let message: Comment = "\(count) of \(draws), expected \(mean) ± \(tolerance)"
        #expect(abs(Double(count) - mean) <= tolerance, message, sourceLocation: sourceLocation)
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): a small deterministic source for statistical tests.
struct MeshSplitMix64: RandomSource {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    mutating func nextInt(below n: Int) -> Int {
        Int(next() % UInt64(n))
    }
}

/// Hands out the draws a test scripts, and records what was asked.
struct MeshScriptedRandom: RandomSource {
    var units: [Double] = []
    var ints: [Int] = []
    private(set) var askedBelow: [Int] = []
    private(set) var unitDraws = 0

    mutating func nextUnit() -> Double {
        defer { unitDraws += 1 }
        guard unitDraws < units.count else {
            Issue.record("unexpected draw \(unitDraws + 1)")
            return 0
        }
        return units[unitDraws]
    }

    mutating func nextInt(below n: Int) -> Int {
        askedBelow.append(n)
        guard askedBelow.count <= ints.count else {
            Issue.record("unexpected integer draw below \(n)")
            return 0
        }
        return ints[askedBelow.count - 1]
    }
}
