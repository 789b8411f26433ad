import Scenario

/// Checks a run's assertions against its result: `METRIC{labels} OP VALUE` reads the summary
/// row the labels pick (`Assertion.row`) and compares exactly where both sides are integers
/// (latencies in nanoseconds, counts), otherwise as the correctly rounded quotients they are.
public enum AssertionEvaluator {
    /// One verdict per assertion, in order. `countedDuration` is the scenario's duration
    /// minus its warmup: the time in which counted requests started, the divisor of `rps`.
    public static func evaluate(_ assertions: [Assertion], result: RunResult, countedDuration: Nanoseconds) -> [AssertionVerdict] {
        zip(assertions, measurements(assertions, result: result, countedDuration: countedDuration)).map { assertion, measurement in
            AssertionVerdict(assertion: assertion, measured: measurement.text, passed: measurement.passed)
        }
    }

    /// What each assertion measured in this run, in order, with the verdict `evaluate` gives:
    /// the value in the assertion's unit (latencies in nanoseconds, rates as fractions,
    /// counts, rps; a rollout's result as a word), or why there is none. Experiments average
    /// the values over replications; whether one run passed is still decided here, exactly.
    public static func measurements(_ assertions: [Assertion], result: RunResult, countedDuration: Nanoseconds) -> [AssertionMeasurement] {
        assertions.map { assertion in
            switch measure(assertion, result, countedDuration) {
            case .failure(let absent):
                return AssertionMeasurement(value: .absent(absent.reason), text: absent.reason, passed: false)
            case .success(let measurement):
                let passed = holds(measurement.quantity, assertion.op, Quantity(assertion.value))
                return AssertionMeasurement(value: measurement.quantity.value, text: measurement.text, passed: passed)
            }
        }
    }

    /// A measured value, or why there is none; an assertion without a value fails.
    private struct Measurement {
        var quantity: Quantity
        var text: String
    }

    private struct Absent: Error {
        var reason: String
    }

    /// Integers stay integers so that `p99 < 300ms` compares nanoseconds exactly.
    private enum Quantity {
        case integer(Int64)
        case real(Double)
        case word(String)

        init(_ value: Assertion.Value) {
            switch value {
            case .number(let number): self = .real(number)
            case .duration(let nanoseconds): self = .integer(nanoseconds)
            case .fraction(let fraction): self = .real(fraction)
            case .rolloutResult(let word): self = .word(word)
            }
        }

        /// Latencies stay nanoseconds: far below 2^53 in any run, so the conversion is exact.
        var value: AssertionMeasurement.Value {
            switch self {
            case .integer(let integer): return .number(Double(integer))
            case .real(let real): return .number(real)
            case .word(let word): return .word(word)
            }
        }
    }

    private static func measure(_ assertion: Assertion, _ result: RunResult, _ countedDuration: Nanoseconds) -> Result<Measurement, Absent> {
        if assertion.metric == .rollout {
            guard let rollout = result.rollout else { return .failure(Absent(reason: "no rollout")) }
            return .success(Measurement(quantity: .word(rollout.result.rawValue), text: rollout.result.rawValue))
        }
        let row = assertion.row
        guard let summary = result.summary.first(where: { $0.scope == scope(of: row) && $0.name == row.name }) else {
            let name = row.label.map { "\($0.rawValue)=\(row.name)" } ?? "total"
            return .failure(Absent(reason: "no summary row \(name)"))
        }
        return measure(assertion.metric, summary, countedDuration)
    }

    private static func measure(_ metric: Assertion.Metric, _ row: ScopeSummary, _ countedDuration: Nanoseconds) -> Result<Measurement, Absent> {
        let counts = row.counts
        switch metric {
        case .p50, .p90, .p95, .p99, .p999, .mean, .max:
            guard let latency = row.latency else { return .failure(Absent(reason: "no requests")) }
            return .success(self.latency(metric, latency))
        case .requests: return .success(count(counts.requests))
        case .ok: return .success(count(counts.ok))
        case .errors: return .success(count(counts.errors))
        case .rateLimited: return .success(count(counts.rateLimited))
        case .unauthorized: return .success(count(counts.unauthorized))
        case .timeouts: return .success(count(counts.timeouts))
        case .overflows: return .success(count(counts.overflows))
        case .retries: return .success(count(counts.retries))
        case .ejections: return .success(count(row.ejections))
        case .errorRate, .successRate:
            // A rate of nothing is no evidence either way, so it fails like a latency would.
            guard counts.requests > 0 else { return .failure(Absent(reason: "no requests")) }
            let part = metric == .errorRate ? counts.errors : max(0, counts.requests - counts.errors)
            return .success(Measurement(
                quantity: .real(Double(part) / Double(counts.requests)), text: MeasuredText.percent(part, of: counts.requests)))
        case .rps:
            guard countedDuration > 0 else { return .failure(Absent(reason: "no counted time (warmup is not shorter than duration)")) }
            let rate = Double(counts.requests) * 1e9 / Double(countedDuration)
            return .success(Measurement(quantity: .real(rate), text: MeasuredText.rate(counts.requests, per: countedDuration)))
        case .rollout:
            // Read from the run's rollout before any row is looked up; no row holds it.
            return .failure(Absent(reason: "no rollout"))
        }
    }

    private static func latency(_ metric: Assertion.Metric, _ latency: LatencySummary) -> Measurement {
        let nanoseconds: Nanoseconds
        switch metric {
        case .p50: nanoseconds = latency.p50
        case .p90: nanoseconds = latency.p90
        case .p95: nanoseconds = latency.p95
        case .p99: nanoseconds = latency.p99
        case .p999: nanoseconds = latency.p999
        case .max: nanoseconds = latency.max
        default: return Measurement(quantity: .real(latency.mean), text: MeasuredText.milliseconds(latency.mean))
        }
        return Measurement(quantity: .integer(nanoseconds), text: MeasuredText.milliseconds(nanoseconds))
    }

    private static func count(_ value: Int) -> Measurement {
        Measurement(quantity: .integer(Int64(value)), text: String(value))
    }

    private static func scope(of row: Assertion.Row) -> ScopeKind {
        switch row.label {
        case nil: return .total
        case .client: return .client
        case .route: return .route
        case .service: return .service
        case .version: return .version
        }
    }

    /// Words compare only for (in)equality; a word against a number (an assertion built by
    /// hand with a value of the wrong kind) never holds.
    private static func holds(_ measured: Quantity, _ op: Assertion.Operator, _ written: Quantity) -> Bool {
        switch (measured, written) {
        case let (.integer(a), .integer(b)): return compare(a, op, b)
        case let (.integer(a), .real(b)): return compare(Double(a), op, b)
        case let (.real(a), .integer(b)): return compare(a, op, Double(b))
        case let (.real(a), .real(b)): return compare(a, op, b)
        case let (.word(a), .word(b)):
            switch op {
            case .equal: return a == b
            case .notEqual: return a != b
            default: return false
            }
        default: return false
        }
    }

    private static func compare<T: Comparable>(_ a: T, _ op: Assertion.Operator, _ b: T) -> Bool {
        switch op {
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        case .equal: return a == b
        case .notEqual: return a != b
        }
    }
}
