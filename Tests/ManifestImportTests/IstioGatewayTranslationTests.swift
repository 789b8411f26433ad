import Scenario
import Testing
@testable import ManifestImport

/// An Istio Gateway and the VirtualServices bound to it become `gateway: { kind: istio, http }`,
/// their destination hosts rewritten to scenario service names.
@Suite struct IstioGatewayTranslationTests {
    /// The scenario runs the services (no Deployment in these manifests).
    static let meshOff = "services: { orders: {}, catalog: {} }\n"
    static let meshOn = "mesh: { enabled: true }\n" + meshOff

    static let services = """
        apiVersion: v1
        kind: Service
        metadata: { name: orders }
        spec: { selector: { app: orders } }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: catalog }
        spec: { selector: { app: catalog } }
        ---

        """

    static let gateway = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata: { name: shop-gateway }
        spec:
          selector: { istio: ingressgateway }
          servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
        ---

        """

    static func virtualService(_ name: String, gateways: String, prefix: String, host: String) -> String {
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: \(name) }
        spec:
          hosts: ["shop.example.com"]
          gateways: \(gateways)
          http:
            - match: [{ uri: { prefix: \(prefix) } }]
              route: [{ destination: { host: \(host) } }]
        ---

        """
    }

    @Test func virtualServicesBoundToTheGatewayAreItsRulesInFileOrder() throws {
        let manifest = Self.services + Self.gateway
            + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/orders", host: "orders.default.svc.cluster.local")
            + Self.virtualService("catalog", gateways: "[default/shop-gateway]", prefix: "/catalog", host: "catalog")
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(messages == [])
        let gateway = try #require(fragment["gateway"])
        #expect(gateway["kind"]?.text == "istio")
        let rules = gateway["http"]?.items ?? []
        #expect(rules.map { $0["match"]?.items.first?["uri", "prefix"]?.text } == ["/orders", "/catalog"])
        let host = try #require(rules.first?["route"]?.items.first?["destination", "host"])
        #expect(host.text == "orders")
        // The stream: services 10 lines, gateway 7; the first VirtualService's route at its line 9.
        #expect(host.location.description == "m.yaml:26:38")
        // Bound to the gateway only: no sidecar routes.
        #expect(fragment["services", "orders", "http"] == nil)
    }

    @Test func aVirtualServiceBoundToMeshAndTheGatewayFeedsBoth() throws {
        let manifest = Self.services + Self.gateway
            + Self.virtualService("orders", gateways: "[mesh, shop-gateway]", prefix: "/orders", host: "orders")
                .replacingOccurrences(of: "hosts: [\"shop.example.com\"]", with: "hosts: [orders]")
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(messages == [])
        #expect(fragment["gateway", "http"]?.items.count == 1)
        #expect(fragment["services", "orders", "http"]?.items.count == 1)
    }

    @Test func anUnknownDestinationHostIsAnErrorAtIt() throws {
        let manifest = Self.services + Self.gateway + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/", host: "ordres")
        let (_, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(messages == [
            "m.yaml:26:38: error: VirtualService orders: host 'ordres' names no service that a Deployment or the scenario backs; did you mean 'orders'?",
        ])
    }

    @Test func aGatewayNoVirtualServiceNamesRoutesNothing() throws {
        let manifest = Self.services + Self.gateway + Self.virtualService("orders", gateways: "[other-gateway]", prefix: "/", host: "orders")
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(fragment["gateway"] == nil)
        #expect(messages.contains("m.yaml:12:1: warning: ignored: Gateway shop-gateway: no VirtualService is bound to it (gateways: [shop-gateway]), so it routes nothing"))
        #expect(messages.contains { $0.hasPrefix("m.yaml:23:13: warning: VirtualService orders is bound to gateways other-gateway and not to 'mesh'") })
    }

    @Test func theMeshMustBeOn() throws {
        let manifest = Self.services + Self.gateway + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/", host: "orders")
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOff)
        #expect(fragment["gateway"] == nil)
        #expect(messages == [
            "m.yaml:12:1: warning: ignored: Gateway shop-gateway: Istio's ingress gateway is part of the mesh, and the scenario leaves the mesh off; set mesh: { enabled: true } to simulate it as the edge",
        ])
    }

    @Test func aKongEdgeInTheScenarioKeepsTheEdge() throws {
        let manifest = Self.services + Self.gateway + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/", host: "orders")
        let scenario = Self.meshOn + "gateway:\n  routes: [{ name: orders, paths: [/], service: orders }]\n"
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: scenario)
        #expect(fragment["gateway"] == nil)
        #expect(messages == [
            "m.yaml:12:1: warning: ignored: Gateway shop-gateway (Istio's ingress gateway) and its VirtualServices: the scenario's gateway is Kong (gateway.routes at s.yaml:4:3); meshsim simulates one edge gateway",
        ])
        // The scenario may write the gateway's other fields and its kind.
        let sized = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn + "gateway: { kind: istio, replicas: 2 }\n")
        #expect(sized.messages == [])
        #expect(sized.fragment["gateway", "kind"] == nil)
        #expect(sized.fragment["gateway", "http"]?.items.count == 1)
    }

    @Test func aKongManifestKeepsTheEdge() throws {
        let deck = """
            _format_version: "3.0"
            services: [{ name: orders, host: orders, routes: [{ name: orders, paths: [/orders] }] }]
            ---

            """
        let manifest = Self.services + Self.gateway + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/", host: "orders") + deck
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(fragment["gateway", "kind"] == nil)
        #expect(messages.contains { $0.hasPrefix("m.yaml:12:1: warning: ignored: Gateway shop-gateway (Istio's ingress gateway) and its VirtualServices: Kong's configuration in the manifests defines the gateway (at m.yaml:") })
    }

    @Test func aGatewayDefinedTwiceIsAnError() throws {
        let manifest = Self.services + Self.gateway + Self.gateway + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/", host: "orders")
        let (_, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(messages == ["m.yaml:19:1: error: Gateway shop-gateway in namespace default is defined twice: here and at m.yaml:12:1"])
    }

    /// Gateways whose selectors pick other pods are other gateways: meshsim keeps the first.
    @Test func aSecondIngressGatewayIsLeftOut() throws {
        let other = Self.gateway.replacingOccurrences(of: "shop-gateway", with: "admin-gateway").replacingOccurrences(of: "istio: ingressgateway", with: "istio: admin")
        let manifest = Self.services + Self.gateway + other
            + Self.virtualService("orders", gateways: "[shop-gateway]", prefix: "/orders", host: "orders")
            + Self.virtualService("admin", gateways: "[admin-gateway]", prefix: "/admin", host: "catalog")
        let (fragment, messages) = try WorkloadTranslationTests.translate(manifest, scenario: Self.meshOn)
        #expect(fragment["gateway", "http"]?.items.count == 1)
        #expect(messages == [
            "m.yaml:19:1: warning: ignored: VirtualService admin is bound to Gateway admin-gateway, whose selector picks other gateway pods than Gateway shop-gateway's; meshsim simulates one edge gateway",
        ])
    }
}
