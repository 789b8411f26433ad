import Foundation
import Scenario
import Testing
@testable import ManifestImport

/// Issue 20's Kong features as the import writes them into the scenario tree: decK
/// consumers (with ACL groups), upstreams and service settings; KongConsumer credential
/// Secrets, KongUpstreamPolicy and the Service annotations of the Kong Ingress Controller.
/// Expected trees are written by hand from Kong's and the controller's documented shapes
/// (a KongUpstreamPolicy from the controller's own golden test).
@Suite struct KongGatewayImportTests {
    static let scenario = """
        name: shop
        duration: 1m
        services:
          orders: { latency: 5ms }
          users: { latency: 5ms }

        """

    /// The gateway part of the tree the files translate to, and the messages.
    static func gateway(_ files: [(name: String, text: String)], scenario: String = Self.scenario) throws -> (YAMLNode?, [String]) {
        let objects = try files.flatMap { try ManifestFixture.objects($0.text, file: $0.name) }
        let (fragment, diagnostics) = ManifestTranslation.translate(objects, scenario: try YAMLParser.parse(scenario, file: "s.yaml"), namespace: "default")
        return (fragment["gateway"], diagnostics.map(\.description))
    }

    /// Every scalar and list under `node` by its dotted path, as flow text: trees compared
    /// whatever the order of their keys.
    static func leaves(_ node: YAMLNode?, _ path: String = "") -> [String: String] {
        guard let node else { return [:] }
        guard case .mapping(let entries) = node.value else { return [path: node.flowText.replacingOccurrences(of: "\"", with: "")] }
        var result: [String: String] = [:]
        for entry in entries {
            result.merge(leaves(entry.value, path.isEmpty ? entry.key : "\(path).\(entry.key)")) { first, _ in first }
        }
        return result
    }

    @Test func decKConsumersBecomeGatewayConsumersInDecKsShape() throws {
        let deck = """
            _format_version: "3.0"
            consumers:
              - username: alice
                custom_id: a-1
                tags: [team-a]
                keyauth_credentials: [{ key: alice-key, tags: [x] }, {}]
                jwt_secrets: [{ id: 5b1c0b1e-0000-4000-8000-000000000001, key: issuer-a, algorithm: HS256, secret: s3cr3t }]
                acls: [{ group: gold }, { group: beta, tags: [y] }]
              - custom_id: batch
                acls: [{ group: internal }]

            """
        let (gateway, messages) = try Self.gateway([("kong.yaml", deck)])
        // The username, else the custom_id; ids and tags only label a credential; a key Kong
        // would make up is left out.
        #expect(gateway?["consumers"]?.flowText == "[{username: alice, keyauth_credentials: [{key: alice-key}], "
            + "jwt_secrets: [{key: issuer-a, algorithm: HS256, secret: s3cr3t}], acls: [{group: gold}, {group: beta}]}, "
            + "{username: batch, acls: [{group: internal}]}]")
        #expect(gateway?["plugins"] == nil)
        #expect(messages == [
            "kong.yaml:6:58: warning: a key-auth credential without a key gets one Kong makes up, which no scenario client can send; it is left out",
        ])
    }

    /// The upstream a service's host names becomes the upstream of the service its targets
    /// name; the first Kong service of a scenario service gives its settings, and a later
    /// one's routes carry their own timeout and retries (Kong's defaults: 60000 ms, 5).
    @Test func decKUpstreamsAndServiceSettingsGoToTheirScenarioService() throws {
        let deck = """
            _format_version: "3.0"
            upstreams:
              - name: orders-up
                algorithm: consistent-hashing
                hash_on: header
                hash_on_header: x-user
                slots: 100
                healthchecks: { passive: { unhealthy: { http_failures: 3 } } }
                tags: [shop]
                targets: [{ target: "orders.default.svc:8080", weight: 100 }]
              - name: spare-up
                targets: [{ target: "users:80" }]
            services:
              - name: orders-svc
                host: orders-up
                retries: 2
                connect_timeout: 1000
                read_timeout: 2500
                write_timeout: 3000
                routes: [{ name: orders, paths: [/api/orders] }]
              - name: orders-admin
                host: orders
                routes: [{ name: admin, paths: [/admin/orders] }]
              - name: users-svc
                host: users
                read_timeout: 2500
                routes: [{ name: users, paths: [/api/users] }]

            """
        let (gateway, messages) = try Self.gateway([("kong.yaml", deck)])
        #expect(gateway?["upstreams"]?.flowText
            == "{orders: {algorithm: consistent-hashing, hash_on: header, hash_on_header: x-user, slots: 100, healthchecks: {passive: {unhealthy: {http_failures: 3}}}}}")
        #expect(gateway?["services"]?.flowText
            == "{orders: {retries: 2, connect_timeout: 1000, read_timeout: 2500, write_timeout: 3000}, users: {read_timeout: 2500}}")
        let routes = gateway?["routes"]?.items ?? []
        #expect(routes.map { $0["service"]?.text } == ["orders", "orders", "users"])
        #expect(routes.map { $0["timeout"]?.text } == [nil, "60000ms", nil])
        #expect(routes.map { $0["retries"]?.text } == [nil, "5", nil])
        #expect(messages == [
            "kong.yaml:22:11: warning: Kong service orders-admin reaches 'orders' by its host, and orders-svc through Kong upstream 'orders-up'; meshsim balances every gateway call to a service one way, the first one's",
            "kong.yaml:11:5: warning: ignored: Kong upstream 'spare-up' is the host of no service of the file, so Kong sends nothing through it",
        ])
    }

    /// Two Kong services of one host with the same settings need nothing on their routes.
    @Test func aSecondKongServiceWithTheSameSettingsAddsNothingToItsRoutes() throws {
        let deck = """
            _format_version: "3.0"
            services:
              - { name: a, host: orders, retries: 3, routes: [{ name: ra }] }
              - { name: b, host: orders, retries: 3, read_timeout: 60000, routes: [{ name: rb }] }

            """
        let (gateway, messages) = try Self.gateway([("kong.yaml", deck)])
        #expect(gateway?["services"]?.flowText == "{orders: {retries: 3}}")
        #expect(gateway?["routes"]?.items.map { $0["retries"]?.text } == [nil, nil])
        #expect(messages.isEmpty)
    }

    static let consumers = """
        apiVersion: configuration.konghq.com/v1
        kind: KongConsumer
        metadata: { name: partner, annotations: { kubernetes.io/ingress.class: kong } }
        username: partner
        credentials: [partner-key, partner-jwt, partner-gold, partner-beta]
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: partner-key, labels: { konghq.com/credential: key-auth } }
        stringData: { key: k-partner }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: partner-jwt, labels: { konghq.com/credential: jwt } }
        stringData: { key: issuer-p, algorithm: HS256, secret: s }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: partner-gold, labels: { konghq.com/credential: acl } }
        data: { group: Z29sZA== }
        ---
        apiVersion: v1
        kind: Secret
        metadata: { name: partner-beta, labels: { konghq.com/credential: acl } }
        stringData: { group: beta }

        """

    @Test func aKongConsumersCredentialSecretsBecomeItsKeysSecretsAndGroups() throws {
        let (gateway, messages) = try Self.gateway([("consumers.yaml", Self.consumers)])
        // data is base64 ("Z29sZA==" is "gold").
        #expect(gateway?["consumers"]?.flowText == "[{username: partner, keyauth_credentials: [{key: k-partner}], "
            + "jwt_secrets: [{key: issuer-p, algorithm: HS256, secret: s}], acls: [{group: \"gold\"}, {group: beta}]}]")
        #expect(messages.isEmpty)
    }

    @Test func anACLSecretWithoutAGroupIsAnError() throws {
        let manifests = Self.consumers.replacingOccurrences(of: "stringData: { group: beta }", with: "stringData: { groups: beta }")
        let (_, messages) = try Self.gateway([("consumers.yaml", manifests)])
        #expect(messages == [
            "consumers.yaml:23:1: error: Secret partner-beta: an acl credential needs a group; the controller's validation rejects it without one",
        ])
    }

    /// The controller's golden test kongupstreampolicy-ingress: its input (a Service
    /// annotated with the policy, an Ingress, the KongUpstreamPolicy) and the upstream Kong
    /// gets, whose fields (less name and tags) are the scenario's upstream.
    @Test func aKongUpstreamPolicyGivesTheUpstreamOfTheControllersGoldenTest() throws {
        let fixtures = UpstreamExampleTests.fixtures
        let input = try String(contentsOfFile: fixtures + "/kic-upstream-policy.yaml", encoding: .utf8)
        let golden = try YAMLParser.parse(String(contentsOfFile: fixtures + "/kic-upstream-policy-golden.yaml", encoding: .utf8), file: "golden.yaml")
        let expected = try #require(golden["upstreams"]?.items.first).removing(["name", "tags"])
        let (gateway, messages) = try Self.gateway([("in.yaml", input)], scenario: "name: t\nduration: 1m\n")
        #expect(Self.leaves(gateway?["upstreams", "httpbin-deployment"]) == Self.leaves(expected))
        #expect(Self.leaves(expected).count == 23)
        #expect(!messages.contains { $0.contains("error") })
    }

    static let annotated = """
        apiVersion: v1
        kind: Service
        metadata:
          name: orders
          annotations:
            konghq.com/upstream-policy: sticky
            konghq.com/retries: "1"
            konghq.com/read-timeout: "2500"
            konghq.com/connect-timeout: "500"
            konghq.com/write-timeout: "700"
        spec: { selector: { app: orders } }
        ---
        apiVersion: configuration.konghq.com/v1beta1
        kind: KongUpstreamPolicy
        metadata: { name: sticky }
        spec:
          algorithm: consistent-hashing
          hashOn: { input: consumer }
          hashOnFallback: { header: x-user }
          healthchecks:
            threshold: 50
            passive: { unhealthy: { httpFailures: 3, httpStatuses: [500, 503] }, healthy: { successes: 5 } }
          stickySessions: { cookie: s }
          hashOnFallbak: {}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: { name: shop }
        spec:
          ingressClassName: kong
          rules:
            - http:
                paths:
                  - { path: /api/orders, pathType: Prefix, backend: { service: { name: orders, port: { number: 80 } } } }
                  - { path: /v2/orders, pathType: Prefix, backend: { service: { name: orders, port: { number: 80 } } } }

        """

    /// The annotations' values as written (Kong's units: ms); camelCase to Kong's snake_case;
    /// an unknown spec field is dropped by the API server (a warning with a did-you-mean).
    @Test func aServicesAnnotationsGiveItsSettingsAndUpstream() throws {
        let (gateway, messages) = try Self.gateway([("k8s.yaml", Self.annotated)])
        #expect(gateway?["services"]?.flowText == "{orders: {retries: \"1\", connect_timeout: \"500\", read_timeout: \"2500\", write_timeout: \"700\"}}")
        #expect(gateway?["upstreams"]?.flowText == "{orders: {algorithm: consistent-hashing, hash_on: consumer, hash_fallback: \"header\", hash_fallback_header: x-user, "
            + "healthchecks: {threshold: 50, passive: {unhealthy: {http_failures: 3, http_statuses: [500, 503]}, healthy: {successes: 5}}}, sticky_sessions_cookie: s}}")
        #expect(gateway?["routes"]?.items.map { $0["timeout"] == nil && $0["retries"] == nil } == [true])
        #expect(messages == [
            "k8s.yaml:24:3: warning: ignored: KongUpstreamPolicy sticky: spec.hashOnFallbak is not a field of KongUpstreamPolicy; did you mean 'hashOnFallback'?; the API server drops it",
        ])
    }

    @Test func anUpstreamPolicyNoObjectHasIsAnErrorWithADidYouMean() throws {
        let manifests = Self.annotated.replacingOccurrences(of: "konghq.com/upstream-policy: sticky", with: "konghq.com/upstream-policy: stiky")
        let (gateway, messages) = try Self.gateway([("k8s.yaml", manifests)])
        #expect(gateway?["upstreams"] == nil)
        #expect(messages.filter { $0.contains("error") } == [
            "k8s.yaml:6:33: error: Service orders: konghq.com/upstream-policy names 'stiky', but no KongUpstreamPolicy in namespace default has that name; did you mean 'sticky'?",
        ])
    }

    /// acl, request-termination, proxy-cache and the transformers are modelled: their
    /// KongPlugins (and a global KongClusterPlugin) go on as written.
    @Test func theNewPluginsPassThroughAsWritten() throws {
        let plugins = ["acl", "request-termination", "proxy-cache", "request-transformer", "response-transformer"].map { name in
            "apiVersion: configuration.konghq.com/v1\nkind: KongPlugin\nmetadata: { name: p-\(name) }\nplugin: \(name)\nconfig: { x: 1 }\n---\n"
        }.joined() + """
            apiVersion: configuration.konghq.com/v1
            kind: KongClusterPlugin
            metadata: { name: gold-only, labels: { global: "true" } }
            plugin: acl
            config: { allow: [gold], hide_groups_header: false }
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: shop
              annotations: { konghq.com/plugins: "p-acl, p-request-termination, p-proxy-cache, p-request-transformer, p-response-transformer" }
            spec:
              ingressClassName: kong
              rules: [{ http: { paths: [{ path: /api, pathType: Prefix, backend: { service: { name: orders, port: { number: 80 } } } }] } }]

            """
        let deck = """
            _format_version: "3.0"
            plugins:
              - { name: request-termination, config: { status_code: 503, message: down, trigger: x-maintenance } }

            """
        let (gateway, messages) = try Self.gateway([("kong.yaml", deck), ("k8s.yaml", plugins)])
        #expect(gateway?["plugins"]?.flowText == "[{name: request-termination, config: {status_code: 503, message: down, trigger: x-maintenance}}, "
            + "{name: acl, config: {allow: [gold], hide_groups_header: false}}]")
        #expect(gateway?["routes"]?.items.first?["plugins"]?.items.map { $0.flowText } == [
            "{name: acl, config: {x: 1}}", "{name: request-termination, config: {x: 1}}", "{name: proxy-cache, config: {x: 1}}",
            "{name: request-transformer, config: {x: 1}}", "{name: response-transformer, config: {x: 1}}",
        ])
        #expect(messages.isEmpty)
    }

    /// The decK upstream and settings as the gateway decodes them: a route without its own
    /// timeout and retries takes its service's; the second Kong service's route keeps Kong's defaults.
    @Test func decKUpstreamsAndSettingsDecode() throws {
        let deck = """
            _format_version: "3.0"
            upstreams:
              - name: orders-up
                algorithm: consistent-hashing
                hash_on: header
                hash_on_header: x-user
                slots: 100
                healthchecks: { passive: { unhealthy: { http_failures: 3 } } }
                targets: [{ target: "orders.default.svc:8080" }]
            services:
              - { name: orders-svc, host: orders-up, retries: 2, read_timeout: 2500, routes: [{ name: orders, paths: [/api/orders] }] }
              - { name: orders-admin, host: orders-up, routes: [{ name: admin, paths: [/admin/orders] }] }

            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario + "clients: [{ name: web, rate: 10/s }]\nmanifests: [kong/]\n", "kong/kong.yaml": deck])
        let gateway = try #require(loaded.scenario?.gateway)
        let upstream = try #require(gateway.upstreams.first)
        #expect(gateway.upstreams.count == 1)
        #expect(upstream.service == "orders")
        #expect(upstream.algorithm == .consistentHashing)
        #expect(upstream.hashOn == .header("x-user"))
        #expect(upstream.slots == 100)
        #expect(upstream.healthchecks.passive.unhealthy.httpFailures == 3)
        // Kong's default passive unhealthy statuses (upstreams.lua).
        #expect(upstream.healthchecks.passive.unhealthy.httpStatuses == [429, 500, 503])
        #expect(gateway.services.map { [$0.retries, Int($0.readTimeout / 1_000_000)] } == [[2, 2500]])
        #expect(gateway.routes.map(\.timeout) == [2_500_000_000, 60_000_000_000])
        #expect(gateway.routes.map(\.retries) == [2, 5])
        #expect(messages.isEmpty)
    }

    @Test func aPolicyFieldThatIsNotAnObjectIsAnError() throws {
        let manifests = Self.annotated.replacingOccurrences(of: "hashOn: { input: consumer }", with: "hashOn: [consumer]")
        let (_, messages) = try Self.gateway([("k8s.yaml", manifests)])
        #expect(messages.filter { $0.contains("error") } == [
            "k8s.yaml:18:11: error: KongUpstreamPolicy sticky: spec.hashOn must be a mapping, not a list; the API server rejects it",
        ])
    }

    /// The annotated Service's policy and settings as the gateway decodes them.
    @Test func aKongUpstreamPolicyAndServiceAnnotationsDecode() throws {
        let manifests = Self.annotated.replacingOccurrences(of: "    threshold: 50\n", with: "")
            .replacingOccurrences(of: "  stickySessions: { cookie: s }\n  hashOnFallbak: {}\n", with: "")
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario + "clients: [{ name: web, rate: 10/s }]\nmanifests: [k8s/]\n", "k8s/k8s.yaml": manifests])
        let gateway = try #require(loaded.scenario?.gateway)
        let upstream = try #require(gateway.upstreams.first)
        #expect(upstream.service == "orders")
        #expect(upstream.algorithm == .consistentHashing)
        #expect(upstream.hashOn == .consumer)
        #expect(upstream.hashFallback == .header("x-user"))
        #expect(upstream.healthchecks.passive.unhealthy.httpFailures == 3)
        #expect(upstream.healthchecks.passive.unhealthy.httpStatuses == [500, 503])
        #expect(upstream.healthchecks.passive.healthy.successes == 5)
        let settings = try #require(gateway.services.first)
        #expect(settings.retries == 1)
        #expect([settings.connectTimeout, settings.readTimeout, settings.writeTimeout] == [500_000_000, 2_500_000_000, 700_000_000])
        #expect(gateway.routes.map(\.timeout) == [2_500_000_000])
        #expect(gateway.routes.map(\.retries) == [1])
        #expect(messages.isEmpty)
    }
}
