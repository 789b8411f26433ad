import Experiments

/// The options `run` and `compare` share for experiments: replications, sweeps and shards.
/// All absent (the default) is the single run of today.
public struct ExperimentOptions: Equatable, Sendable {
    /// `--replications N`, overriding the scenario's `replications:`.
    public var replications: Int?
    /// `--keep-replications`: write each simulation's own report folder too.
    public var keepReplications: Bool
    /// `--inconclusive fail|pass`; nil means fail.
    public var inconclusive: InconclusivePolicy?
    /// `--sweep PATH=V1,V2,...` in command-line order; when any is given they replace the
    /// scenario's `sweep:`.
    public var sweeps: [String]
    /// `--shard I/N`: run only that share of the simulations and write a partial folder.
    public var shard: Shard?

    public init(
        replications: Int? = nil, keepReplications: Bool = false, inconclusive: InconclusivePolicy? = nil, sweeps: [String] = [],
        shard: Shard? = nil
    ) {
        self.replications = replications
        self.keepReplications = keepReplications
        self.inconclusive = inconclusive
        self.sweeps = sweeps
        self.shard = shard
    }
}
