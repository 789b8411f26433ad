import Foundation
import MeshsimCLI
import Testing

/// A teaching scenario that reads manifests and its twin in Scenarios/twins/, the same system
/// written inline, must give the same report files byte for byte: manifests become exactly
/// what the twin spells out, or the import is wrong (issue 17, "Done when").
@Suite struct InlineTwinTests {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios")

    /// Every `Scenarios/twins/X.yaml`, by file name.
    static let twins: [String] = (try? FileManager.default.contentsOfDirectory(
        atPath: scenarios.appendingPathComponent("twins").path))?.filter { $0.hasSuffix(".yaml") }.sorted() ?? []

    @Test func theManifestExampleHasATwin() {
        #expect(Self.twins.contains("from-manifests.yaml"))
    }

    @Test(arguments: twins)
    func sameReportsAsTheInlineTwin(_ name: String) throws {
        let scratch = try CommandTests.Workspace([:])
        let original = scratch.path("original")
        let twin = scratch.path("twin")
        let originalRun = meshsim("run", Self.scenarios.appendingPathComponent(name).path, "--out", original, "--quiet")
        let twinRun = meshsim("run", Self.scenarios.appendingPathComponent("twins/\(name)").path, "--out", twin, "--quiet")
        // 1 is a teaching scenario's assertion failing on purpose; its reports are written.
        #expect([ExitCode.success, .assertionFailed].contains(originalRun.code), "\(originalRun.err)")
        #expect(twinRun.code == originalRun.code, "\(twinRun.err)")

        let files = try FileManager.default.contentsOfDirectory(atPath: original).sorted()
        #expect(files.contains("summary.csv"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: twin).sorted() == files)
        for file in files {
            let expected = try Data(contentsOf: URL(fileURLWithPath: "\(original)/\(file)"))
            let actual = try Data(contentsOf: URL(fileURLWithPath: "\(twin)/\(file)"))
            #expect(actual == expected, "\(file) differs between Scenarios/\(name) and Scenarios/twins/\(name)")
        }
    }
}
