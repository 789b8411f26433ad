import Testing
@testable import Scenario

@Suite struct DecodeGatewayTests {
    private func text(_ gateway: String) -> String {
        DecodeFixture.header + gateway + "\nclients: [{ name: web, rate: 1/s }]\n" + DecodeFixture.service
    }

    @Test func gatewayAndRoutes() throws {
        let yaml = """
            gateway:
              replicas: 2
              workers: 1000
              queue: 0
              latency: 300us
              routes:
                - name: orders
                  paths: [/api/orders, /v2/orders]
                  methods: [get, POST]
                  headers: { x-version: [v2, v3], x-tier: gold }
                  service: orders
                  timeout: 2s
                  retries: 0
                - { name: rest, service: orders }
            """
        let gateway = try #require(DecodeFixture.scenario(text(yaml))?.gateway)
        #expect(gateway.replicas == 2)
        #expect(gateway.workers == 1000)
        #expect(gateway.queue == 0)
        #expect(gateway.latency == .constant(300_000))
        #expect(gateway.plugins.isEmpty)
        #expect(gateway.location == SourceLocation(file: "s.yaml", line: 4, column: 3))
        let route = gateway.routes[0]
        #expect(route.name == "orders")
        #expect(route.paths == ["/api/orders", "/v2/orders"])
        #expect(route.methods == ["GET", "POST"])
        #expect(route.headers == [HeaderCondition(name: "x-version", values: ["v2", "v3"]), HeaderCondition(name: "x-tier", values: ["gold"])])
        #expect(route.backends == [GatewayBackend(service: "orders", location: route.location)])
        #expect(route.timeout == 2_000_000_000)
        #expect(route.retries == 0)
        let rest = gateway.routes[1]
        #expect(rest.paths == ["/"] && rest.methods.isEmpty && rest.headers.isEmpty)
        #expect(rest.timeout == 60_000_000_000)
        #expect(rest.retries == 5)
    }

    @Test func gatewayDefaults() throws {
        let gateway = try #require(DecodeFixture.scenario(text("gateway: {}"))?.gateway)
        #expect(gateway.replicas == 1)
        #expect(gateway.workers == nil)
        #expect(gateway.queue == nil)
        #expect(gateway.latency == .zero)
        #expect(gateway.routes.isEmpty)
    }

    @Test func routeErrorsAndProductFields() {
        let yaml = """
            gateway:
              replicas: 0
              routes:
                - { name: a, paths: [api], service: orders, strip_path: true }
                - { name: a, hosts: [example.com], servce: orders }
                - { paths: [], service: orders, timeout: 0s }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "4:13: error: gateway.replicas must be at least 1, not 0",
            "6:26: error: gateway.routes[0].paths[0] must start with '/', not 'api'",
            "6:49: warning: gateway.routes[0].strip_path has no effect in a simulation",
            "7:7: error: gateway.routes[1] needs one of service, backends or calls",
            "7:15: error: route name 'a' is used twice (first at line 6)",
            "7:18: error: gateway.routes[1].hosts is a Kong field that meshsim does not simulate",
            "7:40: error: unknown key 'servce' in gateway.routes[1]; did you mean 'service'?",
            "8:7: error: gateway.routes[2].name is required",
            "8:16: error: gateway.routes[2].paths must list at least one path prefix (omit it to match every path)",
            "8:46: error: gateway.routes[2].timeout must be greater than 0s, not 0s",
        ])
    }
}
