import Testing
@testable import Scenario

/// `mesh.peerAuthentications`, `mesh.authorizationPolicies` and `mesh.requestAuthentications`:
/// Istio's objects with their metadata's name and namespace beside the spec's fields.
@Suite struct DecodeSecurityPolicyTests {
    /// `mesh:` starts on line 5; `fields` start on line 7, indented by two spaces.
    static func text(_ fields: String) -> String {
        DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + "mesh:\n  enabled: true\n" + fields + "\n"
    }

    static func decode(_ text: String, namespace: String = "default") -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        do {
            return ScenarioDecoder.decode(try YAMLParser.parse(text, file: DecodeFixture.file), namespace: namespace)
        } catch {
            Issue.record("YAML did not parse: \(error)")
            return (nil, [])
        }
    }

    static func mesh(_ fields: String, namespace: String = "default", sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Mesh? {
        let (scenario, diagnostics) = decode(text(fields), namespace: namespace)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            Issue.record("unexpected errors:\n\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        return scenario?.mesh
    }

    static func messages(_ fields: String) -> [String] {
        decode(text(fields)).diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test func withoutPoliciesTheMeshHasNone() throws {
        let mesh = try #require(Self.mesh(""))
        #expect(mesh.rootNamespace == "istio-system")
        #expect(mesh.peerAuthentications.isEmpty && mesh.authorizationPolicies.isEmpty && mesh.requestAuthentications.isEmpty)
    }

    @Test func peerAuthentications() throws {
        let mesh = try #require(Self.mesh("""
              rootNamespace: mesh-root
              peerAuthentications:
                - { name: default, namespace: mesh-root, mtls: { mode: STRICT } }
                - name: orders
                  selector: { matchLabels: { app: orders } }
                  mtls: { mode: UNSET }
                  portLevelMtls: { 8080: { mode: PERMISSIVE }, 9090: { mode: UNSET }, 15000: {} }
                - { name: off, mtls: { mode: DISABLE } }
                - { name: bare }
            """))
        #expect(mesh.rootNamespace == "mesh-root")
        let peers = mesh.peerAuthentications
        try #require(peers.count == 4)
        #expect(peers[0].name == "default" && peers[0].namespace == "mesh-root" && peers[0].selector == nil && peers[0].mode == .strict)
        #expect(peers[1].namespace == nil)
        #expect(peers[1].selector?.matchLabels == ["app": "orders"])
        #expect(peers[1].selector?.location == SourceLocation(file: "s.yaml", line: 11, column: 17))
        #expect(peers[1].mode == nil)
        // UNSET (written or not) is a key with a nil mode: the port inherits the workload's.
        let unset: Mesh.MTLSMode? = nil
        #expect(peers[1].portLevelModes == [8080: .permissive, 9090: unset, 15000: unset])
        #expect(peers[2].mode == .disable)
        #expect(peers[3].mode == nil && peers[3].portLevelModes.isEmpty)
        #expect(peers[0].location == SourceLocation(file: "s.yaml", line: 9, column: 7))
    }

    @Test func anEmptySelectorIsNoSelector() throws {
        let mesh = try #require(Self.mesh("""
              peerAuthentications: [{ name: a, selector: {} }, { name: b, selector: { matchLabels: {} } }]
            """))
        #expect(mesh.peerAuthentications.map(\.selector) == [nil, nil])
    }

    @Test func peerAuthenticationErrors() {
        let messages = Self.messages("""
              peerAuthentications:
                - { name: a, mtls: { mode: strict } }
                - { name: b, selector: { matchLabels: { app: x } }, portLevelMtls: { http: { mode: STRICT }, 0: {} } }
                - { name: c, portLevelMtls: { 80: { mode: STRICT } } }
                - { name: d, mtls: { mode: STRICT, strict: true } }
                - { mtls: {} }
                - { name: e, selector: { matchLabels: { app: "*" } } }
            """)
        #expect(messages == [
            "8:32: error: mesh.peerAuthentications[0].mtls.mode must be one of UNSET, DISABLE, PERMISSIVE, STRICT, not 'strict'; did you mean 'STRICT'?",
            "9:74: error: mesh.peerAuthentications[1].portLevelMtls: 'http' is not a port number from 1 to 65535",
            "9:98: error: mesh.peerAuthentications[1].portLevelMtls: '0' is not a port number from 1 to 65535",
            "10:18: error: mesh.peerAuthentications[2].portLevelMtls requires a selector with matchLabels (Istio rejects a PeerAuthentication with port-level modes for a whole namespace)",
            "11:40: error: unknown key 'strict' in mesh.peerAuthentications[3].mtls; valid keys are: mode",
            "12:7: error: mesh.peerAuthentications[4].name is required",
            "13:45: error: mesh.peerAuthentications[5].selector.matchLabels.app: Istio does not allow wildcards in a selector's labels",
        ])
    }

    @Test func duplicateNamesInOneNamespace() {
        let messages = Self.messages("""
              peerAuthentications:
                - { name: a }
                - { name: a, namespace: default }
                - { name: a, namespace: other }
              authorizationPolicies: [{ name: a }]
            """)
        #expect(messages == [
            "9:15: error: PeerAuthentication default/a is defined twice (first at line 8); Kubernetes keeps one object per name in a namespace",
        ])
    }

    @Test func authorizationPolicy() throws {
        let mesh = try #require(Self.mesh("""
              authorizationPolicies:
                - name: orders-allow
                  namespace: shop
                  selector: { matchLabels: { app: orders } }
                  action: ALLOW
                  rules:
                    - from: [{ source: { principals: ["cluster.local/ns/shop/sa/frontend"], namespaces: [shop], notRequestPrincipals: ["*"] } }]
                      to: [{ operation: { methods: [GET], paths: ["/api/*"], notPaths: ["/api/admin*"], ports: [8080, "9090"], hosts: [orders] } }]
                      when:
                        - { key: "request.headers[x-tenant]", values: [acme] }
                        - { key: "request.auth.claims[groups]", notValues: [guest] }
                        - { key: "request.auth.claims[realm][roles]", values: [admin] }
                    - {}
                - { name: deny-all, action: DENY, rules: [{}] }
                - { name: ext, action: CUSTOM, provider: { name: my-ext-authz }, rules: [{ to: [{ operation: { paths: ["/admin"] } }] }] }
            """))
        let policies = mesh.authorizationPolicies
        try #require(policies.count == 3)
        let allow = policies[0]
        #expect(allow.name == "orders-allow" && allow.namespace == "shop" && allow.action == .allow && allow.provider == nil)
        #expect(allow.selector?.matchLabels == ["app": "orders"])
        try #require(allow.rules.count == 2)
        let rule = allow.rules[0]
        let source = try #require(rule.from.first)
        #expect(source.principals == ["cluster.local/ns/shop/sa/frontend"])
        #expect(source.namespaces == ["shop"])
        #expect(source.notRequestPrincipals == ["*"])
        let operation = try #require(rule.to.first)
        #expect(operation.methods == ["GET"] && operation.paths == ["/api/*"] && operation.notPaths == ["/api/admin*"])
        #expect(operation.ports == ["8080", "9090"] && operation.hosts == ["orders"])
        #expect(rule.when.map(\.key) == ["request.headers[x-tenant]", "request.auth.claims[groups]", "request.auth.claims[realm][roles]"])
        #expect(rule.when[0].values == ["acme"] && rule.when[1].notValues == ["guest"] && rule.when[1].values.isEmpty)
        #expect(rule.location == SourceLocation(file: "s.yaml", line: 13, column: 11))
        #expect(allow.rules[1].from.isEmpty && allow.rules[1].to.isEmpty && allow.rules[1].when.isEmpty)
        #expect(policies[1].action == .deny && policies[1].rules.count == 1 && policies[1].namespace == nil)
        #expect(policies[2].action == .custom && policies[2].provider == "my-ext-authz")
    }

    /// A policy without `rules`: for ALLOW, Istio denies every request to its workloads.
    @Test func rulesLeftOutAreEmpty() throws {
        let policy = try #require(Self.mesh("  authorizationPolicies: [{ name: none }]")?.authorizationPolicies.first)
        #expect(policy.rules.isEmpty && policy.action == .allow && policy.selector == nil)
    }

    /// `serviceAccounts` (Istio 1.25) is the tail of a principal: `ns/sa`, or `sa` in the
    /// policy's namespace, which is the scenario's when not written.
    @Test func serviceAccountsBecomePrincipalSuffixes() throws {
        let mesh = try #require(Self.mesh("""
              authorizationPolicies:
                - { name: a, namespace: shop, rules: [{ from: [{ source: { serviceAccounts: [frontend, legacy/batch] } }] }] }
                - { name: b, rules: [{ from: [{ source: { notServiceAccounts: [bots] } }] }] }
            """, namespace: "store"))
        let first = try #require(mesh.authorizationPolicies.first?.rules.first?.from.first)
        #expect(first.principals == ["*/ns/shop/sa/frontend", "*/ns/legacy/sa/batch"])
        let second = try #require(mesh.authorizationPolicies.last?.rules.first?.from.first)
        #expect(second.notPrincipals == ["*/ns/store/sa/bots"] && second.principals.isEmpty)
    }

    @Test func authorizationPolicyErrors() {
        let messages = Self.messages("""
              authorizationPolicies:
                - { name: a, action: allow }
                - { name: b, action: CUSTOM }
                - { name: c, action: DENY, provider: { name: x } }
                - { name: d, rules: [{ from: [{ source: { principal: [x] } }] }] }
                - { name: e, rules: [{ from: [{ principals: [x] }] }] }
                - { name: f, rules: [{ when: [{ key: "request.header[x]", values: [a] }] }] }
                - { name: g, rules: [{ when: [{ key: source.ip }] }] }
                - { name: h, rules: [{ when: [{ key: "request.headers[]", values: [a] }] }] }
                - { name: i, rules: [{ from: [{ source: { serviceAccounts: [a], namespaces: [x] } }] }] }
                - { name: j, rules: [{ to: [{ operation: { ports: [http] } }] }] }
                - { name: k, rules: [{ from: [{ source: { trustDomains: [td] } }] }] }
                - { name: l, rules: [{ when: [{ key: "request.auth.claims[realm][roles]", values: [a] }, { key: source.trustDomain, values: [cluster.local] }] }] }
            """)
        #expect(messages == [
            "8:26: error: mesh.authorizationPolicies[0].action must be one of ALLOW, DENY, AUDIT, CUSTOM, not 'allow'; did you mean 'ALLOW'?",
            "9:18: error: mesh.authorizationPolicies[1].action CUSTOM requires provider.name (the extension provider that decides)",
            "10:32: error: mesh.authorizationPolicies[2].provider is only allowed with action CUSTOM, not DENY",
            "11:47: error: unknown key 'principal' in mesh.authorizationPolicies[3].rules[0].from[0].source; did you mean 'principals'?",
            "12:35: error: mesh.authorizationPolicies[4].rules[0].from[0].source is required",
            "12:37: error: unknown key 'principals' in mesh.authorizationPolicies[4].rules[0].from[0]; valid keys are: source",
            "13:42: error: mesh.authorizationPolicies[5].rules[0].when[0].key 'request.header[x]' is not an attribute Istio supports in conditions; did you mean 'request.headers[NAME]'?",
            "14:35: error: mesh.authorizationPolicies[6].rules[0].when[0] needs values or notValues for source.ip",
            "14:42: warning: mesh.authorizationPolicies[6].rules[0].when[0].key source.ip: meshsim's callers have no IP addresses, so this condition never holds",
            "15:42: error: mesh.authorizationPolicies[7].rules[0].when[0].key must name the header in brackets, as in request.headers[NAME], not 'request.headers[]'",
            "16:47: error: mesh.authorizationPolicies[8].rules[0].from[0].source.serviceAccounts cannot be set with namespaces (Istio rejects it)",
            "17:56: error: mesh.authorizationPolicies[9].rules[0].to[0].operation.ports[0] must be a whole number, not 'http'",
            "18:47: error: mesh.authorizationPolicies[10].rules[0].from[0].source.trustDomains is an Istio field that meshsim does not simulate",
            "19:42: warning: mesh.authorizationPolicies[11].rules[0].when[0].key request.auth.claims[realm][roles]: meshsim's JWT claims are flat (credential.jwt.claims), so a nested claim never holds",
        ])
    }

    @Test func ipBlocksWarn() {
        let messages = Self.messages("""
              authorizationPolicies: [{ name: a, rules: [{ from: [{ source: { ipBlocks: [10.0.0.0/8], notRemoteIpBlocks: [1.2.3.4] } }] }] }]
            """)
        #expect(messages == [
            "7:67: warning: mesh.authorizationPolicies[0].rules[0].from[0].source.ipBlocks: meshsim's callers have no IP addresses, so this field matches no caller",
            "7:91: warning: mesh.authorizationPolicies[0].rules[0].from[0].source.notRemoteIpBlocks: meshsim's callers have no IP addresses, so this field excludes no caller",
        ])
    }

    @Test func targetRefsLeaveThePolicyOut() throws {
        let (scenario, diagnostics) = Self.decode(Self.text("""
              authorizationPolicies: [{ name: a, action: DENY, targetRefs: [{ kind: Gateway, group: gateway.networking.k8s.io, name: gw }] }]
            """))
        #expect(scenario?.mesh.authorizationPolicies.isEmpty == true)
        #expect(diagnostics.map(\.message) == [
            "mesh.authorizationPolicies[0].targetRefs binds this AuthorizationPolicy to a gateway or waypoint proxy, which meshsim does not simulate; Istio's sidecars do not apply it, so it has no effect here",
        ])
    }

    @Test func requestAuthentication() throws {
        let mesh = try #require(Self.mesh("""
              requestAuthentications:
                - name: jwt
                  namespace: shop
                  selector: { matchLabels: { app: orders } }
                  jwtRules:
                    - issuer: issuer-a
                      audiences: [shop]
                      fromHeaders: [{ name: x-jwt, prefix: "Bearer " }, { name: x-token }]
                      forwardOriginalToken: true
                    - { issuer: issuer-b, fromParams: [token], fromCookies: [session] }
            """))
        let policy = try #require(mesh.requestAuthentications.first)
        #expect(policy.name == "jwt" && policy.namespace == "shop" && policy.selector?.matchLabels == ["app": "orders"])
        try #require(policy.jwtRules.count == 2)
        let first = policy.jwtRules[0]
        #expect(first.issuer == "issuer-a" && first.audiences == ["shop"] && first.forwardOriginalToken)
        #expect(first.fromHeaders == [.init(name: "x-jwt", prefix: "Bearer "), .init(name: "x-token", prefix: "")])
        #expect(first.fromParams.isEmpty && first.fromCookies.isEmpty)
        let second = policy.jwtRules[1]
        #expect(second.fromParams == ["token"] && second.fromCookies == ["session"] && !second.forwardOriginalToken && second.audiences.isEmpty)
    }

    @Test func requestAuthenticationMessages() {
        let messages = Self.messages("""
              requestAuthentications:
                - name: a
                  jwtRules:
                    - { issuer: "", jwksUri: "https://example.com/jwks.json" }
                    - { issuer: b, jwks: "{}", outputPayloadToHeader: x-payload, fromHeader: [{ name: x }] }
                    - { issuer: c, fromHeaders: [{ prefix: "Bearer " }] }
            """)
        #expect(messages == [
            "10:21: error: mesh.requestAuthentications[0].jwtRules[0].issuer must not be empty",
            "10:25: warning: mesh.requestAuthentications[0].jwtRules[0].jwksUri has no effect in a simulation",
            "11:24: warning: mesh.requestAuthentications[0].jwtRules[1].jwks has no effect in a simulation",
            "11:36: warning: mesh.requestAuthentications[0].jwtRules[1].outputPayloadToHeader has no effect in a simulation",
            "11:70: error: unknown key 'fromHeader' in mesh.requestAuthentications[0].jwtRules[1]; did you mean 'fromHeaders'?",
            "12:38: error: mesh.requestAuthentications[0].jwtRules[2].fromHeaders[0].name is required",
        ])
    }
}
