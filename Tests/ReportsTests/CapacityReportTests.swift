import Experiments
import Reports
import Testing

@Suite struct CapacityReportTests {
    static func range() throws -> VariedValue { try VariedValue(from: "100/s", to: "2000/s") }

    @Test func capacityCSVHasOneRowPerStepWithThePathAsColumn() throws {
        let range = try Self.range()
        let steps = [
            CapacityStep(step: 1, value: 100, replications: 1, verdict: .pass, failing: []),
            CapacityStep(step: 2, value: 2000, replications: 1, verdict: .fail,
                         failing: ["p99 < 300ms (measured 1520.000 ms)", "error_rate < 1% (measured 3.20%)"]),
            CapacityStep(step: 3, value: 1050, replications: 10, verdict: .inconclusive,
                         failing: ["p99 < 300ms (measured 301.2 ± 4.0 ms (95% CI 297.2 to 305.2 ms, 10 replications))"]),
        ]
        #expect(CapacityReport.csv(path: "clients[name=web].rate", range: range, steps: steps) == """
            step,clients[name=web].rate,n,verdict,failing
            1,100/s,1,pass,
            2,2000/s,1,fail,p99 < 300ms (measured 1520.000 ms); error_rate < 1% (measured 3.20%)
            3,1050/s,10,inconclusive,"p99 < 300ms (measured 301.2 ± 4.0 ms (95% CI 297.2 to 305.2 ms, 10 replications))"

            """)
    }

    @Test func theAnswerNamesTheBracketingValuesAndWhyTheFailingOneFailed() throws {
        let range = try Self.range()
        let steps = [
            CapacityStep(step: 1, value: 610, replications: 1, verdict: .pass, failing: []),
            CapacityStep(step: 2, value: 611, replications: 1, verdict: .fail, failing: ["p99 < 300ms (measured 301.200 ms)"]),
        ]
        let result = CapacityResult(kind: .bracketed, lastPass: 610, firstFail: 611)
        #expect(CapacityLines.render(path: "clients[name=web].rate", range: range, steps: steps, result: result) == """
            step  clients[name=web].rate  verdict  failing
            1     610/s                   pass
            2     611/s                   fail     p99 < 300ms (measured 301.200 ms)
            largest clients[name=web].rate at which every assertion holds: 610/s (passes at 610/s; fails at 611/s: p99 < 300ms (measured 301.200 ms))
            """)
    }

    @Test func aBandIsReportedByBothEdges() throws {
        let range = try Self.range()
        let steps = [
            CapacityStep(step: 1, value: 599, replications: 5, verdict: .pass, failing: []),
            CapacityStep(step: 2, value: 600, replications: 5, verdict: .inconclusive, failing: ["p99 < 300ms (measured A)"]),
            CapacityStep(step: 3, value: 620, replications: 5, verdict: .inconclusive, failing: ["p99 < 300ms (measured B)"]),
            CapacityStep(step: 4, value: 621, replications: 5, verdict: .fail, failing: ["p99 < 300ms (measured C)"]),
        ]
        let result = CapacityResult(
            kind: .bracketed, lastPass: 599, firstFail: 621, inconclusive: CapacityResult.Band(nearPass: 600, nearFail: 620), largest: false)
        let text = CapacityLines.render(path: "p", range: range, steps: steps, result: result)
        #expect(text.split(separator: "\n").last == "smallest p at which every assertion holds: passes up to 599/s, fails from 621/s: p99 < 300ms (measured C), inconclusive between (at 600/s: p99 < 300ms (measured A); at 620/s: p99 < 300ms (measured B))")
    }

    @Test func wholeRangeVerdictsAndAnUnsettledSearchSaySo() throws {
        let range = try Self.range()
        let holds = CapacityLines.render(path: "p", range: range, steps: [], result: CapacityResult(kind: .holdsOverRange))
        #expect(holds.hasSuffix("\nevery assertion holds over the whole range of p, 100/s to 2000/s; the edge lies beyond it"))
        let fails = CapacityLines.render(path: "p", range: range, steps: [
            CapacityStep(step: 1, value: 100, replications: 1, verdict: .fail, failing: ["x < 1 (measured 2)"]),
            CapacityStep(step: 2, value: 2000, replications: 1, verdict: .fail, failing: ["x < 1 (measured 9)"]),
        ], result: CapacityResult(kind: .failsOverRange))
        #expect(fails.hasSuffix("\nno p from 100/s to 2000/s passes (fails at 100/s: x < 1 (measured 2); fails at 2000/s: x < 1 (measured 9))"))
        let capped = CapacityLines.render(path: "p", range: range, steps: [],
                                          result: CapacityResult(kind: .bracketed, lastPass: 100, firstFail: 2000, settled: false))
        #expect(capped.hasSuffix("\nstopped after 64 steps, before the bracket narrowed to 1/s; narrow the range or give a coarser --resolution"))
    }
}
