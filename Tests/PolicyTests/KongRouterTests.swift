import Policy
import Scenario
import Testing

/// Kong's route precedence (Kong 3.x traditional_compatible router): longest path prefix,
/// then more conditions, then file order.
@Suite struct KongRouterTests {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

    func route(_ name: String, _ paths: [String], methods: [String] = [], headers: [HeaderCondition] = []) -> GatewayRoute {
        GatewayRoute(name: name, paths: paths, methods: methods, headers: headers, service: "s", location: here)
    }

    @Test func theLongestMatchingPrefixWinsWhateverTheOrder() {
        let router = KongRouter(routes: [route("api", ["/api"]), route("orders", ["/api/orders"])])
        #expect(router.route(method: "GET", path: "/api/orders/42", headers: []) == 1)
        #expect(router.route(method: "GET", path: "/api/users", headers: []) == 0)
    }

    @Test func aPrefixIsPlainTextSoItMatchesLongerSegmentsToo() {
        let router = KongRouter(routes: [route("orders", ["/api/orders"])])
        #expect(router.route(method: "GET", path: "/api/ordersXYZ", headers: []) == 0)
        #expect(router.route(method: "GET", path: "/api/order", headers: []) == nil)
    }

    @Test func onEqualPrefixesMoreConditionsWin() {
        let canary = HeaderCondition(name: "x-version", values: ["v2"])
        let router = KongRouter(routes: [route("plain", ["/api"]), route("canary", ["/api"], headers: [canary])])
        #expect(router.route(method: "GET", path: "/api", headers: [Header(name: "X-Version", value: "v2")]) == 1)
        #expect(router.route(method: "GET", path: "/api", headers: [Header(name: "x-version", value: "v1")]) == 0)
    }

    @Test func methodsMustMatchAndTiesGoToTheFirstRoute() {
        let router = KongRouter(routes: [
            route("writes", ["/api"], methods: ["POST"]), route("reads", ["/api"], methods: ["GET"]), route("also-reads", ["/api"], methods: ["GET"]),
        ])
        #expect(router.route(method: "POST", path: "/api", headers: []) == 0)
        #expect(router.route(method: "GET", path: "/api", headers: []) == 1)
        #expect(router.route(method: "DELETE", path: "/api", headers: []) == nil)
    }

    /// A route that its method turns away at the longest prefix leaves the request to a route
    /// of a shorter one.
    @Test func aRouteRefusedByItsConditionsLeavesTheRequestToAShorterPrefix() {
        let router = KongRouter(routes: [route("api", ["/api"]), route("order-writes", ["/api/orders"], methods: ["POST"])])
        #expect(router.route(method: "GET", path: "/api/orders/1", headers: []) == 0)
        #expect(router.route(method: "POST", path: "/api/orders/1", headers: []) == 1)
    }

    /// A route with several paths competes with the longest of them that begins the request.
    @Test func aRouteOfSeveralPathsCompetesWithItsLongestMatch() {
        let router = KongRouter(routes: [route("two", ["/a", "/api/orders"]), route("api", ["/api"]), route("all", [""])])
        #expect(router.route(method: "GET", path: "/api/orders", headers: []) == 0)
        #expect(router.route(method: "GET", path: "/api/users", headers: []) == 1)
        #expect(router.route(method: "GET", path: "/about", headers: []) == 0)
        #expect(router.route(method: "GET", path: "/x", headers: []) == 2)
    }

    /// Paths beyond printable ASCII follow the same precedence.
    @Test func nonASCIIPathsFollowTheSamePrecedence() {
        let router = KongRouter(routes: [route("root", ["/"]), route("menu", ["/café"]), route("api", ["/api"])])
        #expect(router.route(method: "GET", path: "/café/menu", headers: []) == 1)
        #expect(router.route(method: "GET", path: "/api/ü", headers: []) == 2)
        #expect(router.route(method: "GET", path: "/ü", headers: []) == 0)
        let ascii = KongRouter(routes: [route("root", ["/"]), route("api", ["/api"])])
        #expect(ascii.route(method: "GET", path: "/api/ü", headers: []) == 1)
        #expect(ascii.route(method: "GET", path: "/ü", headers: []) == 0)
    }
}
