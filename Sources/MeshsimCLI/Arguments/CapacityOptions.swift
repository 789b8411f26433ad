import Experiments

/// The arguments of `meshsim capacity`.
public struct CapacityOptions: Equatable, Sendable {
    /// Path of the scenario file.
    public var scenario: String
    /// Manifest files, folders and globs given after the scenario, as `run` reads them.
    public var manifests: [String]
    /// The override path varied (`--vary`), such as `clients[name=web].rate`.
    public var path: String
    /// The range searched and its resolution (`--from`, `--to`, `--resolution`).
    public var range: VariedValue
    /// Simulations per value (`--replications`); nil for the scenario's `replications:`, else 1.
    public var replications: Int?
    /// Whether an inconclusive value lets the exit code be 0 (`--inconclusive`).
    public var inconclusive: InconclusivePolicy
    /// Replications simulated at once (`--jobs`); nil means one per core.
    public var jobs: Int?
    /// `--set` overrides in command-line order, each `PATH=VALUE`.
    public var sets: [String]
    /// Report folder; nil means `Reports/<scenario name>-capacity/`.
    public var out: String?
    /// No progress or timing line on stderr.
    public var quiet: Bool

    public init(
        scenario: String, manifests: [String] = [], path: String, range: VariedValue, replications: Int? = nil,
        inconclusive: InconclusivePolicy = .fail, jobs: Int? = nil, sets: [String] = [], out: String? = nil, quiet: Bool = false
    ) {
        self.scenario = scenario
        self.manifests = manifests
        self.path = path
        self.range = range
        self.replications = replications
        self.inconclusive = inconclusive
        self.jobs = jobs
        self.sets = sets
        self.out = out
        self.quiet = quiet
    }
}
