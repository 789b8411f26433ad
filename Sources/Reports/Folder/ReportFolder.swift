import Foundation

/// Writes a report folder completely or not at all.
///
/// Every file goes into a fresh hidden sibling folder first (same parent, so the renames
/// stay on one file system and are atomic). Then the new folder and the old one, if any,
/// exchange names in one step, and the old one is removed under its hidden name; so a
/// reader finds at the folder's path the complete old reports or the complete new ones,
/// never a mix or a half-deleted folder. Where the system cannot exchange two names, the
/// old folder is renamed aside first, leaving the path empty for that moment. If any step
/// fails, the temporary folder is removed and the old folder is put back as it was. A run
/// killed mid-write leaves only hidden folders (see `HiddenSiblings`), which the next write
/// into the same folder removes.
///
/// An existing folder is replaced only if it looks like a report folder: nothing in it
/// but `.csv` and `.xml` files and folders of those. This keeps `--out` pointed at the
/// wrong folder (a home or project folder) from deleting anything else.
public enum ReportFolder {
    /// Writes `files` into `directory`, replacing what was there, and creates missing
    /// parent folders. Names are relative paths ("summary.csv", "canary/summary.csv");
    /// their folders are created as needed.
    public static func write(files: [(name: String, contents: String)], to directory: String) throws(ReportWriteError) {
        // Names are checked before anything is created on disk.
        let target = try targetURL(directory)
        var seen = Set<String>()
        for file in files {
            try checkName(file.name, in: target.path)
            guard seen.insert(file.name).inserted else {
                throw ReportWriteError(path: target.path + "/" + file.name, reason: "the same report file is listed twice")
            }
        }
        var staging = try Staging(directory: directory)
        do throws(ReportWriteError) {
            for file in files { try staging.add(file.name, file.contents) }
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
    }

    /// A report folder written file by file, for experiments whose files come as their
    /// simulations end and should not all wait in memory: the files go into the hidden
    /// staging folder at once, and `commit` puts the folder in place as `write` does.
    /// Until then the old folder, if any, is untouched; `discard` removes what was staged.
    public struct Staging: Sendable {
        private let target: URL
        private let staging: URL
        private let targetExists: Bool
        private var names = Set<String>()

        public init(directory: String) throws(ReportWriteError) {
            target = try ReportFolder.targetURL(directory)
            let parent = target.deletingLastPathComponent()
            let fileManager = FileManager.default
            do {
                try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            } catch {
                throw ReportWriteError(path: parent.path, underlying: error)
            }
            targetExists = try ReplaceableFolder.check(target)
            HiddenSiblings.removeLeftovers(of: target)
            staging = HiddenSiblings.make(for: target, tag: "partial")
            do {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            } catch {
                throw ReportWriteError(path: staging.path, underlying: error)
            }
        }

        /// Writes one file; `name` is a relative path ("summary.csv", "canary/summary.csv").
        public mutating func add(_ name: String, _ contents: String) throws(ReportWriteError) {
            try ReportFolder.checkName(name, in: target.path)
            guard names.insert(name).inserted else {
                throw ReportWriteError(path: target.path + "/" + name, reason: "the same report file is listed twice")
            }
            try ReportFolder.write(contents, to: staging.appendingPathComponent(name))
        }

        public func commit() throws(ReportWriteError) {
            let staging = self.staging
            do {
                try ReportFolder.move(staging, to: target, replacing: targetExists)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                throw error
            }
        }

        public func discard() {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    /// Throws what `write` would refuse before writing anything: a path that cannot be a
    /// report folder, or something there that is not a report folder. Commands ask before
    /// they simulate, so a wrong `--out` costs no run. A step that fails on the file system
    /// is left to `write`, whose error is an I/O failure.
    public static func checkTarget(_ directory: String) throws(ReportWriteError) {
        do {
            _ = try ReplaceableFolder.check(try targetURL(directory))
        } catch where error.refusesPath {
            throw error
        } catch {}
    }

    private static func targetURL(_ directory: String) throws(ReportWriteError) -> URL {
        let url = URL(fileURLWithPath: directory).standardizedFileURL
        let name = url.lastPathComponent
        guard !directory.isEmpty, !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw ReportWriteError(path: directory, reason: "not a usable report folder path", refusesPath: true)
        }
        return url
    }

    private static func checkName(_ name: String, in folder: String) throws(ReportWriteError) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw ReportWriteError(path: folder + "/" + name, reason: "a report file name must be a relative path inside the folder")
        }
    }

    private static func write(_ contents: String, to url: URL) throws(ReportWriteError) {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        } catch {
            throw ReportWriteError(path: url.path, underlying: error)
        }
    }

    /// Renames the finished folder into place, keeping the old one aside until it is.
    private static func move(_ staging: URL, to target: URL, replacing: Bool) throws(ReportWriteError) {
        let fileManager = FileManager.default
        guard replacing else {
            do {
                try fileManager.moveItem(at: staging, to: target)
            } catch {
                throw ReportWriteError(path: target.path, underlying: error)
            }
            return
        }
        if FolderSwap.exchange(staging.path, target.path) {
            // The new reports are in place; the old ones are under the staging name. One that
            // cannot be removed stays hidden, for the next write to remove.
            try? fileManager.removeItem(at: staging)
            return
        }
        let old = HiddenSiblings.make(for: target, tag: "old")
        do {
            try fileManager.moveItem(at: target, to: old)
        } catch {
            throw ReportWriteError(path: target.path, underlying: error)
        }
        do {
            try fileManager.moveItem(at: staging, to: target)
        } catch {
            try? fileManager.moveItem(at: old, to: target)
            throw ReportWriteError(path: target.path, underlying: error)
        }
        // The new reports are complete and in place; an old copy that cannot be removed
        // stays behind as a hidden sibling rather than failing a finished write.
        try? fileManager.removeItem(at: old)
    }
}
