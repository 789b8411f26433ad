import Testing
@testable import Scenario

/// `gateway.routes[*].backends`: a route split over several services by weight, as a Gateway
/// API HTTPRoute rule's `backendRefs` (weight 0 … 1,000,000, default 1).
@Suite struct DecodeGatewayBackendsTests {
    /// Lines 1–2 header, gateway from line 3, then a client and three services.
    private func text(_ routes: String) -> String {
        DecodeFixture.header + "gateway:\n  routes:\n" + routes
            + "\nclients: [{ name: web, rate: 1/s }]\nservices: { orders: {}, orders-canary: {}, payments: {} }\n"
    }

    @Test func backendsKeepTheirOrderWeightsAndLocations() throws {
        let routes = """
                - name: orders
                  paths: [/api/orders]
                  backends:
                    - { service: orders, weight: 90 }
                    - { service: orders-canary, weight: 10 }
                    - { service: payments }
                    - { service: orders, weight: 0 }
            """
        let route = try #require(DecodeFixture.scenario(text(routes))?.gateway?.routes.first)
        let at = { (line: Int) in SourceLocation(file: "s.yaml", line: line, column: 11) }
        #expect(route.backends == [
            GatewayBackend(service: "orders", weight: 90, location: at(8)),
            GatewayBackend(service: "orders-canary", weight: 10, location: at(9)),
            GatewayBackend(service: "payments", weight: 1, location: at(10)),
            GatewayBackend(service: "orders", weight: 0, location: at(11)),
        ])
        #expect(route.services == ["orders", "orders-canary", "payments"])
        #expect(route.receivingServices == ["orders", "orders-canary", "payments"])
        #expect(route.kongService == "orders+orders-canary+payments")
    }

    @Test func aRouteWithServiceHasOneBackendOfWeightOneAtTheRoute() throws {
        let route = try #require(DecodeFixture.scenario(text("    - { name: all, service: orders }"))?.gateway?.routes.first)
        #expect(route.backends == [GatewayBackend(service: "orders", weight: 1, location: route.location)])
        #expect(route.kongService == "orders")
    }

    @Test func bothOrNeitherOfServiceAndBackendsIsAnErrorAtTheRoute() {
        let routes = """
                - { name: a, service: orders, backends: [{ service: orders }] }
                - { name: b, paths: [/b] }
            """
        #expect(DecodeFixture.messages(text(routes)) == [
            "5:35: error: gateway.routes[0] must have only one of service, backends or calls, not service and backends",
            "6:7: error: gateway.routes[1] needs one of service, backends or calls",
        ])
    }

    @Test func backendErrors() {
        let routes = """
                - { name: a, backends: [] }
                - { name: b, backends: [{ weight: 2 }, { service: orders, weight: 1000001 }, { service: orders, weight: 1.5 }] }
                - { name: c, backends: [{ service: orders, wieght: 3 }] }
            """
        #expect(DecodeFixture.messages(text(routes)) == [
            "5:28: error: gateway.routes[0].backends must list at least one entry",
            "6:29: error: gateway.routes[1].backends[0].service is required",
            "6:71: error: gateway.routes[1].backends[1].weight must be between 0 and 1000000, not 1000001",
            "6:109: error: gateway.routes[1].backends[2].weight must be a whole number, not '1.5'",
            "7:48: error: unknown key 'wieght' in gateway.routes[2].backends[0]; did you mean 'weight'?",
        ])
    }

    @Test func anUnknownBackendServiceIsAnErrorAtTheBackendWithADidYouMean() {
        let routes = """
                - name: orders
                  backends:
                    - { service: orders, weight: 90 }
                    - { service: orders-canry, weight: 10 }
            """
        let loaded = ScenarioLoader.load(text: text(routes), file: "s.yaml")
        #expect(loaded.errors.map(\.description) == [
            #"s.yaml:8:11: error: route "orders": no service named "orders-canry"; did you mean "orders-canary"?"#,
        ])
    }

    @Test func allWeightsZeroIsAWarningThatTheRouteAnswers500() {
        let routes = """
                - name: orders
                  backends: [{ service: orders, weight: 0 }, { service: orders-canary, weight: 0 }]
            """
        let loaded = ScenarioLoader.load(text: text(routes), file: "s.yaml")
        #expect(loaded.scenario != nil)
        #expect(loaded.warnings.map(\.description) == [
            #"s.yaml:5:7: warning: route "orders": every backend has weight 0, so every request the route takes answers 500 (as the Gateway API requires); give a backend a weight above 0"#,
        ])
    }

    /// `--set` works on the YAML tree, so a backend is reached by the route's name and its index.
    @Test func setChangesABackendOfANamedRoute() throws {
        let routes = """
                - name: orders
                  backends:
                    - { service: orders, weight: 90 }
                    - { service: orders-canary, weight: 10 }
            """
        let overrides = try [
            "gateway.routes[name=orders].backends[1].weight=50",
            "gateway.routes[0].backends[0].service=payments",
        ].map { assignment throws(Diagnostic) in try Overrides.parseAssignment(assignment) }
        let loaded = ScenarioLoader.load(text: text(routes), file: "s.yaml", overrides: overrides)
        let route = try #require(loaded.scenario?.gateway?.routes.first)
        #expect(route.backends.map(\.service) == ["payments", "orders-canary"])
        #expect(route.backends.map(\.weight) == [90, 50])
        let added = try Overrides.parseAssignment("gateway.routes[name=orders].backends[1]={ service: payments, weight: 0 }")
        let replaced = ScenarioLoader.load(text: text(routes), file: "s.yaml", overrides: [added])
        #expect(replaced.scenario?.gateway?.routes.first?.backends.map(\.weight) == [90, 0])
    }
}
