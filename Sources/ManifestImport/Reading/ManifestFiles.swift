import Foundation
import Scenario

/// Turns the entries of `manifests:` (and manifest arguments) into the files to read: a file
/// as named, a folder as every `*.yaml`, `*.yml` and `*.json` below it (sub-folders too,
/// hidden ones skipped, sorted by path), a glob (`k8s/*.yaml`, `*` `?` `[...]` within one
/// path segment) as its matches, sorted. Each file is read once, at its first mention.
enum ManifestFiles {
    /// More files than any cluster's folder holds; past it a mistaken `/` is reported, not walked.
    static let maxFiles = 10_000
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    struct Entry: Sendable {
        var path: String
        /// Where the entry is written (the scenario's `manifests` item, or the argument).
        var location: SourceLocation
    }

    /// The files, in order, or the errors of entries that name nothing.
    static func resolve(_ entries: [Entry], relativeTo base: String) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for entry in entries {
            let path = entry.path.hasPrefix("/") || base.isEmpty ? entry.path : base + "/" + entry.path
            let found: [String]
            if isGlob(entry.path) {
                found = expandGlob(path)
                if found.isEmpty {
                    diagnostics.append(.error("no file matches '\(Diagnostic.excerpt(entry.path))'", at: entry.location))
                }
            } else if isDirectory(path) {
                found = folderFiles(path)
                if found.isEmpty {
                    diagnostics.append(.warning("folder '\(Diagnostic.excerpt(entry.path))' holds no .yaml, .yml or .json file", at: entry.location))
                }
            } else if FileManager.default.fileExists(atPath: path) {
                found = [path]
            } else {
                diagnostics.append(.error("no such file or folder: '\(Diagnostic.excerpt(entry.path))' (read relative to \(base.isEmpty ? "the current folder" : "'\(base)'"))", at: entry.location))
                found = []
            }
            // `k8s/./a.yaml` and `k8s/a.yaml` are one file, read once and named one way.
            for file in found.map({ ($0 as NSString).standardizingPath }) where seen.insert(identity(of: file)).inserted {
                files.append(file)
            }
            if files.count > maxFiles {
                diagnostics.append(.error("'\(Diagnostic.excerpt(entry.path))' brings the manifests to more than \(CountText.grouped(maxFiles)) files; point at the folders that hold the cluster's configuration", at: entry.location))
                return (Array(files.prefix(maxFiles)), diagnostics)
            }
        }
        return (files, diagnostics)
    }

    /// What names one file however it is spelt (`sim/../k8s/a.yaml`, `k8s/a.yaml`, a link to
    /// it): a scenario's `manifests:` and the command line's arguments often name the same files.
    static func identity(of file: String) -> String {
        URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
    }

    static func isGlob(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Every manifest file below `folder`, sorted by path (bytewise, so the order is the same
    /// everywhere); a folder reached again through a link is walked once, by its first path.
    static func folderFiles(_ folder: String) -> [String] {
        var result: [String] = []
        var pending = [folder]
        var walked: Set<String> = []
        while let current = pending.popLast(), result.count <= maxFiles {
            // A link back up (`k8s/loop -> ..`) leads to a folder again by a longer path; two
            // such links would double the walk at every level, without end.
            guard walked.insert(identity(of: current)).inserted else { continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: current) else { continue }
            // Sorted, so that which path reaches a linked folder first does not depend on the
            // file system's listing order.
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                if isDirectory(path) {
                    pending.append(path)
                } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                    result.append(path)
                }
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A glob's matches: each segment with a wildcard is matched against the names in the
    /// folders reached so far (hidden names only by a pattern that starts with `.`).
    static func expandGlob(_ pattern: String) -> [String] {
        let absolute = pattern.hasPrefix("/")
        var candidates = [absolute ? "/" : ""]
        for segment in pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init) {
            var next: [String] = []
            for prefix in candidates {
                if !isGlob(segment) {
                    next.append(prefix + segment)
                    continue
                }
                let folder = prefix.isEmpty ? "." : prefix
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
                for name in names.sorted() where (segment.hasPrefix(".") || !name.hasPrefix(".")) && GlobPattern.matches(segment, name) {
                    next.append(prefix + name)
                }
            }
            candidates = next.map { $0 + "/" }
            if candidates.count > maxFiles { break }
        }
        var result: [String] = []
        for candidate in candidates {
            let path = String(candidate.dropLast())
            if isDirectory(path) {
                result += folderFiles(path)
            } else if FileManager.default.fileExists(atPath: path) {
                result.append(path)
            }
        }
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
