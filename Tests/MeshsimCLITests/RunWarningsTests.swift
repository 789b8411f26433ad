import Foundation
import MeshsimCLI
import Synchronization
import Testing

/// issue 16: `run` prints `validate`'s warnings before the run starts, and the process
/// writes them as they come (the sinks), not after a long run.
@Suite struct RunWarningsTests {
    static let scenario = """
        name: warned
        duration: 10s
        clients:
          - { name: web, rate: 20/s, credential: { apiKey: k-web } }
        gateway:
          replicas: 2
          plugins:
            - name: key-auth
              consumers: { k-web: web-app }
          routes:
            - name: all
              paths: [/]
              service: api
              plugins:
                - name: rate-limiting
                  config: { minute: 300, limit_by: consumer, policy: local }
        mesh: { enabled: true }
        services:
          api:
            latency: 1ms
            versions: { v1: { replicas: 1 }, v2: { replicas: 1 } }
            http:
              - route: [ { destination: { subset: v1 } } ]
        """

    /// Each stderr line as it reaches the sink, with whether the report folder existed then:
    /// a warning sent after the run would find the folder written.
    @Test func warningsReachStderrBeforeTheRunWritesItsReports() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let out = workspace.path("out")
        let seen = Mutex<[(line: String, reportsWritten: Bool)]>([])
        var console = Console(errorSink: { line in
            let written = FileManager.default.fileExists(atPath: out)
            seen.withLock { $0.append((line, written)) }
        })
        let code = Meshsim.main(["run", workspace.path("s.yaml"), "--out", out], console: &console)
        #expect(code == .success)
        #expect(console.err == "")
        let lines = seen.withLock { $0 }
        // One warning from validation, one from the policy lint.
        for text in ["warning: rate-limiting of route \"all\"", "warning: version v2 of api gets no traffic"] {
            let warning = lines.first { $0.line.contains(text) }
            #expect(warning.map { !$0.reportsWritten } == true, "\(text)")
        }
        #expect(lines.last?.line.hasPrefix("simulated ") == true)
        #expect(lines.last?.reportsWritten == true)
        #expect(console.out.contains("scope"))
    }
}
