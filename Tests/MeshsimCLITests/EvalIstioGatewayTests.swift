import Testing
@testable import MeshsimCLI

/// `eval` through Istio's ingress gateway: its local rate limit per replica, then the
/// gateway's VirtualService as the route table.
@Suite struct EvalIstioGatewayTests {
    private let scenario = """
        name: edge
        duration: 10s
        clients: [{ name: web, rate: 1/s, requests: [{ path: /api/orders }] }]
        gateway:
          kind: istio
          replicas: 2
          plugins: [{ name: local-rate-limit, config: { max_tokens: 1, fill_interval: 1h } }]
          http:
            - name: orders
              match: [{ uri: { prefix: /api } }]
              route: [{ destination: { host: orders, subset: v2 } }]
        mesh: { enabled: true }
        services:
          orders:
            versions: { v1: {}, v2: {} }
            http: [{ route: [{ destination: { subset: v1 } }] }]
        """

    @Test func theGatewaysRuleRoutesAndTheServicesOwnIsNotApplied() throws {
        let (code, out, _) = try EvalRun.run(scenario, [])
        #expect(code == .success)
        #expect(EvalRun.line(out, "mesh route") == "mesh route        ingress gateway: rule 0 (orders), first matching rule")
        #expect(EvalRun.line(out, "instance") == "instance          orders/v2/0")
    }

    @Test func noRuleMatchesIs404AndEachReplicaHasItsOwnBucket() throws {
        let (_, missing, _) = try EvalRun.run(scenario, ["--request", "GET /other"])
        #expect(EvalRun.line(missing, "mesh route") == "mesh route        ingress gateway: no http rule matches: 404 (NR)")
        // One token per replica, round-robin over 2: the first two pass, the next two get 429.
        let (_, repeated, _) = try EvalRun.run(scenario, ["--repeat", "4"])
        #expect(repeated.contains("reaches orders/v2: 2"))
        #expect(repeated.contains("429 (RL) at local-rate-limit: 2"))
    }
}
