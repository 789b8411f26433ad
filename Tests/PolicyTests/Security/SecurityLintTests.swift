import Policy
import Scenario
import Testing

/// The security lints on the shop (ShopFixture: client web → Kong → orders v1/v2 →
/// inventory → payments; client batch → orders), with the identities a decoder would give.
@Suite struct SecurityLintTests {
    typealias F = SecurityFixture

    func shop(batchSidecar: Bool = true, mtls: Mesh.MTLSMode = .permissive) -> Scenario {
        var scenario = Shop.scenario()
        scenario.namespace = "shop"
        scenario.mesh.mtls = mtls
        for (s, service) in scenario.services.enumerated() {
            scenario.services[s].namespace = "shop"
            for (v, version) in service.versions.enumerated() {
                scenario.services[s].versions[v].identity = WorkloadIdentity(
                    namespace: "shop", serviceAccount: service.name, labels: ["app": service.name, "version": version.name]
                )
            }
        }
        for (c, client) in scenario.clients.enumerated() {
            scenario.clients[c].identity = WorkloadIdentity(sidecar: client.name != "batch" || batchSidecar, namespace: "shop", serviceAccount: client.name)
        }
        return scenario
    }

    func warnings(_ scenario: Scenario) -> [String] {
        PolicyLint.diagnostics(scenario).filter { $0.severity == .warning }.map(\.message)
    }

    @Test func theShopAloneDrawsNoSecurityWarning() {
        #expect(warnings(shop()).isEmpty)
        // STRICT everywhere is fine while every caller has a sidecar.
        #expect(warnings(shop(mtls: .strict)).isEmpty)
    }

    @Test func strictWithACallerWithoutSidecar() {
        var scenario = shop(batchSidecar: false)
        scenario.mesh.peerAuthentications = [F.peer("default", "shop", mode: .strict)]
        let found = PolicyLint.diagnostics(scenario)
        #expect(found.map(\.message) == [
            "service orders (v1) is STRICT (PeerAuthentication shop/default) but is called by batch, which has no sidecar: these calls will fail",
            "service orders (v2) is STRICT (PeerAuthentication shop/default) but is called by batch, which has no sidecar: these calls will fail",
        ])
        #expect(found.first?.location == scenario.clients[1].location)
    }

    @Test func strictByTheMeshDefaultAndAPermissiveWorkload() {
        var scenario = shop(batchSidecar: false, mtls: .strict)
        scenario.mesh.peerAuthentications = [F.peer("orders-v2", "shop", selector: ["app": "orders", "version": "v2"], mode: .permissive)]
        #expect(warnings(scenario) == [
            "service orders (v1) is STRICT (mesh.mtls) but is called by batch, which has no sidecar: these calls will fail",
        ])
    }

    @Test func kongWithoutSidecarCallingAStrictService() {
        var scenario = shop(mtls: .strict)
        scenario.gateway?.identity.sidecar = false
        scenario.services[0].versions.removeLast()
        #expect(warnings(scenario) == [
            "service orders (v1) is STRICT (mesh.mtls) but is called by gateway kong/kong, which has no sidecar: these calls will fail",
        ])
    }

    /// Without a sidecar orders refuses nothing (batch may call it), but its own plaintext
    /// calls to a STRICT inventory fail.
    @Test func aVersionWithoutSidecarRefusesNothingButIsRefused() {
        var scenario = shop(batchSidecar: false, mtls: .strict)
        for v in scenario.services[0].versions.indices { scenario.services[0].versions[v].identity.sidecar = false }
        #expect(warnings(scenario) == [
            "service inventory (default) is STRICT (mesh.mtls) but is called by service orders (v1), which has no sidecar: these calls will fail",
            "service inventory (default) is STRICT (mesh.mtls) but is called by service orders (v2), which has no sidecar: these calls will fail",
        ])
    }

    /// Only frontend may call orders: neither Kong nor batch is frontend.
    @Test func anAllowPolicyNoCallerMatches() {
        var scenario = shop()
        scenario.services[0].versions.removeLast()
        scenario.mesh.authorizationPolicies = [F.policy("orders-allow", "shop", selector: ["app": "orders"], rules: [
            F.rule(from: [F.source(principals: ["cluster.local/ns/shop/sa/frontend"])]),
        ])]
        let found = PolicyLint.diagnostics(scenario)
        #expect(found.map(\.message) == [
            "AuthorizationPolicy shop/orders-allow: no caller of orders matches a rule (callers: batch (cluster.local/ns/shop/sa/batch), "
                + "gateway kong/kong (cluster.local/ns/kong/sa/kong)): every request will be denied",
        ])
        #expect(found.first?.location == F.here)
    }

    /// A plaintext caller has no namespace: `namespaces: [shop]` cannot let batch in.
    @Test func aPlaintextCallerMatchesNoNamespace() {
        var scenario = shop(batchSidecar: false)
        scenario.clients.removeFirst()
        scenario.services[0].versions.removeLast()
        scenario.mesh.authorizationPolicies = [F.policy("same-namespace", "shop", selector: ["app": "orders"], rules: [
            F.rule(from: [F.source(namespaces: ["shop"])]),
        ])]
        #expect(warnings(scenario) == [
            "AuthorizationPolicy shop/same-namespace: no caller of orders matches a rule (callers: batch (plaintext)): every request will be denied",
        ])
    }

    @Test func aMatchingCallerOrAnotherAllowPolicySilencesIt() {
        var scenario = shop()
        scenario.mesh.authorizationPolicies = [F.policy("orders-allow", "shop", selector: ["app": "orders"], rules: [
            F.rule(from: [F.source(principals: ["cluster.local/ns/kong/sa/kong"])], to: [F.operation(paths: ["/api/*"])]),
        ])]
        #expect(warnings(scenario).isEmpty)
        // allow-nothing beside an ALLOW that admits a caller is Istio's usual default-deny.
        scenario.mesh.authorizationPolicies.insert(F.policy("allow-nothing", "shop", selector: ["app": "orders"]), at: 0)
        #expect(warnings(scenario).isEmpty)
        // Without a selector it selects inventory and payments too, which nothing else admits.
        scenario.mesh.authorizationPolicies[0].selector = nil
        #expect(warnings(scenario).count == 2)
        // inventory is called by orders v1 and v2: an ALLOW for orders' principal admits them.
        scenario.mesh.authorizationPolicies = [F.policy("inventory", "shop", selector: ["app": "inventory"], rules: [
            F.rule(from: [F.source(principals: ["*/sa/orders"])]),
        ])]
        #expect(warnings(scenario).isEmpty)
    }

    /// DISABLE at the destination: even a caller with a sidecar sends plaintext.
    @Test func disableMakesEveryCallerPlaintext() {
        var scenario = shop()
        scenario.mesh.peerAuthentications = [F.peer("inventory", "shop", selector: ["app": "inventory"], mode: .disable)]
        scenario.mesh.authorizationPolicies = [F.policy("inventory", "shop", selector: ["app": "inventory"], rules: [
            F.rule(from: [F.source(principals: ["*"])]),
        ])]
        #expect(warnings(scenario) == [
            "AuthorizationPolicy shop/inventory: no caller of inventory matches a rule (callers: service orders (v1) (plaintext), "
                + "service orders (v2) (plaintext)): every request will be denied",
        ])
    }
}
