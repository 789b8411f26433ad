/// The arguments of `meshsim compare`.
public struct CompareOptions: Equatable, Sendable {
    /// One scenario (compare its variants) or two scenarios (compare the files).
    public var scenarios: [String]
    /// Variants picked with `--variant`, in command-line order; empty means all of them.
    /// Always empty when two scenarios are given.
    public var variants: [String]
    /// Report folder; `nil` means the default.
    public var out: String?
    /// Setups simulated at once, at least 1 (`--jobs`); `nil` means one per core.
    /// The results are the same at any count.
    public var jobs: Int?
    /// No timing line on stderr, as `run --quiet`.
    public var quiet: Bool
    /// Requests, calls and attempts in flight at which each setup's run stops
    /// (`--max-in-flight`, as `run`'s); nil for the engine's default.
    public var maxInFlight: Int?
    public var experiment: ExperimentOptions
    public var metrics: MetricsOptions

    public init(
        scenarios: [String], variants: [String] = [], out: String? = nil, jobs: Int? = nil, quiet: Bool = false,
        maxInFlight: Int? = nil, experiment: ExperimentOptions = ExperimentOptions(), metrics: MetricsOptions = MetricsOptions()
    ) {
        self.scenarios = scenarios
        self.variants = variants
        self.out = out
        self.jobs = jobs
        self.quiet = quiet
        self.maxInFlight = maxInFlight
        self.experiment = experiment
        self.metrics = metrics
    }
}
