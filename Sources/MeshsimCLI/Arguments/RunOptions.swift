/// The arguments of `meshsim run`.
public struct RunOptions: Equatable, Sendable {
    /// Path of the scenario file.
    public var scenario: String
    /// Manifest files, folders and globs given after the scenario, relative to the current folder.
    public var manifests: [String]
    /// Report folder; `nil` means the default `Reports/<scenario name>/`.
    public var out: String?
    /// Seed overriding the scenario's `seed`.
    public var seed: UInt64?
    /// Duration overriding the scenario's `duration`, unparsed (for example `30s`),
    /// so that it is read by the same value parser as the scenario file.
    public var duration: String?
    /// `--set` overrides in command-line order, each `PATH=VALUE` (read by `Overrides.parseAssignment`).
    public var sets: [String]
    /// No progress bar on stderr.
    public var quiet: Bool
    /// Requests, calls and attempts in flight at which the run stops (`--max-in-flight`);
    /// nil for the engine's default.
    public var maxInFlight: Int?
    /// Simulations run at once in an experiment (`--jobs`); nil means one per core.
    public var jobs: Int?
    public var experiment: ExperimentOptions
    public var metrics: MetricsOptions

    public init(
        scenario: String,
        manifests: [String] = [],
        out: String? = nil,
        seed: UInt64? = nil,
        duration: String? = nil,
        sets: [String] = [],
        quiet: Bool = false,
        maxInFlight: Int? = nil,
        jobs: Int? = nil,
        experiment: ExperimentOptions = ExperimentOptions(),
        metrics: MetricsOptions = MetricsOptions()
    ) {
        self.scenario = scenario
        self.manifests = manifests
        self.out = out
        self.seed = seed
        self.duration = duration
        self.sets = sets
        self.quiet = quiet
        self.maxInFlight = maxInFlight
        self.jobs = jobs
        self.experiment = experiment
        self.metrics = metrics
    }
}
