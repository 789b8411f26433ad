import Scenario
import Testing
@testable import ManifestImport

@Suite struct KongDeckTests {
    static let scenario = """
        name: shop
        duration: 1m
        manifests: [kong/]
        clients: [{ name: web, rate: 10/s, credential: { jwt: { iss: issuer-a } } }]
        services:
          orders: { latency: 5ms }
          users: { latency: 5ms }

        """

    /// Two services (one with a service plugin), a global jwt and rate-limiting, a route
    /// plugin, two consumers' jwt secrets, and fields meshsim does not model.
    static let deck = """
        _format_version: "3.0"
        services:
          - name: orders-svc
            host: orders.default.svc.cluster.local
            port: 8080
            read_timeout: 2500
            retries: 2
            plugins:
              - name: rate-limiting
                config: { second: 5, minute: 100, policy: local, hour: null }
            routes:
              - name: orders
                paths: [/api/orders]
                methods: [GET, POST]
          - name: users-svc
            host: users
            port: 8081
            routes:
              - paths: [/api/users]
                headers: { x-version: [v2] }
                plugins:
                  - name: rate-limiting
                    config: { minute: 10 }
        plugins:
          - name: jwt
            config: { claims_to_verify: [exp] }
          - name: rate-limiting
            config: { minute: 1000 }
          - name: prometheus
        consumers:
          - username: web-app
            jwt_secrets:
              - { key: issuer-a, algorithm: HS256, secret: s3cret }
          - username: partner
            jwt_secrets:
              - { key: issuer-b, secret: other }

        """

    /// The same gateway written inline, by hand from Kong's rules: the orders service's
    /// read_timeout and retries its settings, a service's plugin on each of its routes, the
    /// unnamed route named after its service, the consumers with their jwt secrets.
    static let inline = """
        name: shop
        duration: 1m
        clients: [{ name: web, rate: 10/s, credential: { jwt: { iss: issuer-a } } }]
        services:
          orders: { latency: 5ms }
          users: { latency: 5ms }
        gateway:
          consumers:
            - { username: web-app, jwt_secrets: [{ key: issuer-a, algorithm: HS256, secret: s3cret }] }
            - { username: partner, jwt_secrets: [{ key: issuer-b, secret: other }] }
          services:
            orders: { read_timeout: 2500, retries: 2 }
          plugins:
            - name: jwt
              config: { claims_to_verify: [exp] }
            - { name: rate-limiting, config: { minute: 1000 } }
          routes:
            - name: orders
              paths: [/api/orders]
              methods: [GET, POST]
              service: orders
              plugins: [{ name: rate-limiting, config: { second: 5, minute: 100, policy: local } }]
            - name: users-svc-0
              paths: [/api/users]
              headers: { x-version: [v2] }
              service: users
              plugins: [{ name: rate-limiting, config: { minute: 10 } }]

        """

    @Test func aDeckFileGivesTheGatewayOfItsInlineTwin() throws {
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario, "kong/kong.yaml": Self.deck, "inline.yaml": Self.inline])
        defer { fixture.remove() }
        let loaded = fixture.load()
        let gateway = try #require(loaded.scenario?.gateway)
        let twin = try #require(ScenarioLoader.load(path: fixture.folder + "/inline.yaml", overrides: []).scenario?.gateway)

        #expect(gateway.replicas == 1)
        #expect(gateway.routes.map(\.name) == ["orders", "users-svc-0"])
        #expect(gateway.routes.map(\.kongService) == ["orders", "users"])
        #expect(gateway.routes.map(\.paths) == [["/api/orders"], ["/api/users"]])
        #expect(gateway.routes.map(\.methods) == [["GET", "POST"], []])
        #expect(gateway.routes[1].headers.map(\.name) == ["x-version"])
        #expect(gateway.routes[1].headers.map(\.values) == [["v2"]])
        #expect(gateway.routes[0].plugins.map(\.config) == [.rateLimiting(RateLimitingConfig(
            limits: [PeriodLimit(period: .second, limit: 5), PeriodLimit(period: .minute, limit: 100)], policy: .local))])
        #expect(gateway.routes[1].plugins.map(\.config) == [.rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: 10)]))])
        // read_timeout 2500 ms and 2 retries from orders' settings; Kong's defaults (60 s, 5
        // retries) for users; every consumer's jwt key an issuer of the jwt plugin.
        #expect(gateway.routes.map(\.timeout) == [2_500_000_000, 60_000_000_000])
        #expect(gateway.routes.map(\.retries) == [2, 5])
        #expect(gateway.services.map(\.service) == ["orders"])
        #expect(gateway.consumers.map(\.username) == ["web-app", "partner"])
        #expect(gateway.consumers.map(\.jwtSecrets) == [
            [KongConsumer.JWTSecret(key: "issuer-a", algorithm: "HS256", secret: "s3cret")], [KongConsumer.JWTSecret(key: "issuer-b", secret: "other")],
        ])
        #expect(gateway.plugins.map(\.config) == [
            .jwt(JWTConfig(claimsToVerify: [.exp], issuers: ["issuer-a": "web-app", "issuer-b": "partner"])),
            .rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: 1000)])),
        ])

        #expect(gateway.consumers.map(\.username) == twin.consumers.map(\.username))
        #expect(gateway.consumers.map(\.jwtSecrets) == twin.consumers.map(\.jwtSecrets))
        #expect(gateway.services.map { [$0.retries, Int($0.readTimeout), Int($0.connectTimeout)] } == twin.services.map { [$0.retries, Int($0.readTimeout), Int($0.connectTimeout)] })
        #expect(gateway.plugins.map(\.name) == twin.plugins.map(\.name))
        #expect(gateway.plugins.map(\.config) == twin.plugins.map(\.config))
        #expect(gateway.routes.map(\.name) == twin.routes.map(\.name))
        #expect(gateway.routes.map(\.paths) == twin.routes.map(\.paths))
        #expect(gateway.routes.map(\.methods) == twin.routes.map(\.methods))
        #expect(gateway.routes.map(\.kongService) == twin.routes.map(\.kongService))
        #expect(gateway.routes.map(\.timeout) == twin.routes.map(\.timeout))
        #expect(gateway.routes.map(\.retries) == twin.routes.map(\.retries))
        #expect(gateway.routes.map { $0.plugins.map(\.config) } == twin.routes.map { $0.plugins.map(\.config) })
        #expect(gateway.routes.map { $0.headers.map(\.values) } == twin.routes.map { $0.headers.map(\.values) })

        // One warning per field and per plugin name, at their first place.
        #expect(fixture.messages(loaded) == [
            "kong/kong.yaml:5:5: warning: services[0].port has no effect in a simulation",
            "kong/kong.yaml:29:11: warning: ignored: Kong plugin prometheus has no effect in the simulation",
        ])
    }

    @Test func theConsumersAndServiceSettingsOfTheDeckFile() throws {
        let objects = try ManifestFixture.objects(Self.deck, file: "kong.yaml")
        let (fragment, _) = ManifestTranslation.translate(objects, scenario: try YAMLParser.parse(Self.scenario, file: "s.yaml"), namespace: "default")
        #expect(fragment["gateway", "consumers"]?.flowText
            == "[{username: web-app, jwt_secrets: [{key: issuer-a, algorithm: HS256, secret: s3cret}]}, {username: partner, jwt_secrets: [{key: issuer-b, secret: other}]}]")
        #expect(fragment["gateway", "services"]?.flowText == "{orders: {retries: 2, read_timeout: 2500}}")
    }

    @Test func theRoutesPluginReplacesItsServicesAndADisabledOneHidesNothing() throws {
        let deck = """
            _format_version: "3.0"
            services:
              - name: orders-svc
                host: orders
                plugins:
                  - { name: rate-limiting, config: { minute: 100 } }
                  - { name: key-auth }
                routes:
                  - name: a
                    plugins: [{ name: rate-limiting, config: { minute: 7 } }, { name: key-auth, enabled: false }]

            """
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario, "kong/kong.yaml": deck])
        defer { fixture.remove() }
        let route = try #require(fixture.load().scenario?.gateway?.routes.first)
        // Kong (plugins_iterator.lua lookup_cfg): the route's instance first, then the
        // service's; a disabled instance is not configured, so the service's key-auth runs.
        #expect(route.plugins.map(\.name) == ["rate-limiting", "key-auth"])
        #expect(route.plugins.first?.config == .rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: 7)])))
    }

    @Test func topLevelPluginsAndRoutesFindTheirServiceByName() throws {
        let deck = """
            _format_version: "2.1"
            services:
              - { name: orders-svc, url: "http://orders.default.svc:8080/v1" }
            routes:
              - { name: r1, service: { name: orders-svc }, paths: ["/api/v\\\\d+/orders"] }
            plugins:
              - { name: rate-limiting, route: r1, config: { second: 3 } }
              - { name: key-auth, service: orders-svc }
              - { name: jwt, consumer: web-app }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "kong/kong.yaml": deck])
        let gateway = try #require(loaded.scenario?.gateway)
        #expect(gateway.plugins.isEmpty)
        #expect(gateway.routes.map(\.kongService) == ["orders"])
        #expect(gateway.routes.first?.plugins.map(\.name) == ["rate-limiting", "key-auth"])
        // Format 2.1: a path with regex characters is a regex, read as its literal prefix.
        #expect(gateway.routes.first?.paths == ["/api/v"])
        #expect(messages == [
            "kong/kong.yaml:5:56: warning: Kong regex path '/api/v\\d+/orders' is read as the path prefix '/api/v': meshsim's gateway routes match prefixes, so this route may take requests Kong would not send to it",
            "kong/kong.yaml:9:18: warning: ignored: plugins scoped to a Kong consumer are not modelled; meshsim applies plugins globally, per service and per route",
        ])
    }

    @Test func anUnknownHostIsAnErrorWithADidYouMean() throws {
        let deck = "_format_version: \"3.0\"\nservices:\n  - name: orders-svc\n    host: order\n    routes: [{ name: r }]\n"
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "kong/kong.yaml": deck])
        #expect(loaded.scenario == nil)
        #expect(messages == [
            "kong/kong.yaml:4:11: error: Kong service orders-svc: host 'order' names no service that a Deployment or the scenario backs; did you mean 'orders'?",
        ])
    }

    /// A second Kong service of one scenario service puts its read_timeout on its routes.
    @Test func aReadTimeoutOutsideKongsRangeIsAnError() throws {
        let deck = "_format_version: \"3.0\"\nservices:\n  - { name: s, host: orders, routes: [{ name: r }] }\n  - { name: t, host: orders, read_timeout: 0, routes: [{ name: q }] }\n"
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario, "kong/kong.yaml": deck])
        defer { fixture.remove() }
        #expect(fixture.messages(fixture.load()) == [
            "kong/kong.yaml:4:44: error: services[1].read_timeout must be a whole number of milliseconds from 1 to 2147483646, not '0'",
        ])
    }

    @Test func routesWrittenInTheScenarioAndInAManifestAreDefinedTwice() throws {
        let scenario = Self.scenario + "gateway:\n  replicas: 3\n  routes: [{ name: x, service: orders }]\n"
        let deck = "_format_version: \"3.0\"\nservices:\n  - { name: s, host: orders, routes: [{ name: r }] }\n"
        let fixture = try ManifestFixture(["scenario.yaml": scenario, "kong/kong.yaml": deck])
        defer { fixture.remove() }
        // Where the manifest's routes start: the first route.
        #expect(fixture.messages(fixture.load()) == ["kong/kong.yaml:3:39: error: gateway.routes is defined twice: here and at scenario.yaml:10:11"])
    }

    @Test func theScenarioKeepsItsGatewaySettingsBesideTheManifestsRoutes() throws {
        let scenario = Self.scenario + "gateway:\n  replicas: 3\n  workers: 50\n"
        let deck = "_format_version: \"3.0\"\nservices:\n  - { name: s, host: orders, routes: [{ name: r }] }\n"
        let fixture = try ManifestFixture(["scenario.yaml": scenario, "kong/kong.yaml": deck])
        defer { fixture.remove() }
        let gateway = try #require(fixture.load().scenario?.gateway)
        #expect(gateway.replicas == 3)
        #expect(gateway.workers == 50)
        #expect(gateway.routes.map(\.name) == ["r"])
    }

    /// Its settings are gateway.upstreams.orders (KongGatewayImportTests).
    @Test func anUpstreamGoesToTheServiceItsTargetsName() throws {
        let deck = """
            _format_version: "3.0"
            upstreams:
              - { name: orders-up, targets: [{ target: "orders.default.svc:8080" }] }
            services:
              - { name: s, host: orders-up, routes: [{ name: r }] }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "kong/kong.yaml": deck])
        #expect(loaded.scenario?.gateway?.routes.map(\.kongService) == ["orders"])
        #expect(messages.isEmpty)
    }

    /// The consumers decoder reports the key given twice, at the second consumer.
    @Test func aKeyGivenToTwoConsumersIsAnError() throws {
        let deck = """
            _format_version: "3.0"
            consumers:
              - { username: a, keyauth_credentials: [{ key: k1 }] }
              - { username: b, keyauth_credentials: [{ key: k1 }, {}] }

            """
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario, "kong/kong.yaml": deck])
        defer { fixture.remove() }
        #expect(fixture.messages(fixture.load()) == [
            "kong/kong.yaml:4:5: error: key-auth key 'k1' of consumer b already belongs to consumer a (line 3); Kong keeps credential keys unique",
            "kong/kong.yaml:4:55: warning: a key-auth credential without a key gets one Kong makes up, which no scenario client can send; it is left out",
        ])
    }

    @Test func anUnsupportedFormatVersionIsAnError() throws {
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario, "kong/kong.yaml": "_format_version: \"4.0\"\n"])
        defer { fixture.remove() }
        #expect(fixture.messages(fixture.load()) == [
            "kong/kong.yaml:1:18: error: _format_version must be one of 1.1, 2.1, 3.0, not '4.0'; Kong rejects the file",
        ])
    }
}
