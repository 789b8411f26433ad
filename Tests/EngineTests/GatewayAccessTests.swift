import Engine
import Scenario
import Testing

/// acl, request-termination and the transformers in a run, with counts worked out by hand
/// from Kong's handlers (kong/plugins/acl, request-termination, request-transformer).
@Suite struct GatewayAccessTests {
    typealias T = TestScenarios

    private func gatewayShop(plugins: String, clients: String, mesh: Bool = false, http: String = "") -> String {
        """
        name: access
        duration: 100s
        clients:
        \(clients)
        gateway:
          consumers:
            - { username: alice, keyauth_credentials: [{ key: alice-key }], acls: [{ group: gold }] }
            - { username: bob, keyauth_credentials: [{ key: bob-key }], acls: [{ group: silver }] }
          plugins:
        \(plugins)
          routes: [{ name: api, service: orders }]
        mesh: { enabled: \(mesh) }
        services:
          orders:
            concurrency: 100
            latency: 1ms
            versions: { v1: {}, v2: {} }
        \(http)
        """
    }

    @Test func aclAnswers403ToAConsumerOutsideTheAllowedGroupsAndCountsItUnauthorized() throws {
        let yaml = gatewayShop(plugins: """
                - { name: key-auth }
                - { name: acl, config: { allow: [gold] } }
            """, clients: """
              - { name: alice-app, rate: 1/s, arrival: uniform, credential: { apiKey: alice-key } }
              - { name: bob-app, rate: 1/s, arrival: uniform, credential: { apiKey: bob-key } }
              - { name: anonymous, rate: 1/s, arrival: uniform }
            """)
        let result = try MeshScenario.run(yaml)
        // 100 requests each: alice is in gold; bob is not (403); nobody identifies the
        // anonymous client, so key-auth answers 401 before acl runs.
        #expect(try #require(T.row(result, .client, "alice-app")).counts.ok == 100)
        let bob = try #require(T.row(result, .client, "bob-app")).counts
        #expect(bob.unauthorized == 100 && bob.ok == 0)
        #expect(try #require(T.row(result, .client, "anonymous")).counts.unauthorized == 100)
        #expect(MeshScenario.count(result, .total, "all", code: 403, flag: "UAEX") == 100)
        #expect(MeshScenario.count(result, .total, "all", code: 401, flag: "UAEX") == 100)
        #expect(try #require(T.row(result, .service, "orders")).counts.requests == 100)
    }

    @Test func aTriggeredTerminationAnswers503AtTheGatewayAsAnError() throws {
        let yaml = gatewayShop(plugins: """
                - { name: request-termination, config: { status_code: 503, message: down, trigger: x-maintenance } }
            """, clients: """
              - name: web
                rate: 10/s
                arrival: uniform
                requests: [{ weight: 1, path: /, headers: { X-Maintenance: "1" } }, { weight: 3, path: / }]
            """)
        let result = try MeshScenario.run(yaml)
        let total = result.summary[0].counts
        let terminated = MeshScenario.count(result, .total, "all", code: 503, flag: "-")
        // 1,000 requests, a quarter carry the trigger: Binomial(1000, 0.25) = 250 ± 4 × 13.7.
        #expect(abs(terminated - 250) < 55)
        #expect(total.errors == terminated)
        #expect(total.ok == 1000 - terminated)
        // Answered at the gateway: the service sees only the others.
        #expect(try #require(T.row(result, .service, "orders")).counts.requests == 1000 - terminated)
    }

    @Test func anEdgeAddedHeaderIsWhatSendsRequestsToTheCanary() throws {
        let http = """
                http:
                  - match: [{ headers: { x-canary: { exact: "true" } } }]
                    route: [{ destination: { host: orders, subset: v2 } }]
                  - route: [{ destination: { host: orders, subset: v1 } }]
            """
        let clients = "  - { name: web, rate: 10/s, arrival: uniform }"
        let without = try MeshScenario.run(gatewayShop(plugins: "    []", clients: clients, mesh: true, http: http))
        #expect(try #require(T.row(without, .version, "orders/v2")).counts.requests == 0)
        let with = try MeshScenario.run(gatewayShop(plugins: """
                - { name: request-transformer, config: { add: { headers: ["x-canary:true"] } } }
            """, clients: clients, mesh: true, http: http))
        #expect(try #require(T.row(with, .version, "orders/v2")).counts.requests == 1000)
        #expect(try #require(T.row(with, .version, "orders/v1")).counts.requests == 0)
    }

    @Test func transformerWorkAddsToEveryAnswerOfTheRoute() throws {
        let clients = "  - { name: web, rate: 10/s, arrival: uniform }"
        let plain = try MeshScenario.run(gatewayShop(plugins: "    []", clients: clients))
        let worked = try MeshScenario.run(gatewayShop(plugins: """
                - { name: request-transformer, latency: 2ms }
                - { name: response-transformer, latency: 3ms }
            """, clients: clients))
        // Constant work, one request at a time: 1 ms of service plus 2 ms and 3 ms at the edge.
        let before = try #require(T.row(plain, .route, "api")?.latency).mean
        let after = try #require(T.row(worked, .route, "api")?.latency).mean
        #expect(abs(after - before - 5e6) < 1)
    }

    @Test func theGatewaysOwnAnswersPayOnlyTheResponseTransformersWork() throws {
        // key-auth answers 401 before the request-transformer runs; Kong still runs the
        // response-transformer on that answer: 3 ms each, against 0 without it.
        let yaml = gatewayShop(plugins: """
                - { name: key-auth }
                - { name: request-transformer, latency: 2ms }
                - { name: response-transformer, latency: 3ms }
            """, clients: "  - { name: anonymous, rate: 10/s, arrival: uniform }")
        let result = try MeshScenario.run(yaml)
        let route = try #require(T.row(result, .route, "api"))
        #expect(route.counts.unauthorized == 1000)
        #expect(abs(try #require(route.latency).mean - 3e6) < 1)
    }
}
