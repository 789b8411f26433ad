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

    /// The id of a process that has ended: this test's child, waited for.
    private func endedProcessID() throws -> Int32 {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/sh")
        child.arguments = ["-c", "exit 0"]
        try child.run()
        child.waitUntilExit()
        return child.processIdentifier
    }

    /// issue 16: killed runs left `.NAME.partial-…` and `.NAME.old-…` folders, some holding
    /// part of an old report, that no later run removed. The next write into NAME removes
    /// exactly those of a process that is gone (and the older form without a process id),
    /// and leaves any other hidden folder, and those of a write still running, alone.
    @Test func theNextWriteRemovesWhatKilledRunsLeft() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let uuid = "0F6A4F8E-3C1B-4B8E-9D2A-6E5F4C3B2A19"
            let dead = try endedProcessID()
            let leftovers = [
                ".run.partial-\(uuid)", ".run.old-\(uuid)", ".run.partial-\(dead)-\(uuid)", ".run.old-\(dead)-\(uuid)",
            ]
            let kept = [
                ".run.partial-\(ProcessInfo.processInfo.processIdentifier)-\(uuid)",
                ".run.partial-\(uuid.lowercased())", ".run.old-\(uuid)x", ".run.old-12-notauuid", ".run.backup",
                ".runs.old-\(uuid)", ".other.partial-\(uuid)", "run.old-\(uuid)",
            ]
            for name in leftovers + kept {
                try put("part of an old report\n", at: scratch.appendingPathComponent(name).appendingPathComponent("summary.csv"))
            }
            try put("old\n", at: scratch.appendingPathComponent("run/summary.csv"))
            try ReportFolder.write(files: [("summary.csv", "new\n")], to: scratch.appendingPathComponent("run").path)
            #expect(try names(in: scratch) == (kept + ["run"]).sorted())
            #expect(try read(scratch.appendingPathComponent("run/summary.csv")) == "new\n")
        }
    }

    /// The replacing step: the two folders trade names in one step (or, where the system
    /// cannot, neither moves and the caller renames in two steps).
    @Test func exchangeSwapsTwoFoldersWhole() throws {
        let scratch = try makeScratch()
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            let old = scratch.appendingPathComponent("run")
            let new = scratch.appendingPathComponent(".run.partial-1")
            try put("old\n", at: old.appendingPathComponent("summary.csv"))
            try put("new\n", at: new.appendingPathComponent("summary.csv"))
            let swapped = FolderSwap.exchange(new.path, old.path)
            #if os(Linux) || os(macOS)
            #expect(swapped)
            #endif
            #expect(try read(old.appendingPathComponent("summary.csv")) == (swapped ? "new\n" : "old\n"))
            #expect(try read(new.appendingPathComponent("summary.csv")) == (swapped ? "old\n" : "new\n"))
        }
    }
}
