import Testing
@testable import Scenario

/// `--set` (and variants, sweeps) on identity fields and security policies: the paths reach
/// them like any other field, named list entries by `[name=X]`.
@Suite struct SecurityOverrideTests {
    private static let text = """
        name: t
        duration: 10s
        clients: [{ name: web, rate: 10/s, target: orders }]
        services:
          orders: { versions: { v1: {}, v2: {} } }
        mesh:
          enabled: true
          peerAuthentications:
            - { name: default, mtls: { mode: STRICT } }
            - { name: orders, selector: { matchLabels: { app: orders } }, mtls: { mode: STRICT } }
        """

    private func load(_ assignments: String...) throws -> ScenarioLoader.Loaded {
        var overrides: [Override] = []
        for assignment in assignments { overrides.append(try Overrides.parseAssignment(assignment)) }
        return ScenarioLoader.load(text: Self.text, file: "t.yaml", overrides: overrides)
    }

    private func scenario(_ assignments: String...) throws -> Scenario {
        var overrides: [Override] = []
        for assignment in assignments { overrides.append(try Overrides.parseAssignment(assignment)) }
        let loaded = ScenarioLoader.load(text: Self.text, file: "t.yaml", overrides: overrides)
        return try #require(loaded.scenario, "\(loaded.diagnostics.map(\.description))")
    }

    @Test func identityScalars() throws {
        let changed = try scenario(
            "services.orders.sidecar=false", "services.orders.versions.v2.serviceAccount=orders-canary",
            "services.orders.namespace=shop", "services.orders.labels.team=pay", "clients[name=web].sidecar=false")
        let orders = try #require(changed.services.first)
        #expect(orders.namespace == "shop")
        #expect(orders.versions.map(\.identity.sidecar) == [false, false])
        #expect(orders.versions.map(\.identity.serviceAccount) == ["orders", "orders-canary"])
        #expect(orders.versions[1].identity.labels == ["app": "orders", "version": "v2", "team": "pay"])
        #expect(orders.versions[1].identity.principal == "cluster.local/ns/shop/sa/orders-canary")
        #expect(changed.clients[0].identity.sidecar == false)
    }

    @Test func policyFieldsByNameOrIndex() throws {
        let changed = try scenario("mesh.peerAuthentications[name=default].mtls.mode=PERMISSIVE", "mesh.peerAuthentications[1].mtls.mode=UNSET")
        #expect(changed.mesh.peerAuthentications.map(\.mode) == [.permissive, nil])
    }

    @Test func aWholePolicyListAsAValue() throws {
        let changed = try scenario("mesh.authorizationPolicies=[{ name: deny-all, action: DENY, rules: [{}] }]")
        #expect(changed.mesh.authorizationPolicies.map(\.name) == ["deny-all"])
        #expect(changed.mesh.authorizationPolicies.first?.action == .deny)
    }

    @Test func mistakesAreReported() throws {
        let misnamed = try load("mesh.peerAuthentications[name=defualt].mtls.mode=STRICT")
        #expect(misnamed.diagnostics.map(\.message).contains { $0.contains("is named \"defualt\"") && $0.contains("default") })
        let badMode = try load("mesh.peerAuthentications[0].mtls.mode=strict")
        #expect(badMode.scenario == nil)
        #expect(badMode.diagnostics.map(\.message) == [
            "mesh.peerAuthentications[0].mtls.mode must be one of UNSET, DISABLE, PERMISSIVE, STRICT, not 'strict'; did you mean 'STRICT'?",
        ])
    }
}
