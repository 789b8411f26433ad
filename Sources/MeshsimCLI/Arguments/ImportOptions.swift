/// The arguments of `meshsim import`.
public struct ImportOptions: Equatable, Sendable {
    /// Manifest files, folders and globs, relative to the current folder.
    public var paths: [String]
    /// The scenario file to write; nil writes the draft to standard output.
    public var out: String?
    /// Replace `out` when it exists (`--force`); without it an existing file is refused.
    public var force: Bool

    public init(paths: [String], out: String? = nil, force: Bool = false) {
        self.paths = paths
        self.out = out
        self.force = force
    }
}
