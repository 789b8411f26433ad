import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval`: each stage's verdict for one request, from Kong's and Istio's documented behaviour.
@Suite struct EvalCommandTests {
    static let scenario = """
        name: eval-test
        duration: 1m
        clients:
          - { name: web, rate: 10/s, credential: { apiKey: k-web } }
          - { name: anonymous, rate: 1/s }
        gateway:
          replicas: 3
          plugins:
            - name: key-auth
              consumers: { k-web: web-app }
          routes:
            - name: orders
              paths: [/api/orders]
              service: orders
              plugins:
                - name: rate-limiting
                  config: { second: 5, minute: 100, limit_by: consumer, policy: cluster }
        mesh: { enabled: true }
        services:
          orders:
            latency: 5ms
            versions:
              v1: { replicas: 4 }
              v2: { replicas: 1 }
            http:
              - match: [ { headers: { x-canary: { exact: "true" } } } ]
                route: [ { destination: { subset: v2 } } ]
              - route:
                  - { destination: { subset: v1 }, weight: 100 }
                  - { destination: { subset: v2 }, weight: 0 }
                timeout: 1s
                retries: { attempts: 3, perTryTimeout: 200ms, retryOn: "5xx" }
        """

    func eval(_ arguments: String...) throws -> (code: ExitCode, out: String, err: String) {
        try EvalRun.run(Self.scenario, arguments)
    }

    func stage(_ out: String, _ name: String) -> String? {
        EvalRun.line(out, name)
    }

    @Test func aKnownKeyIdentifiesTheConsumerAndTheFirstRequestLeavesLimitMinusOne() throws {
        let result = try eval("--request", "GET /api/orders/42", "--client", "web", "--at", "30s")
        #expect(result.code == .success)
        #expect(stage(result.out, "route")?.contains("orders") == true)
        #expect(stage(result.out, "key-auth (global)")?.contains("consumer web-app") == true)
        // A fresh window: 4 of 5 this second, 99 of 100 this minute, which ends 30 s later.
        #expect(result.out.contains("second: 4 of 5 left, window resets in 1 s"))
        #expect(result.out.contains("minute: 99 of 100 left, window resets in 30 s"))
        #expect(result.out.contains("X-RateLimit-Remaining-Minute: 99"))
    }

    @Test func withoutAKeyKeyAuthAnswers401AndNothingGoesUpstream() throws {
        let result = try eval("--request", "GET /api/orders", "--client", "anonymous")
        #expect(stage(result.out, "key-auth (global)")?.contains("401 No API key found in request") == true)
        #expect(stage(result.out, "upstream") == nil)
        #expect(stage(result.out, "instance") == nil)
    }

    @Test func aHeaderMatchSendsTheRequestToTheCanarySubset() throws {
        let result = try eval("--request", "GET /api/orders", "--client", "web", "--header", "x-canary=true")
        #expect(stage(result.out, "mesh route")?.contains("rule 0") == true)
        #expect(stage(result.out, "instance")?.hasSuffix("orders/v2/0") == true)
    }

    @Test func theDefaultRuleShowsItsRetryPolicyAndWeights() throws {
        let result = try eval("--request", "GET /api/orders", "--client", "web")
        #expect(stage(result.out, "mesh route")?.contains("rule 1") == true)
        // Weight 0 sends nothing to v2, so the draw always picks v1.
        #expect(stage(result.out, "weights")?.hasSuffix("drew v1") == true)
        #expect(stage(result.out, "retries")?.contains("3 retries on 5xx, per try 200ms, route timeout 1s") == true)
        #expect(stage(result.out, "balancer")?.contains("LEAST_REQUEST") == true)
        #expect(stage(result.out, "instance")?.contains("orders/v1/") == true)
        // Kong talks to its own sidecar, which always accepts: only Kong's timeout makes it retry.
        #expect(stage(result.out, "upstream")?.hasSuffix("orders: Kong timeout 1m per try, 5 retries when its timeout fires (its sidecar handles connect failures)") == true)
    }

    @Test func unmatchedPathsAreA404AtTheGateway() throws {
        let result = try eval("--request", "GET /nothing", "--client", "web")
        #expect(stage(result.out, "route")?.contains("404") == true)
    }

    @Test func anUnknownClientIsBadInputWithASuggestion() throws {
        let result = try eval("--request", "GET /api/orders", "--client", "wbe")
        #expect(result.code == .badInput)
        #expect(result.err.contains("did you mean 'web'?"))
    }
}
