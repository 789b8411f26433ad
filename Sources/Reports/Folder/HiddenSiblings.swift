import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden folders a write keeps beside the report folder NAME while it works:
/// `.NAME.partial-PID-UUID` for the new reports, `.NAME.old-PID-UUID` for the old ones on
/// their way out. A run killed mid-write leaves one behind; the next write into NAME removes
/// those whose process is gone, and those of the form `.NAME.TAG-UUID` that earlier meshsim
/// versions left, and nothing else.
enum HiddenSiblings {
    static let tags = ["partial", "old"]

    /// A hidden sibling of `target` with a name no other write uses.
    static func make(for target: URL, tag: String) -> URL {
        let name = ".\(target.lastPathComponent).\(tag)-\(getpid())-\(UUID().uuidString)"
        return target.deletingLastPathComponent().appendingPathComponent(name, isDirectory: true)
    }

    /// Removes what killed writes into `target` left; one that cannot be removed is left alone,
    /// as it does not stop this write.
    static func removeLeftovers(of target: URL) {
        let parent = target.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where isLeftover(name, of: target.lastPathComponent) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// `name` is one of our siblings of the folder `folder`, and no running process owns it.
    static func isLeftover(_ name: String, of folder: String) -> Bool {
        for tag in tags {
            let prefix = ".\(folder).\(tag)-"
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count)
            let parts = rest.split(separator: "-", maxSplits: 1)
            if isUUID(rest) { return true }
            guard parts.count == 2, isUUID(parts[1]),
                  parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(parts[0]) else { continue }
            return !isRunning(pid)
        }
        return false
    }

    /// `UUID().uuidString`'s form exactly: upper-case hex in groups of 8-4-4-4-12.
    private static func isUUID(_ text: Substring) -> Bool {
        text.count == 36 && UUID(uuidString: String(text))?.uuidString == String(text)
    }

    /// A process with this id exists (it may belong to another user).
    private static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
