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
}
