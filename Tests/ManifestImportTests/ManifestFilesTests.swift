import Foundation
import Scenario
import Testing
@testable import ManifestImport

@Suite struct ManifestFilesTests {
    @Test func globsMatchAsTheShellDoes() {
        #expect(GlobPattern.matches("*.yaml", "dr.yaml"))
        #expect(!GlobPattern.matches("*.yaml", "dr.yml"))
        #expect(GlobPattern.matches("v?-*.y*ml", "v1-reviews.yaml"))
        #expect(GlobPattern.matches("[a-c]*", "b"))
        #expect(!GlobPattern.matches("[!a-c]*", "b"))
        #expect(GlobPattern.matches("*a*b*", "xxaxxbxx"))
        #expect(!GlobPattern.matches("*a*b", "xxaxxbxx"))
        #expect(GlobPattern.matches("[", "["))
    }

    @Test func foldersListManifestFilesSortedAndRecursively() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        for file in ["b.yaml", "a.yml", "notes.txt", "sub/c.json", ".hidden/d.yaml"] {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("kind: X\n".utf8).write(to: URL(fileURLWithPath: path))
        }
        let here = SourceLocation(file: "s.yaml", line: 1, column: 1)
        let (files, diagnostics) = ManifestFiles.resolve([.init(path: "k8s", location: here)], relativeTo: root + "/..")
        #expect(files.isEmpty)
        #expect(diagnostics.map(\.severity) == [.error])
        let (found, none) = ManifestFiles.resolve([.init(path: ".", location: here), .init(path: "*.yaml", location: here)], relativeTo: root)
        #expect(none.isEmpty)
        #expect(found.map { ($0 as NSString).lastPathComponent } == ["a.yml", "b.yaml", "c.json"])
    }

    /// Two links back up (`a -> .`, `b -> ..`) would double the walk at every level: each
    /// folder is walked once, however many paths lead to it, and by the same path whatever
    /// order the file system lists names in (`sub` is walked before `link -> sub`: the walk
    /// takes a folder's entries last name first).
    @Test func linksBackToAFolderAreWalkedOnce() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("mf-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try Data("kind: X\n".utf8).write(to: URL(fileURLWithPath: root + "/sub/m.yaml"))
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/a", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: root + "/sub/b", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: "sub")
        #expect(ManifestFiles.folderFiles(root) == [root + "/sub/m.yaml"])
    }

    @Test func hostsResolveAsIstioResolvesThem() {
        // "name namespace", so that a nil fails the expectation instead of the test process.
        func split(_ host: String, _ namespace: String) -> String? {
            ServiceDirectory.split(host: host, defaultNamespace: namespace).map { "\($0.0) \($0.1)" }
        }
        #expect(split("reviews", "shop") == "reviews shop")
        #expect(split("reviews.shop", "x") == "reviews shop")
        #expect(split("reviews.shop.svc", "x") == "reviews shop")
        #expect(split("reviews.shop.svc.cluster.local", "x") == "reviews shop")
        #expect(split("api.example.com", "x") == nil)
        #expect(split("*.shop", "x") == nil)
    }
}
