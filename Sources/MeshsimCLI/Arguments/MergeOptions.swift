/// The arguments of `meshsim merge`.
public struct MergeOptions: Equatable, Sendable {
    /// Partial folders written by `run` or `compare` with `--shard I/N`.
    public var partials: [String]
    public var out: String
    public var quiet: Bool

    public init(partials: [String], out: String, quiet: Bool = false) {
        self.partials = partials
        self.out = out
        self.quiet = quiet
    }
}
