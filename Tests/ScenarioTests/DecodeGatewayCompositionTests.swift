import Testing
@testable import Scenario

/// `gateway.routes[*].calls`: a route that composes its answer from several services, in the
/// syntax of a service's `calls`, with `onCallFailure: fail | ignore`.
@Suite struct DecodeGatewayCompositionTests {
    /// Lines 1–2 header, gateway from line 3, then a client and four services.
    private func text(_ routes: String) -> String {
        DecodeFixture.header + "gateway:\n  routes:\n" + routes
            + "\nclients: [{ name: web, rate: 1/s }]\nservices: { orders: {}, inventory: {}, recommendations: {}, payments: {} }\n"
    }

    @Test func stepsParallelGroupsPercentPathAndOnCallFailure() throws {
        let routes = """
                - name: dashboard
                  paths: [/dashboard]
                  calls:
                    - parallel: [{ service: orders }, { service: inventory, percent: 50%, path: /stock }]
                    - service: recommendations
                    - { service: orders, percent: 0% }
                  onCallFailure: ignore
            """
        let route = try #require(DecodeFixture.scenario(text(routes))?.gateway?.routes.first)
        let composition = try #require(route.composition)
        #expect(route.backends.isEmpty)
        #expect(composition.onCallFailure == .ignore)
        #expect(composition.steps.count == 3)
        #expect(composition.steps[0].calls.map(\.service) == ["orders", "inventory"])
        #expect(composition.steps[0].calls.map(\.percent) == [1, 0.5])
        #expect(composition.steps[0].calls.map(\.path) == [nil, "/stock"])
        #expect(composition.steps[1] == .call(DownstreamCall(
            service: "recommendations", location: SourceLocation(file: "s.yaml", line: 9, column: 11))))
        #expect(route.services == ["orders", "inventory", "recommendations"])
        #expect(route.receivingServices == ["orders", "inventory", "recommendations"])
        // Kong's `limit_by: service` counts a composed route under its services joined, as a split.
        #expect(route.kongService == "orders+inventory+recommendations")
    }

    @Test func onCallFailureDefaultsToFail() throws {
        let route = try #require(DecodeFixture.scenario(text("    - { name: d, calls: [{ service: orders }] }"))?.gateway?.routes.first)
        #expect(route.composition?.onCallFailure == .fail)
        #expect(route.composition?.steps == [.call(DownstreamCall(service: "orders", location: SourceLocation(file: "s.yaml", line: 5, column: 26)))])
    }

    /// A call written with percent 0 names a service but sends it nothing.
    @Test func aCallOfPercentZeroDoesNotReceive() throws {
        let routes = "    - { name: d, calls: [{ service: orders, percent: 0% }, { service: payments }] }"
        let route = try #require(DecodeFixture.scenario(text(routes))?.gateway?.routes.first)
        #expect(route.services == ["orders", "payments"])
        #expect(route.receivingServices == ["payments"])
    }

    @Test func exactlyOneOfServiceBackendsAndCalls() {
        let routes = """
                - { name: a, service: orders, calls: [{ service: orders }] }
                - { name: b, backends: [{ service: orders }], calls: [{ service: orders }] }
                - { name: c, paths: [/c] }
                - { name: d, service: orders, backends: [{ service: orders }], calls: [{ service: orders }] }
            """
        #expect(DecodeFixture.messages(text(routes)) == [
            "5:35: error: gateway.routes[0] must have only one of service, backends or calls, not service and calls",
            "6:51: error: gateway.routes[1] must have only one of service, backends or calls, not backends and calls",
            "7:7: error: gateway.routes[2] needs one of service, backends or calls",
            "8:35: error: gateway.routes[3] must have only one of service, backends or calls, not service and backends and calls",
        ])
    }

    @Test func callErrors() {
        let routes = """
                - { name: a, calls: [] }
                - { name: b, calls: [{ service: orders, percent: 150% }, { parallel: [] }, { servce: orders }] }
                - { name: c, calls: [{ service: orders }], onCallFailure: retry }
                - { name: d, service: orders, onCallFailure: ignore }
            """
        #expect(DecodeFixture.messages(text(routes)) == [
            "5:25: error: gateway.routes[0].calls must list at least one call (or use service or backends)",
            "6:54: error: gateway.routes[1].calls[0].percent must be between 0% and 100%, not 150%",
            "6:74: error: gateway.routes[1].calls[1].parallel must list at least one entry",
            "6:80: error: gateway.routes[1].calls[2].service is required",
            "6:82: error: unknown key 'servce' in gateway.routes[1].calls[2]; did you mean 'service'?",
            "7:63: error: gateway.routes[2].onCallFailure must be one of fail, ignore, not 'retry'",
            "8:35: error: gateway.routes[3].onCallFailure applies only to a route with calls; remove it, or compose the route with calls",
        ])
    }

    /// `{1..N}` is drawn only in a client's request path; in a call it would be literal text.
    @Test func aCallPathCannotHoldKeys() {
        let routes = "    - { name: a, calls: [{ service: orders, path: \"/items/{1..5}\" }] }"
        #expect(DecodeFixture.messages(text(routes)) == [
            "5:51: error: gateway.routes[0].calls[0].path cannot hold {1..N}: keys are drawn only in a client's requests[].path, not in '/items/{1..5}'",
        ])
    }

    @Test func anUnknownServiceInACallIsAnErrorAtTheCallWithADidYouMean() {
        let routes = """
                - name: dashboard
                  calls:
                    - parallel: [{ service: orders }, { service: inventroy }]
            """
        let loaded = ScenarioLoader.load(text: text(routes), file: "s.yaml")
        #expect(loaded.errors.map(\.description) == [
            #"s.yaml:7:43: error: route "dashboard" calls inventroy: no service named "inventroy"; did you mean "inventory"?"#,
        ])
    }

    /// `--set` (and so `--sweep`) reaches a composed route's calls like a service's.
    @Test func setChangesACallOfANamedRoute() throws {
        let routes = """
                - name: dashboard
                  calls:
                    - parallel: [{ service: orders }, { service: inventory }]
            """
        let overrides = try [
            "gateway.routes[name=dashboard].calls[0].parallel[1].percent=20%",
            "gateway.routes[0].onCallFailure=ignore",
        ].map { assignment throws(Diagnostic) in try Overrides.parseAssignment(assignment) }
        let loaded = ScenarioLoader.load(text: text(routes), file: "s.yaml", overrides: overrides)
        let composition = try #require(loaded.scenario?.gateway?.routes.first?.composition)
        #expect(composition.steps.first?.calls.map(\.percent) == [1, 0.2])
        #expect(composition.onCallFailure == .ignore)
    }

    /// A composed route has no backends, so it has no weights that could all be 0.
    @Test func aComposedRouteGetsNoZeroWeightWarning() {
        let loaded = ScenarioLoader.load(text: text("    - { name: d, calls: [{ service: orders }] }"), file: "s.yaml")
        #expect(loaded.errors.isEmpty)
        #expect(!loaded.diagnostics.contains { $0.message.contains("weight 0") })
    }
}
