import Testing
@testable import MeshsimCLI

/// `eval` through Istio's ingress gateway with policies selecting it: the gateway's own jwt
/// and authz lines come before its local rate limit and routing, with the client as a
/// plaintext source; a token the gateway verified without `forwardOriginalToken` is gone at
/// the service.
@Suite struct EvalIstioGatewaySecurityTests {
    private func scenario(path: String = "/api/orders", policies: String) -> String {
        """
        name: edge
        duration: 10s
        clients: [{ name: web, rate: 1/s, credential: { jwt: { iss: issuer-a } }, requests: [{ path: \(path) }] }]
        gateway:
          kind: istio
          http: [{ route: [{ destination: { host: orders } }] }]
        mesh:
          enabled: true
        \(policies)
        services:
          orders: {}
        """
    }

    @Test func aDenyAtTheGatewayIsTheGatewaysAnswer() throws {
        let yaml = scenario(path: "/admin", policies: """
              authorizationPolicies:
                - name: no-admin
                  namespace: istio-system
                  selector: { matchLabels: { istio: ingressgateway } }
                  action: DENY
                  rules: [{ to: [{ operation: { paths: ["/admin"] } }] }]
            """)
        let (code, out, _) = try EvalRun.run(yaml, [])
        #expect(code == .success)
        #expect(EvalRun.line(out, "peer") == "peer     client web is outside the mesh: plaintext, no principal")
        #expect(EvalRun.line(out, "jwt") == "jwt      no RequestAuthentication selects gateway istio-system/istio-ingressgateway-service-account: no request principal")
        #expect(EvalRun.line(out, "authz") == "authz    DENY istio-system/no-admin rule 0: 403 RBAC: access denied")
        #expect(EvalRun.line(out, "mesh route") == nil)
        let (_, repeated, _) = try EvalRun.run(yaml, ["--repeat", "2"])
        #expect(repeated.contains("403 (RBAC): DENY istio-system/no-admin at gateway istio-system/istio-ingressgateway-service-account: 2"))
    }

    @Test func aTokenTheGatewayDoesNotForwardNeverReachesTheService() throws {
        let yaml = scenario(policies: """
              requestAuthentications:
                - name: edge-jwt
                  namespace: istio-system
                  selector: { matchLabels: { app: istio-ingressgateway } }
                  jwtRules: [{ issuer: issuer-a }]
                - name: orders-jwt
                  selector: { matchLabels: { app: orders } }
                  jwtRules: [{ issuer: issuer-a }]
              authorizationPolicies:
                - name: users-only
                  selector: { matchLabels: { app: orders } }
                  rules: [{ from: [{ source: { requestPrincipals: ["*"] } }] }]
            """)
        let (_, out, _) = try EvalRun.run(yaml, [])
        let jwt = out.split(separator: "\n").filter { $0.hasPrefix("jwt ") }.map { String($0.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
        #expect(jwt == [
            "valid: request principal issuer-a/web",
            "the ingress gateway removed the token it verified (forwardOriginalToken: false)",
            "no token: no request principal",
        ])
        let (_, repeated, _) = try EvalRun.run(yaml, ["--repeat", "2"])
        #expect(repeated.contains("403 (RBAC): no ALLOW policy matched at orders/default: 2"))
    }
}
