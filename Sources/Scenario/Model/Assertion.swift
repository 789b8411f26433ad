/// `assertions[*]`: `METRIC{label=value,...} OP VALUE`, checked after a run.
public struct Assertion: Sendable, Hashable {
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        case p50, p90, p95, p99, p999, mean, max
        case requests, ok, errors
        case errorRate = "error_rate"
        case successRate = "success_rate"
        case rateLimited = "rate_limited"
        case unauthorized, timeouts, overflows, retries, ejections, rps
        case rollout

        public var isLatency: Bool {
            switch self {
            case .p50, .p90, .p95, .p99, .p999, .mean, .max: return true
            default: return false
            }
        }
    }

    public enum Label: String, Sendable, Hashable, CaseIterable {
        case client, route, service, version
    }

    public enum Operator: String, Sendable, Hashable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    }

    public enum Value: Sendable, Hashable {
        /// A plain number (counts, rps).
        case number(Double)
        case duration(Nanoseconds)
        /// Fraction 0…1 (`1%` is 0.01).
        case fraction(Double)
        /// `promoted`, `rolled-back`, `incomplete`.
        case rolloutResult(String)
    }

    /// As written, used as the test case name in junit.xml.
    public var text: String
    public var metric: Metric
    public var labels: [LabelValue]
    public var op: Operator
    public var value: Value
    public var location: SourceLocation

    public init(text: String, metric: Metric, labels: [LabelValue] = [], op: Operator, value: Value, location: SourceLocation) {
        self.text = text
        self.metric = metric
        self.labels = labels
        self.op = op
        self.value = value
        self.location = location
    }

    public struct LabelValue: Sendable, Hashable {
        public var label: Label
        public var value: String

        public init(label: Label, value: String) {
            self.label = label
            self.value = value
        }
    }
}
