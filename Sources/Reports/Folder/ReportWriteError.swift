import Foundation

/// A report folder could not be written: which path, and why.
public struct ReportWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder the failing step was about.
    public var path: String
    public var reason: String
    /// The path itself cannot take reports (a file, a folder of other files): the user's
    /// input is wrong, rather than a step of the write failing.
    public var refusesPath = false

    public init(path: String, reason: String, refusesPath: Bool = false) {
        self.path = path
        self.reason = reason
        self.refusesPath = refusesPath
    }

    /// The operating system's reason behind a Foundation file error ("Not a directory"),
    /// rather than Foundation's generic "The operation could not be completed".
    init(path: String, underlying error: any Error) {
        let ns = error as NSError
        if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            self.init(path: path, reason: posix.localizedDescription)
        } else {
            self.init(path: path, reason: ns.localizedDescription)
        }
    }

    public var description: String { "cannot write \(path): \(reason)" }
}
