import Testing
@testable import Engine
import Scenario

/// A hand-built run: every count of the total row differs from the others, so a metric read
/// from the wrong field shows up. Counted time is 8 s unless a test says otherwise.
private enum Run {
    static let ms: Nanoseconds = 1_000_000
    static let second: Nanoseconds = 1_000_000_000
    static let here = SourceLocation(file: "t.yaml", line: 9, column: 5)

    static func counts(_ requests: Int, errors: Int, ok: Int? = nil, rateLimited: Int = 0, unauthorized: Int = 0,
                       timeouts: Int = 0, overflows: Int = 0, retries: Int = 0) -> ScopeCounts {
        ScopeCounts(
            requests: requests, ok: ok ?? requests - errors, errors: errors, rateLimited: rateLimited,
            unauthorized: unauthorized, timeouts: timeouts, overflows: overflows, retries: retries)
    }

    static func latency(p99: Nanoseconds, mean: Double = 1) -> LatencySummary {
        LatencySummary(p50: 1, p90: 2, p95: 3, p99: p99, p999: 5, max: 6, mean: mean)
    }

    static let total = ScopeSummary(
        scope: .total, name: "all",
        counts: counts(400, errors: 8, ok: 392, rateLimited: 3, unauthorized: 2, timeouts: 5, overflows: 1, retries: 7),
        latency: LatencySummary(
            p50: 10 * ms, p90: 20 * ms, p95: 25 * ms, p99: 212_345_000, p999: 300 * ms, max: 412_031_400,
            mean: 50_123_456.5),
        ejections: 3)

    static let summary: [ScopeSummary] = [
        total,
        ScopeSummary(scope: .client, name: "web", counts: counts(100, errors: 1), latency: latency(p99: 11 * ms)),
        ScopeSummary(scope: .client, name: "thirds", counts: counts(3, errors: 2), latency: latency(p99: 12 * ms)),
        ScopeSummary(scope: .client, name: "idle", counts: counts(0, errors: 0), latency: nil),
        ScopeSummary(scope: .client, name: "sevens", counts: counts(1000, errors: 7), latency: latency(p99: 18 * ms)),
        ScopeSummary(scope: .route, name: "orders", counts: counts(90, errors: 0), latency: latency(p99: 13 * ms)),
        ScopeSummary(scope: .service, name: "orders", counts: counts(80, errors: 0), latency: latency(p99: 14 * ms), ejections: 2),
        ScopeSummary(scope: .service, name: "pay", counts: counts(70, errors: 0), latency: latency(p99: 15 * ms), ejections: 4),
        ScopeSummary(scope: .version, name: "orders/v1", counts: counts(60, errors: 0), latency: latency(p99: 16 * ms)),
        ScopeSummary(scope: .version, name: "orders/v2", counts: counts(20, errors: 0), latency: latency(p99: 17 * ms), ejections: 2),
    ]

    static func result(rollout: RolloutOutcome.Result? = nil) -> RunResult {
        RunResult(
            scenarioName: "t", seed: 1, endTime: 10 * second, summary: summary, timeseries: [], events: [], responses: [],
            rollout: rollout.map {
                RolloutOutcome(service: "orders", stable: "v1", canary: "v2", result: $0, time: nil, finalWeight: 50,
                               canaryRequests: 20, canaryErrors: 0)
            })
    }

    static func verdict(_ text: String, rollout: RolloutOutcome.Result? = nil, counted: Nanoseconds = 8 * second) throws -> AssertionVerdict {
        let assertion = try AssertionParser.parse(text, at: here)
        let verdicts = AssertionEvaluator.evaluate([assertion], result: result(rollout: rollout), countedDuration: counted)
        return try #require(verdicts.first)
    }

    /// Passed and measured text of one assertion.
    static func check(_ text: String, rollout: RolloutOutcome.Result? = nil, counted: Nanoseconds = 8 * second) throws -> (Bool, String) {
        let v = try verdict(text, rollout: rollout, counted: counted)
        return (v.passed, v.measured)
    }
}

struct AssertionEvaluatorTests {
    @Test(arguments: [
        // p99 is 212.345 ms exactly: each operator against the value itself and one nanosecond above it.
        ("p99 < 212.345ms", false), ("p99 <= 212.345ms", true), ("p99 > 212.345ms", false),
        ("p99 >= 212.345ms", true), ("p99 == 212.345ms", true), ("p99 != 212.345ms", false),
        ("p99 < 212345001ns", true), ("p99 <= 212345001ns", true), ("p99 > 212344999ns", true),
        ("p99 >= 212345001ns", false), ("p99 == 212345001ns", false), ("p99 != 212345001ns", true),
    ])
    func everyOperatorComparesLatencyInExactNanoseconds(text: String, holds: Bool) throws {
        #expect(try Run.check(text) == (holds, "212.345 ms"))
    }

    @Test func eachLatencyMetricReadsItsOwnField() throws {
        #expect(try Run.check("p50 == 10ms") == (true, "10.000 ms"))
        #expect(try Run.check("p90 == 20ms") == (true, "20.000 ms"))
        #expect(try Run.check("p95 == 25ms") == (true, "25.000 ms"))
        #expect(try Run.check("p999 == 300ms") == (true, "300.000 ms"))
        // 412_031_400 ns rounds down to 412.031 ms in the text; the comparison uses the nanoseconds.
        #expect(try Run.check("max > 412.031ms") == (true, "412.031 ms"))
        #expect(try Run.check("max == 412031400ns") == (true, "412.031 ms"))
        // The mean is 50_123_456.5 ns: above 50_123_456 ns, below 50_123_457 ns, shown as 50.123 ms.
        #expect(try Run.check("mean > 50.123456ms") == (true, "50.123 ms"))
        #expect(try Run.check("mean < 50.123457ms") == (true, "50.123 ms"))
        #expect(try Run.check("mean == 50.123456ms") == (false, "50.123 ms"))
    }

    @Test func eachCountReadsItsOwnColumn() throws {
        let expected: [(String, Int)] = [
            ("requests", 400), ("ok", 392), ("errors", 8), ("rate_limited", 3), ("unauthorized", 2),
            ("timeouts", 5), ("overflows", 1), ("retries", 7),
        ]
        for (metric, value) in expected {
            #expect(try Run.check("\(metric) == \(value)") == (true, String(value)), "\(metric)")
            #expect(try Run.check("\(metric) != \(value)") == (false, String(value)), "\(metric)")
            #expect(try Run.check("\(metric) < \(value).5") == (true, String(value)), "\(metric)")
        }
    }

    @Test func ratesAreFractionsShownInPercent() throws {
        // 8 errors of 400 requests: 2% exactly, success 98%.
        #expect(try Run.check("error_rate == 2%") == (true, "2.00%"))
        #expect(try Run.check("error_rate < 2%") == (false, "2.00%"))
        #expect(try Run.check("error_rate <= 0.02") == (true, "2.00%"))
        #expect(try Run.check("error_rate > 1.99%") == (true, "2.00%"))
        #expect(try Run.check("success_rate == 98%") == (true, "98.00%"))
        #expect(try Run.check("success_rate >= 0.99") == (false, "98.00%"))
        // 2 errors of 3: 66.666…% shows as 66.67%, success 33.33%, and compares as 2/3.
        #expect(try Run.check("error_rate{client=thirds} > 66.66%") == (true, "66.67%"))
        #expect(try Run.check("error_rate{client=thirds} < 66.67%") == (true, "66.67%"))
        #expect(try Run.check("success_rate{client=thirds} < 33.34%") == (true, "33.33%"))
        // 1 error of 100: exactly 1%, which `< 1%` does not pass.
        #expect(try Run.check("error_rate{client=web} < 1%") == (false, "1.00%"))
        #expect(try Run.check("error_rate{client=web} == 1%") == (true, "1.00%"))
        // 7 of 1000 is 0.7% exactly (0.7 / 100 in binary would fall just below 0.007).
        #expect(try Run.check("error_rate{client=sevens} <= 0.7%") == (true, "0.70%"))
        #expect(try Run.check("error_rate{client=sevens} == 0.7%") == (true, "0.70%"))
        #expect(try Run.check("success_rate{client=sevens} >= 99.3%") == (true, "99.30%"))
    }

    @Test func rpsIsCountedRequestsPerCountedSecond() throws {
        // 400 requests in 8 counted seconds = 50/s; the web client's 100 = 12.5/s.
        #expect(try Run.check("rps == 50") == (true, "50.000 rps"))
        #expect(try Run.check("rps{client=web} == 12.5") == (true, "12.500 rps"))
        // In 3 s: 133.333… /s.
        #expect(try Run.check("rps > 133.333", counted: 3 * Run.second) == (true, "133.333 rps"))
        #expect(try Run.check("rps < 133.334", counted: 3 * Run.second) == (true, "133.333 rps"))
        // 3 requests of the thirds client in 8 s = 0.375/s; in 16 s 0.1875, shown half up as 0.188.
        #expect(try Run.check("rps{client=thirds} == 0.375") == (true, "0.375 rps"))
        #expect(try Run.check("rps{client=thirds} == 0.1875", counted: 16 * Run.second) == (true, "0.188 rps"))
        #expect(try Run.check("rps >= 0", counted: 0) == (false, "no counted time (warmup is not shorter than duration)"))
    }

    @Test func labelsPickTheirRow() throws {
        // The p99 of each row is distinct, so the measured value names the row read.
        #expect(try Run.check("p99 < 1s").1 == "212.345 ms")
        #expect(try Run.check("p99{client=web} < 1s").1 == "11.000 ms")
        #expect(try Run.check("p99{route=orders} < 1s").1 == "13.000 ms")
        #expect(try Run.check("p99{service=orders} < 1s").1 == "14.000 ms")
        #expect(try Run.check("p99{service=pay} < 1s").1 == "15.000 ms")
        #expect(try Run.check("p99{version=orders/v1} < 1s").1 == "16.000 ms")
        #expect(try Run.check("p99{version=orders/v2} < 1s").1 == "17.000 ms")
        #expect(try Run.check("p99{service=orders, version=v2} < 1s").1 == "17.000 ms")
        #expect(try Run.check("p99{version=v2, service=orders} < 1s").1 == "17.000 ms")
        #expect(try Run.check("p99{service=orders, version=orders/v2} < 1s").1 == "17.000 ms")
    }

    @Test func ejectionsWithoutLabelsAreTheTotalRows() throws {
        // The total row's 3, not the service rows' sum (2 + 4): the engine fills the total
        // row (MeshResilienceTests), the evaluator only reads it.
        #expect(try Run.check("ejections == 3") == (true, "3"))
        #expect(try Run.check("ejections{service=orders} >= 2") == (true, "2"))
        #expect(try Run.check("ejections{version=orders/v1} > 0") == (false, "0"))
    }

    @Test func aScopeWithoutRequestsFailsLatencyAndRatesButCountsZero() throws {
        #expect(try Run.check("p99{client=idle} < 1s") == (false, "no requests"))
        #expect(try Run.check("p99{client=idle} > 1s") == (false, "no requests"))
        #expect(try Run.check("mean{client=idle} != 1s") == (false, "no requests"))
        #expect(try Run.check("error_rate{client=idle} < 1%") == (false, "no requests"))
        #expect(try Run.check("success_rate{client=idle} > 1%") == (false, "no requests"))
        #expect(try Run.check("requests{client=idle} == 0") == (true, "0"))
        #expect(try Run.check("rps{client=idle} < 1") == (true, "0.000 rps"))
    }

    @Test func rolloutComparesItsResult() throws {
        #expect(try Run.check("rollout == promoted", rollout: .promoted) == (true, "promoted"))
        #expect(try Run.check("rollout != promoted", rollout: .promoted) == (false, "promoted"))
        #expect(try Run.check("rollout == promoted", rollout: .rolledBack) == (false, "rolled-back"))
        #expect(try Run.check("rollout == rolled-back", rollout: .rolledBack) == (true, "rolled-back"))
        #expect(try Run.check("rollout != incomplete", rollout: .incomplete) == (false, "incomplete"))
        #expect(try Run.check("rollout == incomplete", rollout: .incomplete) == (true, "incomplete"))
        // Without a rollout neither form holds.
        #expect(try Run.check("rollout == promoted") == (false, "no rollout"))
        #expect(try Run.check("rollout != promoted") == (false, "no rollout"))
    }

    @Test func aRowThatDoesNotExistFails() throws {
        // Validation refuses such names; a hand-built assertion still gets an answer, not a crash.
        #expect(try Run.check("requests{client=ghost} >= 0") == (false, "no summary row client=ghost"))
        let empty = RunResult(scenarioName: "t", seed: 1, endTime: 0, summary: [], timeseries: [], events: [], responses: [])
        let assertion = try AssertionParser.parse("requests >= 0", at: Run.here)
        #expect(AssertionEvaluator.evaluate([assertion], result: empty, countedDuration: Run.second)
            == [AssertionVerdict(assertion: assertion, measured: "no summary row total", passed: false)])
    }

    @Test func verdictsKeepTheAssertionsAndTheirOrder() throws {
        let texts = ["errors > 100", "p99 < 300ms", "rollout == promoted"]
        let assertions = try texts.map { try AssertionParser.parse($0, at: Run.here) }
        let verdicts = AssertionEvaluator.evaluate(assertions, result: Run.result(), countedDuration: Run.second)
        #expect(verdicts == [
            AssertionVerdict(assertion: assertions[0], measured: "8", passed: false),
            AssertionVerdict(assertion: assertions[1], measured: "212.345 ms", passed: true),
            AssertionVerdict(assertion: assertions[2], measured: "no rollout", passed: false),
        ])
    }

    @Test func measurementsGiveEachValueInTheAssertionsUnitWithTheVerdict() throws {
        let texts = [
            "p99 < 300ms", "mean > 1s", "error_rate < 1%", "success_rate >= 98%", "requests == 400", "rps > 50",
            "rollout == promoted", "p99{client=idle} < 1s", "rollout != promoted",
        ]
        let assertions = try texts.map { try AssertionParser.parse($0, at: Run.here) }
        let measured = AssertionEvaluator.measurements(assertions, result: Run.result(rollout: .rolledBack), countedDuration: 8 * Run.second)
        #expect(measured == [
            // Latencies in nanoseconds, the mean with its half nanosecond.
            AssertionMeasurement(value: .number(212_345_000), text: "212.345 ms", passed: true),
            AssertionMeasurement(value: .number(50_123_456.5), text: "50.123 ms", passed: false),
            // 8 errors of 400 requests as fractions; 400 requests in 8 s.
            AssertionMeasurement(value: .number(0.02), text: "2.00%", passed: false),
            AssertionMeasurement(value: .number(0.98), text: "98.00%", passed: true),
            AssertionMeasurement(value: .number(400), text: "400", passed: true),
            AssertionMeasurement(value: .number(50), text: "50.000 rps", passed: false),
            AssertionMeasurement(value: .word("rolled-back"), text: "rolled-back", passed: false),
            AssertionMeasurement(value: .absent("no requests"), text: "no requests", passed: false),
            AssertionMeasurement(value: .word("rolled-back"), text: "rolled-back", passed: true),
        ])
        // The verdicts are the measurements' text and verdict.
        let verdicts = AssertionEvaluator.evaluate(assertions, result: Run.result(rollout: .rolledBack), countedDuration: 8 * Run.second)
        #expect(verdicts.map(\.measured) == measured.map(\.text))
        #expect(verdicts.map(\.passed) == measured.map(\.passed))
    }

    @Test func fixedDecimalsRoundHalfAwayFromZeroWithASign() {
        #expect(MeasuredText.fixed(212.0, places: 3) == "212.000")
        #expect(MeasuredText.fixed(4.968275, places: 3) == "4.968")
        #expect(MeasuredText.fixed(-0.484137, places: 2) == "-0.48")
        // 0.125 and -2.5 are exact in binary: ties, rounded away from zero.
        #expect(MeasuredText.fixed(0.125, places: 2) == "0.13")
        #expect(MeasuredText.fixed(-2.5, places: 0) == "-3")
        // What rounds to zero has no sign.
        #expect(MeasuredText.fixed(-0.0004, places: 3) == "0.000")
        #expect(MeasuredText.fixed(0.05, places: 0) == "0")
    }

    @Test func measuredTextRoundsHalfAwayFromZeroOnTheExactValue() {
        #expect(MeasuredText.milliseconds(Nanoseconds(412_031_500)) == "412.032 ms")
        #expect(MeasuredText.milliseconds(Nanoseconds(412_031_499)) == "412.031 ms")
        #expect(MeasuredText.milliseconds(Nanoseconds(0)) == "0.000 ms")
        #expect(MeasuredText.milliseconds(Nanoseconds(999)) == "0.001 ms")
        #expect(MeasuredText.milliseconds(2_500.0) == "0.003 ms")
        #expect(MeasuredText.milliseconds(2_499.9) == "0.002 ms")
        // 1/8 = 12.5%, 1/80 = 1.25%, 1/800 = 0.125% (a tie, rounded up), 1/3 = 33.333…%.
        #expect(MeasuredText.percent(1, of: 8) == "12.50%")
        #expect(MeasuredText.percent(1, of: 80) == "1.25%")
        #expect(MeasuredText.percent(1, of: 800) == "0.13%")
        #expect(MeasuredText.percent(1, of: 3) == "33.33%")
        #expect(MeasuredText.percent(7, of: 7) == "100.00%")
        // 1 request in 2000 s = 0.0005/s, a tie at three decimals.
        #expect(MeasuredText.rate(1, per: 2_000 * Run.second) == "0.001 rps")
        #expect(MeasuredText.rate(1520, per: Run.second) == "1520.000 rps")
    }
}
