import Testing
@testable import Scenario

/// acl, request-termination, the transformers, decK consumers and plugin names, checked
/// against Kong's schemas (kong/plugins/*/schema.lua, kong/constants.lua).
@Suite struct DecodeAccessPluginTests {
    /// A gateway whose `plugins:` list starts on line 6.
    private func text(_ plugins: String, consumers: String = "") -> String {
        DecodeFixture.header + "clients: [{ name: web, rate: 1/s }]\ngateway:\n  plugins:\n" + plugins + "\n" + consumers + DecodeFixture.service
    }

    private func messages(_ plugins: String, consumers: String = "") -> [String] {
        DecodeFixture.messages(text(plugins, consumers: consumers))
    }

    @Test func defaultsAreKongs() throws {
        let yaml = """
                - { name: acl, config: { deny: [banned] } }
                - { name: request-termination }
                - { name: request-transformer }
                - { name: response-transformer, latency: 1ms }
            """
        let plugins = try #require(DecodeFixture.scenario(text(yaml))?.gateway?.plugins)
        #expect(plugins[0].config == .acl(ACLConfig(rule: .deny(["banned"]), hideGroupsHeader: false)))
        #expect(plugins[1].config == .requestTermination(RequestTerminationConfig(statusCode: 503)))
        #expect(plugins[2].config == .requestTransformer(TransformerConfig()))
        #expect(plugins[3].config == .responseTransformer(TransformerConfig(latency: .constant(1_000_000))))
    }

    @Test func writtenFieldsDecode() throws {
        let yaml = """
                - name: acl
                  config: { allow: [gold, beta], hide_groups_header: true, always_use_authenticated_groups: false }
                - name: request-termination
                  config: { status_code: 410, body: "<h1>gone</h1>", content_type: text/html, trigger: X-Sunset }
                - name: request-transformer
                  config:
                    remove: { headers: [x-debug] }
                    rename: { headers: ["x-old:x-new"] }
                    replace: { headers: ["x-tier:gold"] }
                    add: { headers: ["x-canary:true", "x-url:http://a:b"] }
                    append: { headers: ["x-trace:edge"] }
            """
        let plugins = try #require(DecodeFixture.scenario(text(yaml))?.gateway?.plugins)
        #expect(plugins[0].config == .acl(ACLConfig(rule: .allow(["gold", "beta"]), hideGroupsHeader: true)))
        #expect(plugins[1].config == .requestTermination(RequestTerminationConfig(
            statusCode: 410, body: "<h1>gone</h1>", contentType: "text/html", trigger: "X-Sunset")))
        // Kong's ^([^:]+):*(.-)$: the name ends at the first colon, the value keeps later ones.
        #expect(plugins[2].config == .requestTransformer(TransformerConfig(
            remove: ["x-debug"], rename: [Header(name: "x-old", value: "x-new")], replace: [Header(name: "x-tier", value: "gold")],
            add: [Header(name: "x-canary", value: "true"), Header(name: "x-url", value: "http://a:b")],
            append: [Header(name: "x-trace", value: "edge")])))
    }

    @Test func schemaViolationsAreErrorsWithLocations() {
        let yaml = """
                - { name: acl, config: { allow: [a], deny: [b] } }
                - { name: request-termination, config: { status_code: 600, message: m, body: b } }
                - { name: request-transformer, config: { add: { headers: [x-canary] } } }
                - { name: response-transformer, config: { add: { headers: ["x:1"], colour: [] } } }
            """
        #expect(messages(yaml) == [
            "6:42: error: gateway.plugins[0].config must have only one of allow or deny, not both (Kong's only_one_of)",
            "7:59: error: gateway.plugins[1].config.status_code must be between 100 and 599, not 600",
            "7:64: error: gateway.plugins[1].config: message cannot be used with content_type or body (Kong answers either {\"message\": …} or the raw body)",
            "8:63: error: gateway.plugins[2].config.add.headers[0] must be 'name:value', not 'x-canary'",
            "9:72: error: unknown key 'colour' in gateway.plugins[3].config.add; valid keys are: headers, json, json_types",
        ])
    }

    @Test func aclNeedsOneNonEmptyList() {
        #expect(messages("    - { name: acl }") == [
            "6:7: error: gateway.plugins[0].config needs one of allow or deny: the groups let through, or the groups refused",
        ])
        #expect(messages("    - { name: acl, config: { allow: [] } }") == [
            "6:37: error: gateway.plugins[0].config.allow must list at least one group",
        ])
    }

    @Test func terminationChecksContentTypeEchoAndTrigger() {
        let yaml = """
                - { name: request-termination, config: { content_type: text/plain, trigger: "x maintenance" } }
            """
        #expect(messages(yaml) == [
            "6:46: error: gateway.plugins[0].config: content_type requires a body",
            "6:81: error: gateway.plugins[0].config.trigger 'x maintenance' is not a valid header name: Kong allows A-Z, a-z, 0-9, '_' and '-'",
        ])
        #expect(messages("    - { name: request-termination, config: { echo: true, body: b } }") == [
            "6:46: error: gateway.plugins[0].config: echo cannot be used with content_type and body",
        ])
    }

    @Test func transformerPartsWithoutEffectWarnAndTemplatesAreRefused() {
        let yaml = """
                - name: request-transformer
                  config: { add: { body: ["a:1"], querystring: [] }, http_method: POST }
                - name: response-transformer
                  config: { replace: { json: ["a:1"] } }
                - name: request-transformer
                  config: { add: { headers: ["x-user:$(headers.x-id)"] } }
            """
        #expect(messages(yaml).sorted() == [
            "10:13: error: plugin name 'request-transformer' is used twice (first at line 6)",
            "11:34: error: gateway.plugins[2].config.add.headers[0] uses a Kong template ('$(headers.x-id)'), which meshsim does not render; write the value it gives",
            "7:24: warning: gateway.plugins[0].config.add.body has no effect in a simulation (meshsim requests and answers carry no bodies)",
            "7:58: error: gateway.plugins[0].config.http_method is a Kong field that meshsim does not simulate",
            "9:28: warning: gateway.plugins[1].config.replace.json has no effect in a simulation (meshsim requests and answers carry no bodies)",
        ])
    }

    @Test func pluginNamesAreKongsBundledOnes() throws {
        let yaml = """
                - { name: cors, config: { origins: ["*"] } }
                - { name: prometheus }
                - { name: acll, config: { allow: [a] } }
                - { name: my-custom-plugin }
            """
        #expect(messages(yaml) == [
            "6:9: warning: gateway.plugins[0]: Kong plugin cors has no effect in the simulation (meshsim models \(Plugin.names.joined(separator: ", ")))",
            "7:9: warning: gateway.plugins[1]: Kong plugin prometheus has no effect in the simulation (meshsim models \(Plugin.names.joined(separator: ", ")))",
            "8:15: error: gateway.plugins[2].name 'acll' is not one of Kong's bundled plugins; did you mean 'acl'?",
            "9:15: error: gateway.plugins[3].name 'my-custom-plugin' is not one of Kong's bundled plugins; meshsim models \(Plugin.names.joined(separator: ", "))",
        ])
        let accepted = try #require(DecodeFixture.decode(text("    - { name: cors }\n    - { name: acl, config: { allow: [a] } }")).scenario)
        #expect(accepted.gateway?.plugins.map(\.name) == ["acl"])
        #expect(KongBundledPlugins.names.count == 45)
        #expect(Plugin.names.filter { !KongBundledPlugins.names.contains($0) } == ["local-rate-limit"])
    }

    @Test func consumersJoinKeyAuthAndJWT() throws {
        let consumers = """
              consumers:
                - username: alice
                  keyauth_credentials: [{ key: alice-key }]
                  jwt_secrets: [{ key: https://issuer.example, algorithm: HS256, secret: s3cr3t }]
                  acls: [{ group: gold }, { group: beta }]
                - { username: bob, custom_id: b-17, acls: [{ group: silver, tags: [x] }] }

            """
        let yaml = """
                - { name: key-auth, consumers: { legacy-key: carol } }
                - { name: jwt }
            """
        let (scenario, diagnostics) = DecodeFixture.decode(text(yaml, consumers: consumers))
        let gateway = try #require(scenario?.gateway)
        #expect(gateway.consumers.map(\.username) == ["alice", "bob"])
        #expect(gateway.consumers[0].groups == ["gold", "beta"])
        #expect(gateway.consumers[0].jwtSecrets == [KongConsumer.JWTSecret(key: "https://issuer.example", algorithm: "HS256", secret: "s3cr3t")])
        #expect(gateway.plugins[0].config == .keyAuth(KeyAuthConfig(consumers: ["legacy-key": "carol", "alice-key": "alice"])))
        #expect(gateway.plugins[1].config == .jwt(JWTConfig(issuers: ["https://issuer.example": "alice"])))
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
            "13:24: gateway.consumers[1].custom_id has no effect in a simulation",
            "13:65: gateway.consumers[1].acls[0].tags has no effect in a simulation",
        ])
    }

    @Test func aKeyOfTwoConsumersAndATwiceWrittenUsernameAreErrors() {
        let consumers = """
              consumers:
                - { username: alice, keyauth_credentials: [{ key: k1 }] }
                - { username: bob, keyauth_credentials: [{ key: k1 }] }
                - { username: alice }
                - { username: dave, keyauth_credentials: [{ key: k2 }] }

            """
        #expect(messages("    - { name: key-auth, consumers: { k2: erin } }", consumers: consumers).sorted() == [
            "10:19: error: consumer name 'alice' is used twice (first at line 8)",
            "11:7: error: key-auth key 'k2' of consumer dave is mapped to erin by the key-auth plugin at line 6; a key belongs to one consumer",
            "9:7: error: key-auth key 'k1' of consumer bob already belongs to consumer alice (line 8); Kong keeps credential keys unique",
        ])
    }
}

@Suite struct GatewayAccessCheckTests {
    @Test func aclWithoutAuthenticationOrWithGroupsNobodyHasIsWarned() throws {
        let text = DecodeFixture.header + """
            clients: [{ name: web, rate: 1/s }]
            gateway:
              consumers: [{ username: alice, keyauth_credentials: [{ key: k }], acls: [{ group: gold }] }]
              plugins: [{ name: acl, config: { allow: [platinum] } }]
              routes:
                - { name: open, paths: [/open], service: orders }
                - { name: keyed, paths: [/keyed], service: orders, plugins: [{ name: key-auth }] }
            """ + "\n" + DecodeFixture.service
        let scenario = try #require(DecodeFixture.scenario(text))
        #expect(ScenarioValidator.validate(scenario).map { "\($0.location.line): \($0.message)" } == [
            "6: route \"open\": acl runs with no key-auth or jwt to identify a consumer, so Kong answers every request 401",
            "6: acl allows platinum, which no gateway.consumers entry belongs to, so every identified consumer gets 403",
        ])
    }

    @Test func credentialsWithoutAnAuthenticationPluginAreWarned() throws {
        let text = DecodeFixture.header + """
            clients: [{ name: web, rate: 1/s }]
            gateway:
              consumers: [{ username: alice, keyauth_credentials: [{ key: k }] }]
              routes: [{ name: open, service: orders }]
            """ + "\n" + DecodeFixture.service
        let scenario = try #require(DecodeFixture.scenario(text))
        #expect(ScenarioValidator.validate(scenario).map(\.message) == [
            "consumer alice's credentials have no effect: no route runs key-auth or jwt",
        ])
    }
}
