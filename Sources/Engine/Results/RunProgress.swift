import Scenario

/// How far a run has got, for a progress display: reported every few tens of thousands of
/// events while the run goes on.
public struct RunProgress: Sendable, Equatable {
    /// The simulated clock now.
    public var simulatedTime: Nanoseconds
    /// The scenario's duration: clients send until then, and the run drains after it.
    public var duration: Nanoseconds
    /// Client requests sent so far.
    public var requests: Int

    public init(simulatedTime: Nanoseconds, duration: Nanoseconds, requests: Int) {
        self.simulatedTime = simulatedTime
        self.duration = duration
        self.requests = requests
    }
}
