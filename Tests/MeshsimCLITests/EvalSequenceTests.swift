import Foundation
import MeshsimCLI
import Testing

/// `meshsim eval --client` sends the client's own request; `--repeat` / `--every` send a
/// sequence through one set of rate-limit counters (issue 16).
@Suite struct EvalSequenceTests {
    static let scenario = """
        name: eval-sequence
        duration: 1m
        clients:
          - name: web
            rate: 10/s
            credential: { apiKey: k-web }
            requests:
              - { method: post, path: /api/orders, headers: { x-canary: "true", x-team: web } }
              - { path: /api/orders/1 }
          - { name: anonymous, rate: 1/s }
        gateway:
          replicas: 2
          plugins:
            - name: key-auth
              consumers: { k-web: web-app }
          routes:
            - name: orders
              paths: [/api/orders]
              service: orders
              plugins:
                - name: rate-limiting
                  config: { minute: 100, limit_by: consumer, policy: cluster }
            - name: local
              paths: [/local]
              service: orders
              plugins:
                - name: rate-limiting
                  config: { second: 2, limit_by: consumer, policy: local }
        mesh: { enabled: true }
        services:
          orders:
            latency: 5ms
            versions:
              v1: { replicas: 2 }
              v2: { replicas: 1 }
            http:
              - match: [ { headers: { x-canary: { exact: "true" } } } ]
                route: [ { destination: { subset: v2 } } ]
              - route: [ { destination: { subset: v1 } } ]
        """

    func eval(_ arguments: String...) throws -> (code: ExitCode, out: String, err: String) {
        try EvalRun.run(Self.scenario, arguments)
    }

    func lines(_ out: String, _ stage: String) -> [String] {
        out.split(separator: "\n").filter { $0.hasPrefix(stage + " ") }.map(String.init)
    }

    /// Without --request the client's first request goes out as written in its mix: method,
    /// path and headers, which the mesh rule then matches.
    @Test func theClientsOwnRequestWithItsHeaders() throws {
        let result = try eval("--client", "web")
        #expect(result.code == .success)
        #expect(lines(result.out, "request").first?.hasSuffix("POST /api/orders from client web at 0s") == true)
        #expect(lines(result.out, "headers").first?.hasSuffix("x-canary: true, x-team: web") == true)
        #expect(lines(result.out, "key-auth (global)").first?.contains("consumer web-app") == true)
        #expect(lines(result.out, "instance").first?.hasSuffix("orders/v2/0") == true)
    }

    /// With --request the client still adds its credential and the headers of its request with
    /// that method and path; a --header of the same name replaces the client's.
    @Test func aGivenRequestKeepsTheClientsHeaders() throws {
        let result = try eval("--request", "POST /api/orders", "--client", "web", "--header", "X-Canary=false")
        #expect(lines(result.out, "headers").first?.hasSuffix("x-team: web, X-Canary: false") == true)
        #expect(lines(result.out, "key-auth (global)").first?.contains("consumer web-app") == true)
        #expect(lines(result.out, "instance").first?.contains("orders/v1/") == true)
        let other = try eval("--request", "GET /api/orders/1", "--client", "web")
        #expect(lines(other.out, "headers").isEmpty)
    }

    @Test func withoutRequestOrOneClientItIsBadInput() throws {
        let result = try eval()
        #expect(result.code == .badInput)
        #expect(result.err.hasPrefix("error: 'eval' needs --request (for example --request \"GET /api/orders\") or --client NAME"))
    }

    /// A limit of 100 a minute, 101 requests at the same instant: the first 100 pass and the
    /// 101st is refused with 429, which only one counter kept across requests can show.
    @Test func theHundredAndFirstRequestGetsItsFourTwentyNine() throws {
        let result = try eval("--client", "web", "--repeat", "101")
        #expect(result.code == .success)
        let blocks = result.out.components(separatedBy: "\n\n")
        #expect(blocks.count == 4)
        #expect(blocks[0].hasPrefix("request 1 of 101:\n"))
        #expect(blocks[0].contains("allowed\n                       minute: 99 of 100 left"))
        #expect(blocks[1] == "requests 2–100: reaches orders/v2, as request 1")
        #expect(blocks[2].hasPrefix("request 101 of 101:\n"))
        #expect(blocks[2].contains("consumer:web-app: 429 (RL)\n                       minute: 0 of 100 left"))
        #expect(!blocks[2].contains("instance "))
        #expect(blocks[3] == "101 requests at 0s: reaches orders/v2: 100; 429 (RL) at rate-limiting (route): 1\n")
    }

    /// `policy: local` counts per gateway replica and requests go round-robin: with 2 a
    /// second on each of 2 replicas, requests 1–4 pass and 5 and 6 are refused; a second
    /// later (every 250 ms, request 5 is at 1 s) the windows are new. GET /local is not in
    /// web's mix, so web's first request's headers go with it (x-canary: true, to v2).
    @Test func localLimitsCountPerReplicaAndWindowsRoll() throws {
        let burst = try eval("--request", "GET /local", "--client", "web", "--repeat", "6")
        #expect(burst.out.hasSuffix("6 requests at 0s: reaches orders/v2: 4; 429 (RL) at rate-limiting (route): 2\n"))
        #expect(burst.out.contains("requests 2–4: reaches orders/v2, as request 1"))
        let spread = try eval("--request", "GET /local", "--client", "web", "--repeat", "6", "--every", "250ms")
        #expect(spread.out.hasSuffix("6 requests every 250ms from 0s: reaches orders/v2: 6\n"))
    }

    @Test func aSequencePastTheLastCountableTimeIsBadInput() throws {
        let result = try eval("--client", "web", "--repeat", "3", "--every", "2000000h")
        #expect(result.code == .badInput)
        #expect(result.err.contains("--repeat 3 --every 2000000h: the last request would come after the latest time meshsim can count"))
    }

    /// A verdict drawn at random (a 50% abort fault) changes often: the full stages once per
    /// verdict, at most 100 one-line runs, then a note, and a tally that still counts all.
    @Test func randomVerdictsPrintBoundedLinesAndACompleteTally() throws {
        let flaky = """
            name: flaky
            duration: 1m
            clients:
              - { name: web, rate: 10/s, target: api }
            mesh: { enabled: true }
            services:
              api:
                latency: 1ms
                http:
                  - route: [ { destination: { host: api } } ]
                    fault: { abort: { percentage: { value: 50 }, httpStatus: 503 } }
            """
        let workspace = try CommandTests.Workspace(["f.yaml": flaky])
        var console = Console()
        #expect(Meshsim.main(["eval", workspace.path("f.yaml"), "--repeat", "1000"], console: &console) == .success)
        let lines = console.out.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("request ") && $0.hasSuffix(" of 1000:") }.count == 2)
        // "request 7 at 0s: …", "requests 8–9: …"; not the stage lines "request    GET / …".
        let runLines = lines.filter { line in
            let words = line.split(separator: " ")
            return words.count > 1 && ["request", "requests"].contains(words[0]) && words[1].first?.isNumber == true && !line.hasSuffix(":")
        }
        #expect(runLines.count == 100)
        #expect(lines.contains { $0.hasPrefix("… ") && $0.hasSuffix(" more lines like the ones above; the counts below are complete") })
        let tally = try #require(lines.last)
        #expect(tally.hasPrefix("1000 requests at 0s: "))
        let counts = tally.split(separator: ";").compactMap { $0.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
        #expect(counts.count == 2)
        #expect(counts.reduce(0, +) == 1000)
        #expect(tally.contains("503 (FI): injected fault: ") && tally.contains("reaches api: "))
    }
}
