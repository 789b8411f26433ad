import Reports
import Scenario

/// `--metrics FORMAT` and `--start-time TIME` of `run` and `compare`: metrics.om in each
/// run folder, and where its timestamps start.
public struct MetricsOptions: Equatable, Sendable {
    /// Overrides the scenario's `metrics:`; nil leaves it as written.
    public var format: MetricsFormat?
    /// Wall-clock time of simulated time 0; nil for `EpochTime.defaultStart`.
    public var startTime: EpochTime?

    public init(format: MetricsFormat? = nil, startTime: EpochTime? = nil) {
        self.format = format
        self.startTime = startTime
    }

    /// The options as `arguments` of an experiment's fingerprint: nothing when absent, so
    /// that the fingerprints of runs without them stay what they were.
    var fingerprintArguments: [String] {
        var arguments: [String] = []
        if let format { arguments += ["--metrics", format.rawValue] }
        if let startTime { arguments += ["--start-time", "\(startTime.seconds).\(startTime.nanoseconds)"] }
        return arguments
    }
}
