import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval` through a Kong upstream without the mesh: its algorithm, checks and targets.
@Suite struct EvalKongUpstreamTests {
    static let scenario = """
        name: eval-upstream
        duration: 1m
        clients: [{ name: web, rate: 10/s }]
        gateway:
          replicas: 2
          routes: [{ name: r, paths: [/], service: s }]
          upstreams:
            s:
              algorithm: consistent-hashing
              hash_on: header
              hash_on_header: x-user
              healthchecks:
                passive: { unhealthy: { http_failures: 3 }, healthy: { successes: 2 } }
                active: { http_path: /health, healthy: { interval: 5, successes: 2 }, unhealthy: { interval: 2, tcp_failures: 1 } }
        services:
          s: { replicas: 2, latency: 5ms }
        """

    func eval(_ arguments: String...) throws -> String {
        let result = try EvalRun.run(Self.scenario, arguments)
        #expect(result.code == .success)
        return result.out
    }

    @Test func printsTheAlgorithmChecksAndEachTargetsHealth() throws {
        let out = try eval("--request", "GET /", "--header", "x-user=alice", "--at", "1s")
        #expect(out.contains("kong upstream  s: consistent-hashing on header x-user, fallback none, 10000 slots"))
        #expect(out.contains("health checks: passive: down after 3 HTTP failures, a success resets them; active: probes /health every 5s while up, 2s while down (timeout 1s); up after 2 successes, down after 1 TCP failure"))
        #expect(out.contains("targets as replica 1 sees them: s/default/0 healthy, s/default/1 healthy"))
        #expect(out.contains("hash input \"alice\" → s/default/"))
        #expect(out.contains("s's instances are picked by the gateway's Kong upstream (above)"))
    }
}
