import Foundation

/// Decides whether an existing path may be replaced by a new report folder.
enum ReplaceableFolder {
    /// Report files a folder may hold and still be replaced.
    static let reportExtensions: Set<String> = ["csv", "xml", "html", "om"]

    /// false when nothing is at `target`, true when a report folder is there, and an error
    /// when something else is (a file, a link, or a folder holding other files).
    static func check(_ target: URL) throws(ReportWriteError) -> Bool {
        guard let type = try itemType(target) else { return false }
        guard type == .typeDirectory else {
            throw ReportWriteError(path: target.path, reason: "exists and is not a folder", refusesPath: true)
        }
        if let stranger = try firstNonReport(in: target) {
            throw ReportWriteError(
                path: target.path,
                reason: "holds \(stranger.path), which is not a report file; not replacing the folder",
                refusesPath: true)
        }
        return true
    }

    private static func firstNonReport(in folder: URL) throws(ReportWriteError) -> URL? {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw ReportWriteError(path: folder.path, underlying: error)
        }
        for name in names {
            let item = folder.appendingPathComponent(name)
            switch try itemType(item) {
            case .typeDirectory?:
                if let stranger = try firstNonReport(in: item) { return stranger }
            case .typeRegular? where reportExtensions.contains(item.pathExtension.lowercased()):
                continue
            default:
                return item
            }
        }
        return nil
    }

    /// The item's own type (links are not followed); nil when nothing is there.
    private static func itemType(_ url: URL) throws(ReportWriteError) -> FileAttributeType? {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            return attributes[.type] as? FileAttributeType
        } catch {
            let ns = error as NSError
            let missing = ns.domain == NSCocoaErrorDomain
                && (ns.code == CocoaError.fileReadNoSuchFile.rawValue || ns.code == CocoaError.fileNoSuchFile.rawValue)
            if missing { return nil }
            throw ReportWriteError(path: url.path, underlying: error)
        }
    }
}
