import Engine
import Scenario

/// Judges an assertion over the replications of one cell (a setup at a sweep point): the
/// replications are independent runs, so their measured values are independent draws, and
/// a number's 95% Student-t interval (`Estimate`) says where its true mean lies. The
/// assertion passes when every value in the interval satisfies it, fails when none does,
/// and is inconclusive when the interval reaches both sides of the threshold.
public enum AssertionJudge {
    /// `measurements` holds the assertion's measurement in replication 1, 2, …; one
    /// replication is judged as a single run.
    public static func judge(_ assertion: Assertion, _ measurements: [AssertionMeasurement]) -> JudgedAssertion {
        guard measurements.count > 1 else {
            guard let only = measurements.first else {
                return JudgedAssertion(assertion: assertion, outcome: .fail, estimate: nil, measured: "no replications", advice: nil)
            }
            return JudgedAssertion.oneRun(assertion, only)
        }
        // A run without a value (no requests, no rollout) fails the assertion, as in a
        // single run: averaging the others would hide it.
        if let absences = absences(measurements) {
            return JudgedAssertion(assertion: assertion, outcome: .fail, estimate: nil, measured: absences, advice: nil)
        }
        let numbers = measurements.compactMap { measurement -> Double? in
            if case .number(let value) = measurement.value { return value }
            return nil
        }
        if numbers.count == measurements.count, let threshold = threshold(assertion.value) {
            return interval(assertion, numbers, threshold)
        }
        return replicationByReplication(assertion, measurements)
    }

    /// Every assertion of a cell: `replications[k][i]` is assertion i's measurement in
    /// replication k + 1 (`UnitOutcome.assertions` of the cell's units, in order).
    public static func judge(_ assertions: [Assertion], replications: [[AssertionMeasurement]]) -> [JudgedAssertion] {
        assertions.indices.map { i in
            judge(assertions[i], replications.map { $0.indices.contains(i) ? $0[i] : notMeasured })
        }
    }

    /// A cell's assertions together: fail if any fails, else inconclusive if any is, else
    /// pass; nil for a cell without assertions.
    public static func verdict(_ judged: [JudgedAssertion]) -> JudgedAssertion.Outcome? {
        let outcomes = Set(judged.map(\.outcome))
        for outcome in [JudgedAssertion.Outcome.fail, .inconclusive, .pass] where outcomes.contains(outcome) {
            return outcome
        }
        return nil
    }

    private static let notMeasured = AssertionMeasurement(value: .absent("not measured"), text: "not measured", passed: false)

    /// "no requests in replication 3"; several: "no requests in replications 3, 5 and 8".
    private static func absences(_ measurements: [AssertionMeasurement]) -> String? {
        var reasons: [(reason: String, replications: [Int])] = []
        for (index, measurement) in measurements.enumerated() {
            guard case .absent(let reason) = measurement.value else { continue }
            if let known = reasons.firstIndex(where: { $0.reason == reason }) {
                reasons[known].replications.append(index + 1)
            } else {
                reasons.append((reason, [index + 1]))
            }
        }
        guard !reasons.isEmpty else { return nil }
        return reasons.map { "\($0.reason) in \(replicationList($0.replications))" }.joined(separator: "; ")
    }

    /// Names at most three, so that 10,000 replications without requests stay one line.
    private static func replicationList(_ numbers: [Int]) -> String {
        let named = numbers.prefix(3).map(String.init)
        switch numbers.count {
        case 1: return "replication \(named[0])"
        case 2, 3: return "replications \(named.dropLast().joined(separator: ", ")) and \(named[named.count - 1])"
        default: return "replications \(named.joined(separator: ", ")) and \(numbers.count - 3) more"
        }
    }

    /// The written value in the measurements' unit; nil for a word.
    private static func threshold(_ value: Assertion.Value) -> Double? {
        switch value {
        case .number(let number): return number
        case .duration(let nanoseconds): return Double(nanoseconds)
        case .fraction(let fraction): return fraction
        case .rolloutResult: return nil
        }
    }

    private static func interval(_ assertion: Assertion, _ values: [Double], _ threshold: Double) -> JudgedAssertion {
        guard let estimate = Estimate(values), let halfWidth = estimate.halfWidth else {
            return JudgedAssertion(
                assertion: assertion, outcome: .fail, estimate: nil, measured: "not a finite number in every replication", advice: nil)
        }
        let low = estimate.mean - halfWidth, high = estimate.mean + halfWidth
        let outcome = judge(low: low, high: high, assertion.op, threshold)
        return JudgedAssertion(
            assertion: assertion, outcome: outcome, estimate: estimate,
            measured: MeasuredInterval.text(estimate, halfWidth: halfWidth, metric: assertion.metric),
            advice: outcome == .inconclusive ? ReplicationAdvice.text(estimate, threshold: threshold) : nil)
    }

    /// Whether all of [low, high] satisfies `OP threshold`, none of it does, or some does.
    /// An interval of positive width never lies wholly on a single value: `==` passes (and
    /// `!=` fails) only when the interval is the threshold itself, every replication
    /// measuring exactly it.
    static func judge(low: Double, high: Double, _ op: Assertion.Operator, _ threshold: Double) -> JudgedAssertion.Outcome {
        let isThreshold = low == threshold && high == threshold
        let excludes = high < threshold || low > threshold
        let (all, none): (Bool, Bool)
        switch op {
        case .less: (all, none) = (high < threshold, low >= threshold)
        case .lessOrEqual: (all, none) = (high <= threshold, low > threshold)
        case .greater: (all, none) = (low > threshold, high <= threshold)
        case .greaterOrEqual: (all, none) = (low >= threshold, high < threshold)
        case .equal: (all, none) = (isThreshold, excludes)
        case .notEqual: (all, none) = (excludes, isThreshold)
        }
        return all ? .pass : none ? .fail : .inconclusive
    }

    /// Words (a rollout's result), and values of a kind the written one cannot be compared
    /// with: each replication's own verdict. An interval cannot straddle a word, so the
    /// verdict is pass when every replication passed, fail when none did, inconclusive
    /// otherwise, which more replications cannot change.
    private static func replicationByReplication(_ assertion: Assertion, _ measurements: [AssertionMeasurement]) -> JudgedAssertion {
        var counts: [(text: String, count: Int)] = []
        for measurement in measurements {
            if let known = counts.firstIndex(where: { $0.text == measurement.text }) {
                counts[known].count += 1
            } else {
                counts.append((measurement.text, 1))
            }
        }
        let measured = counts.map { "\($0.text) in \($0.count)" }.joined(separator: ", ") + " of \(measurements.count) replications"
        let passed = measurements.filter(\.passed).count
        let outcome: JudgedAssertion.Outcome = passed == measurements.count ? .pass : passed == 0 ? .fail : .inconclusive
        let advice = outcome == .inconclusive ? "more replications cannot decide it: the replications disagree" : nil
        return JudgedAssertion(assertion: assertion, outcome: outcome, estimate: nil, measured: measured, advice: advice)
    }
}
