import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval` through a composed gateway route (`calls`).
@Suite struct EvalCompositionTests {
    static let scenario = """
        name: eval-composition
        duration: 1m
        clients: [{ name: web, rate: 10/s }]
        gateway:
          routes:
            - name: dashboard
              paths: [/dashboard]
              timeout: 1s
              retries: 2
              calls:
                - parallel: [{ service: orders }, { service: inventory, percent: 50%, path: /stock }]
                - service: recommendations
              onCallFailure: ignore
            - name: never
              paths: [/never]
              calls: [{ service: orders, percent: 0% }]
        services:
          orders: { latency: 10ms }
          inventory: { latency: 30ms }
          recommendations: { latency: 5ms }
        """

    func eval(_ arguments: String...) throws -> (code: ExitCode, out: String) {
        let result = try EvalRun.run(Self.scenario, arguments)
        return (result.code, result.out)
    }

    func stage(_ out: String, _ name: String) -> String? {
        EvalRun.line(out, name)
    }

    @Test func theStepsTheKongCallSettingsAndOnCallFailureArePrinted() throws {
        let result = try eval("--request", "GET /dashboard", "--client", "web")
        #expect(result.code == .success)
        #expect(stage(result.out, "route")?.hasSuffix("→ calls orders, inventory and recommendations") == true)
        #expect(stage(result.out, "step 1")?.contains("at once: orders, inventory /stock (percent 50: ") == true)
        #expect(stage(result.out, "step 2")?.hasSuffix("  recommendations") == true)
        #expect(stage(result.out, "upstream")?.hasSuffix("each call: Kong timeout 1s per try, 2 retries on connection failures and timeouts") == true)
        #expect(stage(result.out, "onCallFailure")?.hasSuffix("ignore: a failed call is left out and the route still answers 200") == true)
    }

    /// The 50 % call is drawn per request, so `--repeat` tallies the two verdicts; 400
    /// requests give Binomial(400, 1/2): σ = 10, and 4σ = 40.
    @Test func repeatTalliesTheRequestsThatMadeTheOptionalCall() throws {
        let result = try eval("--request", "GET /dashboard", "--client", "web", "--repeat", "400")
        let tally = try #require(result.out.split(separator: "\n").last.map(String.init))
        let all = "composed: 200 when orders, inventory and recommendations answer: "
        let skipped = "composed: 200 when orders and recommendations answer; skipped inventory: "
        let made = try #require(tally.components(separatedBy: all).last.flatMap { Int($0.prefix { $0.isNumber }) })
        let without = try #require(tally.components(separatedBy: skipped).last.flatMap { Int($0.prefix { $0.isNumber }) })
        #expect(made + without == 400)
        #expect(abs(made - 200) < 40)
    }

    @Test func aRouteWhoseCallsAreNeverDrawnAnswersFromTheGateway() throws {
        let result = try eval("--request", "GET /never", "--client", "web")
        #expect(result.out.contains("(percent 0: not drawn, skipped)"))
    }
}
