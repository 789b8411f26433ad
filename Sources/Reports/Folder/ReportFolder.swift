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
        let target = try targetURL(directory)
        try checkNames(files.map(\.name), in: target.path)
        let parent = target.deletingLastPathComponent()
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReportWriteError(path: parent.path, underlying: error)
        }
        let targetExists = try ReplaceableFolder.check(target)
        HiddenSiblings.removeLeftovers(of: target)

        let staging = HiddenSiblings.make(for: target, tag: "partial")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw ReportWriteError(path: staging.path, underlying: error)
        }
        do throws(ReportWriteError) {
            for file in files { try write(file.contents, to: staging.appendingPathComponent(file.name)) }
            try move(staging, to: target, replacing: targetExists)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
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

    private static func checkNames(_ names: [String], in folder: String) throws(ReportWriteError) {
        var seen = Set<String>()
        for name in names {
            let parts = name.split(separator: "/", omittingEmptySubsequences: false)
            guard !name.hasPrefix("/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
                throw ReportWriteError(path: folder + "/" + name, reason: "a report file name must be a relative path inside the folder")
            }
            guard seen.insert(name).inserted else {
                throw ReportWriteError(path: folder + "/" + name, reason: "the same report file is listed twice")
            }
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
