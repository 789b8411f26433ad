/// What one run measured for one assertion, as a number the experiments can average over
/// replications: latencies in nanoseconds, rates as fractions (error_rate 0.012), counts and
/// rps as they are; a rollout's result as a word; or why there is no value.
public struct AssertionMeasurement: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case number(Double)
        case word(String)
        /// No value, and why ("no requests"); the assertion fails in that run.
        case absent(String)
    }

    public var value: Value
    /// As the verdict prints it: "412.031 ms", "1.23%", "promoted", "no requests".
    public var text: String
    /// Whether the assertion held in this run.
    public var passed: Bool

    public init(value: Value, text: String, passed: Bool) {
        self.value = value
        self.text = text
        self.passed = passed
    }
}
