import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval` through a gateway route split over weighted backends.
@Suite struct EvalBackendsTests {
    static let scenario = """
        name: eval-backends
        duration: 1m
        clients: [{ name: web, rate: 10/s }]
        gateway:
          routes:
            - name: orders
              paths: [/api/orders]
              backends:
                - { service: orders, weight: 0 }
                - { service: orders-canary, weight: 5 }
            - name: drained
              paths: [/api/drained]
              backends: [{ service: orders, weight: 0 }, { service: orders-canary, weight: 0 }]
        services:
          orders: { latency: 5ms }
          orders-canary: { latency: 5ms }
        """

    func eval(_ arguments: String...) throws -> (code: ExitCode, out: String) {
        let result = try EvalRun.run(Self.scenario, arguments)
        return (result.code, result.out)
    }

    func stage(_ out: String, _ name: String) -> String? {
        EvalRun.line(out, name)
    }

    @Test func theDrawSkipsABackendOfWeightZero() throws {
        let result = try eval("--request", "GET /api/orders/1", "--client", "web")
        #expect(result.code == .success)
        #expect(stage(result.out, "route")?.hasSuffix("→ backends orders (weight 0), orders-canary (weight 5)") == true)
        #expect(stage(result.out, "backend")?.hasSuffix("orders-canary, drawn with weight 5 of 5; Kong's retries stay on it") == true)
        #expect(stage(result.out, "upstream")?.contains("orders-canary: Kong timeout 1m per try") == true)
    }

    @Test func allWeightsZeroAnswers500AtTheGateway() throws {
        let result = try eval("--request", "GET /api/drained", "--client", "web", "--repeat", "3")
        #expect(stage(result.out, "backend")?.contains("every weight is 0: 500") == true)
        #expect(stage(result.out, "upstream") == nil)
        #expect(result.out.hasSuffix("3 requests at 0s: 500: no backend has a weight above 0: 3\n"))
    }
}
