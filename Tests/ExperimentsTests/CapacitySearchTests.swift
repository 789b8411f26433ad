import Testing

@testable import Experiments

/// The bisection against oracles whose edge is known, worked by hand where the sequence is asserted.
@Suite struct CapacitySearchTests {
    typealias Verdict = CapacitySearch.Verdict

    /// Runs the search to its end, answering each value with `oracle`.
    static func search(_ range: VariedValue, _ oracle: (Int64) -> Verdict) -> (result: CapacityResult, values: [Int64]) {
        var search = CapacitySearch(range: range)
        var values: [Int64] = []
        while case .evaluate(let value) = search.next() {
            values.append(value)
            search.record(oracle(value))
        }
        guard case .finished(let result) = search.next() else { return (CapacityResult(kind: .inconclusiveOverRange), values) }
        return (result, values)
    }

    @Test func findsTheLargestPassingValueByHalvingTheBracket() throws {
        let (result, values) = Self.search(try VariedValue(from: "100/s", to: "2000/s")) { $0 <= 613 ? .pass : .fail }
        #expect(result == CapacityResult(kind: .bracketed, lastPass: 613, firstFail: 614, largest: true))
        // The ends, then ⌈log2(1900)⌉ = 11 halvings, each midpoint rounded down (worked by hand).
        #expect(values == [100, 2000, 1050, 575, 812, 693, 634, 604, 619, 611, 615, 613, 614])
    }

    @Test func findsTheSmallestPassingValueWhenOnlyTheUpperEndPasses() throws {
        let (result, values) = Self.search(try VariedValue(from: "100", to: "2000")) { $0 >= 613 ? .pass : .fail }
        #expect(result == CapacityResult(kind: .bracketed, lastPass: 613, firstFail: 612, largest: false))
        #expect(values.count <= 13)
    }

    @Test func bothEndsPassingOrFailingEndTheSearchAfterTwoSteps() throws {
        let range = try VariedValue(from: "100", to: "2000")
        let holds = Self.search(range) { _ in .pass }
        #expect(holds.result.kind == .holdsOverRange && holds.values == [100, 2000])
        let fails = Self.search(range) { _ in .fail }
        #expect(fails.result.kind == .failsOverRange && fails.values == [100, 2000])
        let unsure = Self.search(range) { _ in .inconclusive }
        #expect(unsure.result.kind == .inconclusiveOverRange)
        #expect(holds.result.foundPassingValue(under: .fail) && !fails.result.foundPassingValue(under: .pass))
        #expect(!unsure.result.foundPassingValue(under: .fail) && unsure.result.foundPassingValue(under: .pass))
    }

    @Test func anInconclusiveBandIsBracketedOnBothEdges() throws {
        let (result, values) = Self.search(try VariedValue(from: "100", to: "2000")) { value in
            value <= 599 ? .pass : value <= 620 ? .inconclusive : .fail
        }
        #expect(result == CapacityResult(
            kind: .bracketed, lastPass: 599, firstFail: 621, inconclusive: CapacityResult.Band(nearPass: 600, nearFail: 620)))
        #expect(result.settled)
        // Each inconclusive value is a new band edge, never a pass or a fail.
        #expect(Set(values).count == values.count)
        #expect(result.foundPassingValue(under: .fail))
    }

    @Test func anInconclusiveEndLeavesOnlyTheOtherEdgeToFind() throws {
        let range = try VariedValue(from: "100", to: "2000")
        let upper = Self.search(range) { $0 <= 599 ? .pass : .inconclusive }
        #expect(upper.result == CapacityResult(kind: .bracketed, lastPass: 599, inconclusive: CapacityResult.Band(nearPass: 600, nearFail: 2000)))
        let lower = Self.search(range) { $0 <= 620 ? .inconclusive : .fail }
        #expect(lower.result == CapacityResult(kind: .bracketed, firstFail: 621, inconclusive: CapacityResult.Band(nearPass: 100, nearFail: 620)))
        // No value passes with confidence: exit 1, unless inconclusive counts as passing.
        #expect(!lower.result.foundPassingValue(under: .fail) && lower.result.foundPassingValue(under: .pass))
    }

    @Test func realsStopWithinTheResolution() throws {
        // 0.1 to 0.5: resolution 0.0004 (4 in units of 0.0001); the edge is 1/3.
        let range = try VariedValue(from: "0.1", to: "0.5")
        let (result, values) = Self.search(range) { Double($0) / 10_000 <= 1.0 / 3 ? .pass : .fail }
        let pass = try #require(result.lastPass)
        let fail = try #require(result.firstFail)
        #expect(pass <= 3333 && fail > 3333 && fail - pass <= 4)
        // 4000 / 4 = 1000 = 2^10 (minus one halving that lands within the resolution).
        #expect(values.count <= 2 + 10)
    }

    @Test func aVerdictContradictingTheBandDropsItAndBisectionGoesOn() throws {
        // Inconclusive at the first midpoint only, then a plain edge at 700: noise, not a band.
        var first = true
        let (result, _) = Self.search(try VariedValue(from: "100", to: "2000")) { value in
            if value == 1050, first { first = false; return .inconclusive }
            return value <= 700 ? .pass : .fail
        }
        #expect(result.lastPass == 700 && result.firstFail == 701 && result.inconclusive == nil)
    }

    @Test func theStepCapEndsASearchThatWouldNeedMore() throws {
        // A band over nearly all of a 15-digit range: each edge alone takes about 49 halvings.
        let range = try VariedValue(from: "0", to: "999999999999999")
        let (result, values) = Self.search(range) { value in
            value == 0 ? .pass : value == 999_999_999_999_999 ? .fail : .inconclusive
        }
        #expect(values.count == CapacitySearch.maximumSteps)
        #expect(!result.settled)
        #expect(result.lastPass == 0 && result.firstFail == 999_999_999_999_999)
    }

    @Test func recordWithoutAPendingValueChangesNothing() throws {
        var search = CapacitySearch(range: try VariedValue(from: "1", to: "9"))
        search.record(.fail)
        #expect(search.steps == 0)
        #expect(search.next() == .evaluate(1))
        #expect(search.next() == .evaluate(1))
    }
}
