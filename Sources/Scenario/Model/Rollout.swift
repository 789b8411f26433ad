/// `rollout:`: a Flagger (or Argo Rollouts `steps`) canary of one service.
public struct Rollout: Sendable {
    public var service: String
    public var stable: String
    public var canary: String
    public var start: Nanoseconds
    public var analysis: Analysis
    /// Argo-style steps; empty = Flagger stepWeight/maxWeight progression.
    public var steps: [Step]
    public var location: SourceLocation

    public init(
        service: String, stable: String, canary: String, start: Nanoseconds = 0, analysis: Analysis,
        steps: [Step] = [], location: SourceLocation
    ) {
        self.service = service
        self.stable = stable
        self.canary = canary
        self.start = start
        self.analysis = analysis
        self.steps = steps
        self.location = location
    }

    public struct Analysis: Sendable, Hashable {
        public var interval: Nanoseconds
        public var threshold: Int
        public var stepWeight: Int?
        public var stepWeights: [Int]
        public var maxWeight: Int
        public var metrics: [Metric]

        public init(
            interval: Nanoseconds = 60_000_000_000, threshold: Int, stepWeight: Int? = nil, stepWeights: [Int] = [],
            maxWeight: Int = 100, metrics: [Metric] = []
        ) {
            self.interval = interval
            self.threshold = threshold
            self.stepWeight = stepWeight
            self.stepWeights = stepWeights
            self.maxWeight = maxWeight
            self.metrics = metrics
        }
    }

    public struct Metric: Sendable, Hashable {
        public enum Name: String, Sendable, Hashable, CaseIterable {
            /// Percent of non-5xx answers at the canary.
            case requestSuccessRate = "request-success-rate"
            /// Canary p99 in milliseconds.
            case requestDuration = "request-duration"
        }

        public var name: Name
        public var min: Double?
        public var max: Double?
        public var location: SourceLocation

        public init(name: Name, min: Double? = nil, max: Double? = nil, location: SourceLocation) {
            self.name = name
            self.min = min
            self.max = max
            self.location = location
        }
    }

    public enum Step: Sendable, Hashable {
        case setWeight(Int)
        /// nil = pause indefinitely (the rollout stays incomplete).
        case pause(Nanoseconds?)
    }
}
