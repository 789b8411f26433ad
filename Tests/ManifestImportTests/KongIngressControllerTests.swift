import Scenario
import Testing
@testable import ManifestImport

@Suite struct KongIngressControllerTests {
    static let scenario = """
        name: shop
        duration: 1m
        manifests: [k8s/]
        clients: [{ name: web, rate: 10/s, credential: { apiKey: k-web } }]
        services:
          orders: { latency: 5ms }
          users: { latency: 5ms }

        """

    static let plugins = """
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: { name: auth }
        plugin: key-auth
        config: { key_names: [apikey] }
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongPlugin
        metadata: { name: limit }
        plugin: rate-limiting
        config: { minute: 60 }
        disabled: false
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongClusterPlugin
        metadata: { name: global-limit, labels: { global: "true" } }
        plugin: rate-limiting
        config: { second: 10 }
        ---
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: { name: web, annotations: { kubernetes.io/ingress.class: kong } }
        username: web-app
        credentials: [web-key]
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: web-key, labels: { konghq.com/credential: key-auth } }
        data: { key: ay13ZWI= }

        """

    static let ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations: { konghq.com/plugins: "auth, limit", konghq.com/methods: "GET,post" }
        spec:
          ingressClassName: kong
          rules:
            - http:
                paths:
                  - { path: /api/orders/, pathType: Prefix, backend: { service: { name: orders, port: { number: 80 } } } }
                  - { path: /api/orders-v2, pathType: Exact, backend: { service: { name: orders, port: { number: 80 } } } }
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: orders
          annotations: { konghq.com/read-timeout: "2500", konghq.com/retries: "1" }
        spec: { selector: { app: orders } }

        """

    static let httpRoute = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: { name: users, annotations: { konghq.com/plugins: limit } }
        spec:
          parentRefs: [{ name: kong }]
          rules:
            - matches:
                - path: { type: PathPrefix, value: /api/users/ }
                  method: GET
                  headers: [{ name: x-version, value: v2 }]
              backendRefs: [{ name: users, port: 80 }]

        """

    @Test func ingressAndHTTPRouteBecomeKongRoutesWithTheirPluginsAndConsumers() throws {
        let (loaded, messages) = try ManifestFixture.loaded([
            "scenario.yaml": Self.scenario, "k8s/plugins.yaml": Self.plugins, "k8s/ingress.yaml": Self.ingress,
            "k8s/route.yaml": Self.httpRoute,
        ])
        let gateway = try #require(loaded.scenario?.gateway)
        // Route names as the controller makes them: <ns>.<ingress>.<service>.<host>.<port>
        // (no host here) and httproute.<ns>.<name>.<rule>.<match>.
        #expect(gateway.routes.map(\.name) == ["default.shop.orders..80", "httproute.default.users.0.0"])
        #expect(gateway.routes.map(\.kongService) == ["orders", "users"])
        // Prefix /api/orders/ is Kong's /api/orders/ and ~/api/orders$: the prefix /api/orders.
        #expect(gateway.routes.map(\.paths) == [["/api/orders", "/api/orders-v2"], ["/api/users"]])
        #expect(gateway.routes.map(\.methods) == [["GET", "POST"], ["GET"]])
        #expect(gateway.routes[1].headers.map(\.name) == ["x-version"])
        #expect(gateway.routes[1].headers.map(\.values) == [["v2"]])
        // The orders Service's annotations (its gateway.services settings); Kong's defaults for users.
        #expect(gateway.routes.map(\.timeout) == [2_500_000_000, 60_000_000_000])
        #expect(gateway.routes.map(\.retries) == [1, 5])
        #expect(gateway.routes[0].plugins.map(\.config) == [
            .keyAuth(KeyAuthConfig(keyNames: ["apikey"], consumers: ["k-web": "web-app"])),
            .rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: 60)])),
        ])
        #expect(gateway.routes[1].plugins.map(\.config) == [.rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .minute, limit: 60)]))])
        #expect(gateway.plugins.map(\.config) == [.rateLimiting(RateLimitingConfig(limits: [PeriodLimit(period: .second, limit: 10)]))])
        #expect(messages == [
            "k8s/ingress.yaml:12:21: warning: the exact path '/api/orders-v2' is read as a path prefix: meshsim's gateway routes match prefixes, so paths below it also match",
        ])
    }

    @Test func aKongPluginWithoutPluginIsAnErrorAtTheObject() throws {
        let plugin = "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nmetadata: { name: auth }\nconfig: { key_names: [apikey] }\n"
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/plugin.yaml": plugin])
        #expect(loaded.scenario == nil)
        #expect(messages == [
            "k8s/plugin.yaml:2:1: error: KongPlugin auth has no plugin: field; which Kong plugin is it? (key-auth, jwt, rate-limiting, ...)",
        ])
    }

    @Test func anAnnotationNamingAMissingKongPluginIsAnError() throws {
        let ingress = Self.ingress.replacingOccurrences(of: "\"auth, limit\"", with: "\"auht\"")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/plugins.yaml": Self.plugins, "k8s/ingress.yaml": ingress])
        #expect(loaded.scenario == nil)
        #expect(messages.filter { $0.contains("error") } == [
            "k8s/ingress.yaml:5:38: error: Ingress shop: konghq.com/plugins names 'auht', but no KongPlugin in namespace default nor KongClusterPlugin has that name; did you mean 'auth'?",
        ])
    }

    @Test func aKeyInAStringDataSecretAndAJWTSecretAreCredentialsToo() throws {
        let manifests = """
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: { name: jwt, labels: { global: "true" } }
            plugin: jwt
            ---
            apiVersion: configuration.konghq.com/v1
            kind: KongConsumer
            metadata: { name: partner }
            username: partner
            credentials: [partner-jwt, partner-acl]
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: partner-jwt, labels: { konghq.com/credential: jwt } }
            stringData: { key: issuer-p, algorithm: HS256, secret: s }
            ---
            apiVersion: v1
            kind: Secret
            metadata: { name: partner-acl, labels: { konghq.com/credential: acl } }
            stringData: { group: gold }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/m.yaml": manifests])
        let gateway = try #require(loaded.scenario?.gateway)
        #expect(gateway.routes.isEmpty)
        #expect(gateway.plugins.map(\.config) == [.jwt(JWTConfig(issuers: ["issuer-p": "partner"]))])
        #expect(gateway.consumers.map(\.groups) == [["gold"]])
        // No route: the global jwt plugin guards nothing.
        #expect(messages == ["k8s/m.yaml:7:1: warning: consumer partner's credentials have no effect: no route runs key-auth or jwt"])
    }

    @Test func aBase64ErrorInASecretIsAnError() throws {
        let manifests = Self.plugins.replacingOccurrences(of: "ay13ZWI=", with: "not*base64")
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario, "k8s/m.yaml": manifests])
        defer { fixture.remove() }
        #expect(fixture.messages(fixture.load()) == ["k8s/m.yaml:29:14: error: Secret web-key: data.key is not base64; the cluster rejects it"])
    }

    /// The annotation's value goes on as written, for the gateway.services decoder to judge.
    @Test func aReadTimeoutAnnotationIsTheServicesReadTimeout() throws {
        let scenario = try YAMLParser.parse(Self.scenario, file: "s.yaml")
        let objects = try ManifestFixture.objects(Self.ingress, file: "ingress.yaml")
        let (fragment, _) = ManifestTranslation.translate(objects, scenario: scenario, namespace: "default")
        #expect(fragment["gateway", "services", "orders"]?.flowText == "{retries: \"1\", read_timeout: \"2500\"}")
        #expect(fragment["gateway", "routes"]?.items.map { $0["timeout"] == nil } == [true])
    }

    /// Kong's nonzero_timeout takes 1 … 2147483646 ms: the gateway.services decoder says so
    /// at the annotation's value ("0" at column 43 of line 18).
    @Test func aReadTimeoutAnnotationOfZeroIsAnError() throws {
        let ingress = Self.ingress.replacingOccurrences(of: "konghq.com/read-timeout: \"2500\"", with: "konghq.com/read-timeout: \"0\"")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/ingress.yaml": ingress, "k8s/plugins.yaml": Self.plugins])
        #expect(loaded.scenario == nil)
        #expect(messages.filter { $0.contains("error") } == ["k8s/ingress.yaml:18:43: error: gateway.services.orders.read_timeout must be between 1 and 2147483646, not 0"])
    }

    @Test func anHTTPRouteWeightThatIsNotAnIntegerIsAnError() throws {
        let route = Self.httpRoute.replacingOccurrences(of: "backendRefs: [{ name: users, port: 80 }]", with: "backendRefs: [{ name: users, weight: 2.5 }, { name: orders, weight: 1 }]")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/route.yaml": route, "k8s/plugins.yaml": Self.plugins])
        #expect(loaded.scenario == nil)
        #expect(messages == [
            "k8s/route.yaml:11:44: error: HTTPRoute users: a backendRef weight must be a whole number from 0 to 1000000, not '2.5'; the cluster rejects it",
        ])
    }

    @Test func severalBackendRefsBecomeWeightedBackends() throws {
        let route = Self.httpRoute.replacingOccurrences(of: "backendRefs: [{ name: users, port: 80 }]", with: "backendRefs: [{ name: users, weight: 90 }, { name: orders }]")
            .replacingOccurrences(of: ", annotations: { konghq.com/plugins: limit }", with: "")
        let scenario = try YAMLParser.parse(Self.scenario, file: "s.yaml")
        let (fragment, diagnostics) = ManifestTranslation.translate(try ManifestFixture.objects(route, file: "route.yaml"), scenario: scenario, namespace: "default")
        #expect(diagnostics.isEmpty)
        let backends = try #require(fragment["gateway", "routes"]?.items.first?["backends"]?.items)
        #expect(backends.map { $0["service"]?.text } == ["users", "orders"])
        // Gateway API's default weight is 1.
        #expect(backends.map { $0["weight"]?.text } == ["90", "1"])
        #expect(fragment["gateway", "routes"]?.items.first?["service"] == nil)
    }

    @Test func anUnmodelledPluginIsNamedOnce() throws {
        let cors = "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nmetadata: { name: cors-a }\nplugin: cors\n---\n"
            + "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nmetadata: { name: cors-b }\nplugin: cors\n"
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/cors.yaml": cors])
        #expect(loaded.scenario?.gateway?.plugins.isEmpty == true)
        #expect(messages == ["k8s/cors.yaml:4:9: warning: ignored: Kong plugin cors has no effect in the simulation"])
    }

    @Test func anIngressOfAnotherClassIsLeftOut() throws {
        let ingress = Self.ingress.replacingOccurrences(of: "ingressClassName: kong", with: "ingressClassName: nginx")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/ingress.yaml": ingress])
        #expect(loaded.scenario?.gateway == nil)
        // Without a gateway the client must name its target.
        #expect(messages == [
            "k8s/ingress.yaml:2:1: warning: ignored: Ingress shop is for the ingress class 'nginx', not kong",
            "scenario.yaml:4:11: error: clients[0].target is required when there is no gateway section (write a service name)",
        ])
    }
}
