import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval` lines for acl, request-termination and the transformers, worked from Kong's
/// handlers: acl after key-auth, the request-transformer's headers seen by termination's
/// trigger and by the mesh.
@Suite struct EvalAccessPluginTests {
    static let scenario = """
        name: eval-access
        duration: 1m
        clients:
          - { name: alice-app, rate: 1/s, credential: { apiKey: alice-key } }
          - { name: bob-app, rate: 1/s, credential: { apiKey: bob-key } }
        gateway:
          consumers:
            - { username: alice, keyauth_credentials: [{ key: alice-key }], acls: [{ group: gold }, { group: beta }] }
            - { username: bob, keyauth_credentials: [{ key: bob-key }], acls: [{ group: silver }] }
          plugins:
            - { name: key-auth }
            - { name: acl, config: { allow: [gold] } }
            - { name: request-transformer, config: { add: { headers: ["x-canary:true"] } } }
            - { name: request-termination, config: { message: "down for maintenance", trigger: x-maintenance } }
          routes: [{ name: api, service: orders }]
        mesh: { enabled: true }
        services:
          orders:
            versions: { v1: {}, v2: {} }
            http:
              - match: [{ headers: { x-canary: { exact: "true" } } }]
                route: [{ destination: { host: orders, subset: v2 } }]
              - route: [{ destination: { host: orders, subset: v1 } }]
        """

    func eval(_ arguments: String...) throws -> String {
        let result = try EvalRun.run(Self.scenario, arguments)
        #expect(result.code == .success, "\(result.err)")
        return result.out
    }

    func stage(_ out: String, _ name: String) -> String? {
        EvalRun.line(out, name).map { $0.dropFirst(name.count).trimmingCharacters(in: .whitespaces) }
    }

    @Test func anAllowedConsumerGoesOnWithTheEdgeHeaderToTheCanary() throws {
        let out = try eval("--client", "alice-app")
        #expect(stage(out, "acl (global)") == "consumer alice in groups gold, beta → allowed")
        #expect(stage(out, "request-transformer (global)") == "headers sent upstream (and seen by the mesh): x-canary: true; no added work")
        #expect(stage(out, "request-termination (global)") == "trigger x-maintenance absent: passes")
        #expect(stage(out, "instance") == "orders/v2/0")
    }

    @Test func aConsumerOutsideTheGroupsGets403() throws {
        let out = try eval("--client", "bob-app")
        #expect(stage(out, "acl (global)") == "consumer bob in groups silver → 403 You cannot consume this service (UAEX): the gateway answers, nothing goes upstream")
        #expect(stage(out, "request-termination (global)") == nil)
    }

    @Test func theTriggerHeaderEndsTheRequestAtTheGateway() throws {
        let out = try eval("--client", "alice-app", "--header", "X-Maintenance=on")
        #expect(stage(out, "request-termination (global)")
            == "trigger x-maintenance present → 503 {\"message\":\"down for maintenance\"}: the gateway answers, nothing goes upstream")
        #expect(stage(out, "instance") == nil)
    }
}
