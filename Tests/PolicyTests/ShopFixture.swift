import Scenario
import struct Scenario.SourceLocation

/// The scenario the warning tests start from, in one place for PolicyWarningTests (the
/// validator's model-only warnings) and PolicyLintTests (the policy-aware ones).
enum Shop {
    private static func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "t.yaml", line: line, column: column)
    }

    private static let second: Nanoseconds = 1_000_000_000

    static func destination(_ subset: String?, weight: Int?, line: Int) -> RouteDestination {
        RouteDestination(destination: Destination(host: "orders", subset: subset), weight: weight, location: at(line, 11))
    }

    static func rateLimiting(_ limits: [PeriodLimit], limitBy: RateLimitingConfig.LimitBy = .consumer, policy: RateLimitingConfig.Policy = .local, line: Int) -> Plugin {
        Plugin(name: "rate-limiting", config: .rateLimiting(RateLimitingConfig(limits: limits, limitBy: limitBy, policy: policy)), location: at(line, 7))
    }

    /// A shop that draws no warning: a client through the gateway and one calling orders
    /// directly, orders (two versions) → inventory → payments, all under the mesh with Istio's
    /// default retries. Each test adds the one setting its warning is about.
    static func scenario() -> Scenario {
        Scenario(
            name: "t", duration: 600 * second,
            clients: [
                Client(name: "web", target: .gateway, arrival: .rate(100, .poisson), requests: [RequestTemplate(path: "/api/orders/42")], location: at(10, 5)),
                Client(name: "batch", target: .service("orders"), arrival: .users(5, thinkTime: .zero), location: at(12, 5)),
            ],
            gateway: Gateway(
                routes: [GatewayRoute(name: "orders", paths: ["/api/orders"], service: "orders", location: at(20, 7))], location: at(18, 1)),
            mesh: Mesh(enabled: true, location: at(25, 1)),
            services: [
                Service(
                    name: "orders",
                    versions: ["v1", "v2"].enumerated().map { index, name in
                        ServiceVersion(
                            name: name, replicas: 10, calls: [.call(DownstreamCall(service: "inventory", location: at(34, 11)))],
                            location: at(31 + index, 7))
                    },
                    http: [HTTPRoute(route: [destination("v1", weight: 90, line: 41), destination("v2", weight: 10, line: 42)], location: at(40, 7))],
                    hasDeclaredVersions: true, location: at(30, 3)),
                Service(
                    name: "inventory",
                    versions: [ServiceVersion(
                        name: "default", calls: [.call(DownstreamCall(service: "payments", location: at(52, 11)))], location: at(50, 3))],
                    location: at(50, 3)),
                Service(name: "payments", versions: [ServiceVersion(name: "default", location: at(55, 3))], location: at(55, 3)),
            ])
    }
}
