import Foundation
import Testing
@testable import Reports

@Suite struct ReportFolderTests {
    /// A fresh folder under the system temporary folder; each test removes it in a `defer`.
    private func makeScratch() throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("meshsim-reports-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    private func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    private func put(_ text: String, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func writesEveryFileAndCreatesParents() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let target = scratch.appendingPathComponent("Reports/nested/run")
            try ReportFolder.write(files: [("summary.csv", "a,b\n"), ("canary/events.csv", "x\n")], to: target.path)
            #expect(try names(in: target) == ["canary", "summary.csv"])
            #expect(try read(target.appendingPathComponent("summary.csv")) == "a,b\n")
            #expect(try read(target.appendingPathComponent("canary/events.csv")) == "x\n")
            #expect(try names(in: target.deletingLastPathComponent()) == ["run"])
        }
    }

    @Test func replacesAnExistingReportFolder() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let target = scratch.appendingPathComponent("run")
            try put("old summary\n", at: target.appendingPathComponent("summary.csv"))
            try put("stale\n", at: target.appendingPathComponent("v1/compare.csv"))
            try put("<x/>\n", at: target.appendingPathComponent("junit.xml"))
            try ReportFolder.write(files: [("summary.csv", "new\n")], to: target.path + "/")
            #expect(try names(in: target) == ["summary.csv"])
            #expect(try read(target.appendingPathComponent("summary.csv")) == "new\n")
            #expect(try names(in: scratch) == ["run"])
        }
    }

    @Test func parentThatIsAFileFailsAndLeavesNothing() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let file = scratch.appendingPathComponent("afile")
            try put("keep\n", at: file)
            let error = #expect(throws: ReportWriteError.self) {
                try ReportFolder.write(files: [("summary.csv", "x")], to: file.appendingPathComponent("run").path)
            }
            #expect(error?.path == file.path)
            #expect(error?.description.hasPrefix("cannot write \(file.path): ") == true)
            #expect(error?.reason.isEmpty == false)
            #expect(try names(in: scratch) == ["afile"])
            #expect(try read(file) == "keep\n")
        }
    }

    @Test func failureWhileWritingKeepsTheOldFolder() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let target = scratch.appendingPathComponent("run")
            try put("old\n", at: target.appendingPathComponent("summary.csv"))
            // "a" is written as a file, so "a/b.csv" cannot be: the second write fails.
            #expect(throws: ReportWriteError.self) {
                try ReportFolder.write(files: [("summary.csv", "new\n"), ("a", "x"), ("a/b.csv", "y")], to: target.path)
            }
            #expect(try names(in: scratch) == ["run"])
            #expect(try names(in: target) == ["summary.csv"])
            #expect(try read(target.appendingPathComponent("summary.csv")) == "old\n")
        }
    }

    @Test func refusesToReplaceAFolderWithOtherFiles() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let target = scratch.appendingPathComponent("project")
            try put("mine\n", at: target.appendingPathComponent("docs/notes.txt"))
            try put("old\n", at: target.appendingPathComponent("summary.csv"))
            let error = #expect(throws: ReportWriteError.self) {
                try ReportFolder.write(files: [("summary.csv", "new\n")], to: target.path)
            }
            #expect(error?.path == target.path)
            #expect(error?.reason.contains("notes.txt") == true)
            #expect(try names(in: scratch) == ["project"])
            #expect(try read(target.appendingPathComponent("docs/notes.txt")) == "mine\n")
            #expect(try read(target.appendingPathComponent("summary.csv")) == "old\n")
        }
    }

    @Test func refusesToReplaceAFile() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let target = scratch.appendingPathComponent("run")
            try put("data\n", at: target)
            let error = #expect(throws: ReportWriteError.self) {
                try ReportFolder.write(files: [("summary.csv", "new\n")], to: target.path)
            }
            #expect(error?.reason == "exists and is not a folder")
            #expect(try names(in: scratch) == ["run"])
            #expect(try read(target) == "data\n")
        }
    }

    @Test(arguments: ["../escape.csv", "/abs.csv", "a//b.csv", "./x.csv", ""])
    func rejectsFileNamesOutsideTheFolder(name: String) throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            #expect(throws: ReportWriteError.self) {
                try ReportFolder.write(files: [(name, "x")], to: scratch.appendingPathComponent("run").path)
            }
            #expect(try names(in: scratch) == [])
        }
    }

    @Test func rejectsDuplicateFileNames() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            #expect(throws: ReportWriteError.self) {
                try ReportFolder.write(files: [("a.csv", "1"), ("a.csv", "2")], to: scratch.appendingPathComponent("run").path)
            }
            #expect(try names(in: scratch) == [])
        }
    }

    @Test func rejectsTheRootAsTarget() {
        #expect(throws: ReportWriteError.self) { try ReportFolder.write(files: [], to: "/") }
        #expect(throws: ReportWriteError.self) { try ReportFolder.write(files: [], to: "") }
    }
}
