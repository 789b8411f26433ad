import Foundation
import MeshsimCLI
import Testing

/// `validate` and `run` print the first 100 diagnostics of a file and one line counting the
/// rest; the total still counts them all (issue 16). A misspelt service in `--set` is an error.
@Suite struct DiagnosticCapCommandTests {
    private static let manyBadClients = "name: t\nduration: 10s\nservices: { a: {} }\nclients:\n" + String(repeating: "  - 1\n", count: 400)

    @Test func validatePrintsAHundredErrorsThenHowManyMore() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.manyBadClients])
        let result = meshsim("validate", workspace.path("s.yaml"))
        #expect(result.code == .badInput)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 101)
        #expect(lines[99].hasSuffix("s.yaml:104:5: error: clients[99] must be a mapping, not '1'"))
        #expect(lines[100] == "\(workspace.path("s.yaml")): 300 more errors not shown")
        #expect(result.err.contains("400 errors"))
    }

    @Test func runPrintsTheSameNoteOnStandardError() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.manyBadClients])
        let result = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"))
        #expect(result.code == .badInput)
        #expect(result.err.hasSuffix("\(workspace.path("s.yaml")): 300 more errors not shown\n"))
    }

    @Test func setOfAMisspeltServiceIsAnErrorAndAddingOneNeedsPlus() throws {
        let workspace = try CommandTests.Workspace()
        let wrong = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--set", "services.apis.replicas=5")
        #expect(wrong.code == .badInput)
        #expect(wrong.err.contains("no service 'apis' in the scenario; did you mean 'api'? To add a new one write services.+apis.replicas"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
        let added = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out"), "--duration", "1s", "--quiet",
                            "--set", "services.+cache.latency=1ms")
        #expect(added.code == .success, "\(added.err)")
        // The added service is decoded like any other: a wrong field in it is reported.
        let checked = meshsim("run", workspace.path("s.yaml"), "--out", workspace.path("out2"), "--set", "services.+cache.concurrency=0")
        #expect(checked.err.contains("services.cache.concurrency must be at least 1, not 0"))
    }
}
