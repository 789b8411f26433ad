import Testing
@testable import Scenario

/// `gateway.kind` and `gateway.http`: decoding, Istio's identity defaults, and what the
/// validator says about Kong's objects under Istio's ingress gateway.
@Suite struct IstioGatewayCheckTests {
    private func validate(_ gateway: String, mesh: Bool = true) -> [String] {
        let text = DecodeFixture.header + "mesh: { enabled: \(mesh) }\n" + gateway
            + "\nclients: [{ name: web, rate: 1/s }]\n"
            + "services: { orders: { versions: { v1: {}, v2: {} } } }\n"
        guard let scenario = DecodeFixture.scenario(text) else { return [] }
        return ScenarioValidator.validate(scenario).map { "\($0.location.line): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func kindHTTPAndIdentityDefaults() throws {
        let text = DecodeFixture.header + """
            gateway:
              kind: istio
              http:
                - name: canary
                  match: [{ uri: { prefix: /api } }]
                  route:
                    - { destination: { host: orders, subset: v1 }, weight: 90 }
                    - { destination: { host: orders, subset: v2 }, weight: 10 }
                  retries: { attempts: 3, retryOn: 5xx }
            clients: [{ name: web, rate: 1/s }]
            services: { orders: { versions: { v1: {}, v2: {} } } }
            """
        let gateway = try #require(DecodeFixture.scenario(text)?.gateway)
        #expect(gateway.kind == .istio)
        #expect(gateway.http.map(\.name) == ["canary"])
        #expect(gateway.http[0].route.map(\.destination) == [Destination(host: "orders", subset: "v1"), Destination(host: "orders", subset: "v2")])
        #expect(gateway.http[0].retries?.attempts == 3)
        // Istio's istio-ingressgateway chart.
        #expect(gateway.identity.principal == "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account")
        #expect(gateway.identity.labels == ["app": "istio-ingressgateway", "istio": "ingressgateway"])
        let kong = try #require(DecodeFixture.scenario(DecodeFixture.header + "gateway: {}\nclients: [{ name: web, rate: 1/s }]\n" + DecodeFixture.service)?.gateway)
        #expect(kong.kind == .kong)
        #expect(kong.identity.principal == "cluster.local/ns/kong/sa/kong")
    }

    @Test func anUnknownKindSuggestsTheClosest() {
        let messages = DecodeFixture.messages(DecodeFixture.header + "gateway: { kind: istoi }\n" + DecodeFixture.client + DecodeFixture.service)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("did you mean 'istio'") == true || messages.first?.contains("did you mean \"istio\"") == true, "\(messages)")
    }

    @Test func istioNeedsTheMesh() {
        #expect(validate("gateway: { kind: istio, http: [{ route: [{ destination: { host: orders } }] }] }", mesh: false) == [
            "4: error: Istio's ingress gateway is part of the mesh; set mesh.enabled: true",
        ])
    }

    @Test func destinationsNameAServiceAndAnExistingSubset() {
        let messages = validate("""
            gateway:
              kind: istio
              http:
                - route:
                    - { destination: { subset: v1 } }
                    - { destination: { host: ordrs } }
                    - { destination: { host: orders, subset: v3 } }
            """)
        #expect(messages.count == 3)
        #expect(messages[0] == "8: error: gateway.http[0] destination needs a host: the ingress gateway's VirtualService may route to any service")
        #expect(messages[1].hasPrefix("9: error: gateway.http[0] destination: no service named \"ordrs\"; did you mean \"orders\"?"))
        #expect(messages[2].hasPrefix("10: error: gateway.http[0] destination: service \"orders\" has no version \"v3\""))
    }

    @Test func eachKongObjectUnderIstioSaysWhatTheIngressGatewayCannotEnforce() {
        let messages = validate("""
            gateway:
              kind: istio
              http: [{ route: [{ destination: { host: orders } }] }]
              plugins:
                - { name: key-auth, config: { key_names: [apikey] } }
                - { name: rate-limiting, config: { minute: 300, limit_by: consumer, policy: cluster } }
                - { name: proxy-cache, config: { strategy: memory, cache_ttl: 30 } }
                - { name: local-rate-limit, config: { max_tokens: 10, fill_interval: 1s } }
              routes: [{ name: all, service: orders }]
            """).filter { $0.contains("Istio's ingress gateway") }
        #expect(messages == [
            "8: warning: Istio's ingress gateway cannot enforce key-auth (Istio has no API keys; authenticate with JWT through a RequestAuthentication); ignored",
            "9: warning: Istio's ingress gateway cannot enforce rate-limiting (a quota per consumer shared across replicas, as policy cluster keeps it, "
                + "needs Envoy's global rate limit service; Envoy's local rate limit counts per replica); ignored",
            "10: warning: Istio's ingress gateway cannot enforce proxy-cache (Envoy in Istio's default ingress gateway has no response cache); ignored",
            "12: warning: Istio's ingress gateway cannot enforce Kong routes (gateway.routes) (it routes by its VirtualService: write the routes as gateway.http); ignored",
        ])
    }

    @Test func httpUnderKongIsIgnoredWithAWarning() {
        let messages = validate("""
            gateway:
              routes: [{ name: all, service: orders }]
              http: [{ route: [{ destination: { host: orders } }] }]
            """)
        #expect(messages == ["6: warning: gateway.http is read only with gateway.kind: istio (Kong routes by gateway.routes); ignored"])
    }

    @Test func aRolloutDoesNotMoveTheGatewaysWeights() {
        let messages = validate("""
            gateway:
              kind: istio
              http: [{ route: [{ destination: { host: orders, subset: v1 } }] }]
            rollout:
              service: orders
              stable: v1
              canary: v2
              start: 1m
              analysis: { interval: 1m, threshold: 5, stepWeight: 10, maxWeight: 50 }
            """).filter { $0.contains("rollout") }
        #expect(messages == [
            "6: warning: the rollout moves the weights of the VirtualService of orders; gateway.http sends to the clusters "
                + "of orders itself, so the gateway's traffic keeps this rule's weights",
        ])
    }
}
