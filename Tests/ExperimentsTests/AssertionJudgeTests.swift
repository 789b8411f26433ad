import Engine
import Scenario
import Testing

@testable import Experiments

/// Judging over replications with numbers worked by hand. The main example: p99 of
/// 210, 212 and 214 ms in three replications has mean 212 ms, s = 2 ms, and a 95% half-width
/// of t(0.975, 2) · 2 / √3 = 4.302652730 · 2 / 1.732051 = 4.968 ms: the interval is
/// 207.032 to 216.968 ms.
private enum Cell {
    static let here = SourceLocation(file: "t.yaml", line: 4, column: 5)
    static let ms = 1e6

    static func assertion(_ text: String) throws -> Assertion {
        try AssertionParser.parse(text, at: here)
    }

    /// Numbers in the measurement's unit; the text and verdict of each run play no part in
    /// an interval.
    static func numbers(_ values: [Double]) -> [AssertionMeasurement] {
        values.map { AssertionMeasurement(value: .number($0), text: "\($0)", passed: true) }
    }

    static let p99 = numbers([210 * ms, 212 * ms, 214 * ms])

    static func judge(_ text: String, _ measurements: [AssertionMeasurement] = p99) throws -> JudgedAssertion {
        AssertionJudge.judge(try assertion(text), measurements)
    }

    static func rollout(_ words: [String]) -> [AssertionMeasurement] {
        words.map { AssertionMeasurement(value: .word($0), text: $0, passed: $0 == "promoted") }
    }

    static let absent = AssertionMeasurement(value: .absent("no requests"), text: "no requests", passed: false)
}

@Suite struct AssertionJudgeTests {
    @Test func theIntervalIsPrintedInMillisecondsWithTheReplications() throws {
        let judged = try Cell.judge("p99 < 220ms")
        #expect(judged.measured == "212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications)")
        #expect(judged.estimate?.mean == 212 * Cell.ms)
        #expect(judged.estimate?.standardDeviation == 2 * Cell.ms)
    }

    @Test(arguments: [
        // Below, straddling and above the whole interval 207.032 … 216.968 ms.
        ("p99 < 220ms", JudgedAssertion.Outcome.pass), ("p99 < 210ms", .inconclusive), ("p99 < 200ms", .fail),
        ("p99 <= 220ms", .pass), ("p99 <= 210ms", .inconclusive), ("p99 <= 207ms", .fail),
        ("p99 > 200ms", .pass), ("p99 > 210ms", .inconclusive), ("p99 > 217ms", .fail),
        ("p99 >= 207ms", .pass), ("p99 >= 216ms", .inconclusive), ("p99 >= 220ms", .fail),
        // An interval of positive width is never one value: == cannot pass, != cannot fail.
        ("p99 == 212ms", .inconclusive), ("p99 == 220ms", .fail), ("p99 == 200ms", .fail),
        ("p99 != 212ms", .inconclusive), ("p99 != 220ms", .pass), ("p99 != 200ms", .pass),
    ])
    func theWholeIntervalDecides(text: String, outcome: JudgedAssertion.Outcome) throws {
        let judged = try Cell.judge(text)
        #expect(judged.outcome == outcome)
        #expect((judged.advice != nil) == (outcome == .inconclusive))
    }

    @Test func identicalReplicationsAreAPointThatDecidesEveryOperator() throws {
        let same = Cell.numbers([300 * Cell.ms, 300 * Cell.ms, 300 * Cell.ms])
        #expect(try Cell.judge("p99 == 300ms", same).outcome == .pass)
        #expect(try Cell.judge("p99 != 300ms", same).outcome == .fail)
        #expect(try Cell.judge("p99 <= 300ms", same).outcome == .pass)
        #expect(try Cell.judge("p99 < 300ms", same).outcome == .fail)
        #expect(try Cell.judge("p99 >= 300ms", same).outcome == .pass)
        #expect(try Cell.judge("p99 > 300ms", same).outcome == .fail)
        #expect(try Cell.judge("p99 < 300ms", same).measured == "300.000 ± 0.000 ms (95% CI 300.000 to 300.000 ms, 3 replications)")
    }

    @Test func anEdgeOnTheThresholdDecidesOnlyTheOperatorThatIncludesIt() {
        // [1, 2] against 2 and against 1.
        #expect(AssertionJudge.judge(low: 1, high: 2, .less, 2) == .inconclusive)
        #expect(AssertionJudge.judge(low: 1, high: 2, .lessOrEqual, 2) == .pass)
        #expect(AssertionJudge.judge(low: 1, high: 2, .greater, 2) == .fail)
        #expect(AssertionJudge.judge(low: 1, high: 2, .greaterOrEqual, 2) == .inconclusive)
        #expect(AssertionJudge.judge(low: 1, high: 2, .less, 1) == .fail)
        #expect(AssertionJudge.judge(low: 1, high: 2, .lessOrEqual, 1) == .inconclusive)
        #expect(AssertionJudge.judge(low: 1, high: 2, .greater, 1) == .inconclusive)
        #expect(AssertionJudge.judge(low: 1, high: 2, .greaterOrEqual, 1) == .pass)
        #expect(AssertionJudge.judge(low: 2, high: 3, .greater, 2) == .inconclusive)
        #expect(AssertionJudge.judge(low: 1, high: 2, .greater, 2.5) == .fail)
        #expect(AssertionJudge.judge(low: 1, high: 2, .equal, 2) == .inconclusive)
        #expect(AssertionJudge.judge(low: 2, high: 2, .equal, 2) == .pass)
        #expect(AssertionJudge.judge(low: 2, high: 2, .notEqual, 2) == .fail)
    }

    @Test func adviceIsTheSmallestReplicationCountWhoseHalfWidthClearsTheThreshold() throws {
        // p99 < 210ms: the mean is 2 ms from it and s = 2 ms, so n needs t(0.975, n − 1) / √n < 1:
        // n = 6 gives 2.570582 / 2.449490 = 1.0494, n = 7 gives 2.446912 / 2.645751 = 0.9248.
        #expect(try Cell.judge("p99 < 210ms").advice == "about 7 replications would likely decide it")
        // p99 > 212.5ms: 0.5 ms from the mean, t / √n < 0.25: n = 63 gives 1.998972 / 7.937254 =
        // 0.25185, n = 64 gives 1.998341 / 8 = 0.24979 (t from the published table).
        #expect(try Cell.judge("p99 > 212.5ms").advice == "about 64 replications would likely decide it")
        // 1 µs from the mean needs about (1.96 · 2000)² = 15 million replications.
        #expect(try Cell.judge("p99 < 212.001ms").advice == "more than 10,000 replications would be needed to decide it")
        // The mean on the threshold: no half-width is below 0.
        #expect(try Cell.judge("p99 != 212ms").advice == "more replications cannot decide it: the mean is on the threshold")
        #expect(try Cell.judge("p99 < 212ms").advice == "more replications cannot decide it: the mean is on the threshold")
    }

    @Test func ratesPrintInPercentAndCountsAndRpsPlain() throws {
        // 1%, 2%, 3%: mean 2%, s = 1%, half-width 4.302653 · 1% / √3 = 2.484%, so the interval
        // reaches below 0 (a t interval does not know rates are not negative).
        let rates = Cell.numbers([0.01, 0.02, 0.03])
        let errorRate = try Cell.judge("error_rate < 5%", rates)
        #expect(errorRate.outcome == .pass)
        #expect(errorRate.measured == "2.00 ± 2.48% (95% CI -0.48 to 4.48%, 3 replications)")
        #expect(try Cell.judge("error_rate < 3%", rates).outcome == .inconclusive)
        // 95%, 96%, 97%: at most 96% + 2.48% = 98.48%.
        #expect(try Cell.judge("success_rate > 99%", Cell.numbers([0.95, 0.96, 0.97])).outcome == .fail)
        // 400, 410, 420 requests: s = 10, half-width 24.841.
        let requests = try Cell.judge("requests >= 380", Cell.numbers([400, 410, 420]))
        #expect(requests.outcome == .pass)
        #expect(requests.measured == "410.000 ± 24.841 (95% CI 385.159 to 434.841, 3 replications)")
        let rps = try Cell.judge("rps > 49.5", Cell.numbers([50, 50, 50]))
        #expect(rps.outcome == .pass)
        #expect(rps.measured == "50.000 ± 0.000 rps (95% CI 50.000 to 50.000 rps, 3 replications)")
    }

    @Test func wordsPassInEveryReplicationFailInNoneAndOtherwiseCannotBeDecided() throws {
        let all = try Cell.judge("rollout == promoted", Cell.rollout(["promoted", "promoted", "promoted"]))
        #expect(all.outcome == .pass)
        #expect(all.measured == "promoted in 3 of 3 replications")
        #expect(all.advice == nil)
        let none = try Cell.judge("rollout == promoted", Cell.rollout(["rolled-back", "incomplete", "rolled-back"]))
        #expect(none.outcome == .fail)
        #expect(none.measured == "rolled-back in 2, incomplete in 1 of 3 replications")
        let some = try Cell.judge("rollout == promoted", Cell.rollout(["promoted", "rolled-back", "promoted", "promoted"]))
        #expect(some.outcome == .inconclusive)
        #expect(some.measured == "promoted in 3, rolled-back in 1 of 4 replications")
        #expect(some.advice == "more replications cannot decide it: the replications disagree")
        #expect(some.estimate == nil)
    }

    @Test func aReplicationWithoutAValueFailsAndIsNamed() throws {
        let one = try Cell.judge("p99 < 1s", Cell.numbers([1, 2]) + [Cell.absent] + Cell.numbers([3]))
        #expect(one.outcome == .fail)
        #expect(one.measured == "no requests in replication 3")
        #expect(one.estimate == nil)
        let two = try Cell.judge("p99 < 1s", [Cell.absent, Cell.absent] + Cell.numbers([3]))
        #expect(two.measured == "no requests in replications 1 and 2")
        let noRow = AssertionMeasurement(value: .absent("no summary row total"), text: "no summary row total", passed: false)
        let many = try Cell.judge("p99 < 1s", [Cell.absent, noRow, Cell.absent, Cell.absent, Cell.absent, Cell.absent])
        #expect(many.measured == "no requests in replications 1, 3, 4 and 2 more; no summary row total in replication 2")
        // A rollout that never started fails the same way.
        let rollout = try Cell.judge("rollout == promoted", Cell.rollout(["promoted"]) + [
            AssertionMeasurement(value: .absent("no rollout"), text: "no rollout", passed: false),
        ])
        #expect((rollout.outcome, rollout.measured) == (.fail, "no rollout in replication 2"))
    }

    @Test func oneReplicationIsJudgedAsOneRun() throws {
        let passed = AssertionMeasurement(value: .number(212_345_000), text: "212.345 ms", passed: true)
        let judged = try Cell.judge("p99 < 300ms", [passed])
        #expect(judged == JudgedAssertion.oneRun(try Cell.assertion("p99 < 300ms"), passed))
        #expect((judged.outcome, judged.measured, judged.advice) == (.pass, "212.345 ms", nil))
        #expect(judged.estimate?.mean == 212_345_000)
        #expect(judged.estimate?.halfWidth == nil)
        let failed = try Cell.judge("rollout == promoted", Cell.rollout(["rolled-back"]))
        #expect((failed.outcome, failed.measured, failed.estimate) == (.fail, "rolled-back", nil))
        let nothing = try Cell.judge("p99 < 300ms", [])
        #expect((nothing.outcome, nothing.measured) == (.fail, "no replications"))
    }

    @Test func aCellIsJudgedAssertionByAssertion() throws {
        let assertions = try [Cell.assertion("p99 < 220ms"), Cell.assertion("rollout == promoted")]
        let replications = [
            [Cell.p99[0], Cell.rollout(["promoted"])[0]],
            [Cell.p99[1], Cell.rollout(["promoted"])[0]],
            [Cell.p99[2], Cell.rollout(["rolled-back"])[0]],
        ]
        let judged = AssertionJudge.judge(assertions, replications: replications)
        #expect(judged.map(\.outcome) == [.pass, .inconclusive])
        #expect(judged.map(\.measured) == [
            "212.000 ± 4.968 ms (95% CI 207.032 to 216.968 ms, 3 replications)",
            "promoted in 2, rolled-back in 1 of 3 replications",
        ])
        #expect(AssertionJudge.verdict(judged) == .inconclusive)
        // A replication that measured fewer assertions than the cell has fails the others.
        let short = AssertionJudge.judge(assertions, replications: [replications[0], [Cell.p99[1]]])
        #expect(short[1].measured == "not measured in replication 2")
    }

    @Test func aCellsVerdictIsItsWorstOutcome() throws {
        let a = try Cell.assertion("p99 < 1s")
        func judged(_ outcomes: [JudgedAssertion.Outcome]) -> [JudgedAssertion] {
            outcomes.map { JudgedAssertion(assertion: a, outcome: $0, estimate: nil, measured: "", advice: nil) }
        }
        #expect(AssertionJudge.verdict(judged([.pass, .pass])) == .pass)
        #expect(AssertionJudge.verdict(judged([.pass, .inconclusive, .pass])) == .inconclusive)
        #expect(AssertionJudge.verdict(judged([.inconclusive, .fail, .pass])) == .fail)
        #expect(AssertionJudge.verdict([]) == nil)
    }
}
