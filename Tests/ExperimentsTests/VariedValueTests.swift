import Testing

@testable import Experiments

@Suite struct VariedValueTests {
    @Test func wholeNumbersWithAUnitAreIntegersSearchedToAdjacentValues() throws {
        let range = try VariedValue(from: "200/s", to: "2000/s")
        #expect(range.unit == "/s")
        #expect(range.places == 0)
        #expect(range.from == 200 && range.to == 2000 && range.resolution == 1)
        #expect(range.text(610) == "610/s")
        #expect(range.settled(610, 611))
        #expect(!range.settled(610, 612))
    }

    @Test func aDecimalEndMakesRealsWithAThousandthOfTheRangeAsResolution() throws {
        // 0.1% to 0.5%: a range of 0.4, searched to 0.0004, four decimals.
        let range = try VariedValue(from: "0.1%", to: "0.5%")
        #expect(range.unit == "%")
        #expect(range.places == 4)
        #expect(range.from == 1000 && range.to == 5000 && range.resolution == 4)
        #expect(range.text(range.midpoint(range.from, range.to)) == "0.3000%")
        // 1.5ms to 2000.5ms: 1999 / 1000 = 1.999, kept at the ends' one decimal (1.9).
        let wide = try VariedValue(from: "1.5ms", to: "2000.5ms")
        #expect(wide.places == 1 && wide.resolution == 19)
        #expect(wide.text(wide.midpoint(wide.from, wide.to)) == "1001.0ms")
    }

    @Test func aGivenResolutionSetsTheStepAndItsDecimals() throws {
        let coarse = try VariedValue(from: "100/s", to: "2000/s", resolution: "10/s")
        #expect(coarse.places == 0 && coarse.resolution == 10)
        let fine = try VariedValue(from: "1", to: "3", resolution: "0.25")
        #expect(fine.places == 2 && fine.from == 100 && fine.to == 300 && fine.resolution == 25)
        #expect(fine.text(fine.midpoint(fine.from, fine.to)) == "2.00")
    }

    @Test func formatsSmallNegativeAndUnitlessValuesExactly() throws {
        // -1.5 to 0.25: a range of 1.75, a thousandth of it needs three decimals.
        let range = try VariedValue(from: "-1.5", to: "0.25")
        #expect(range.places == 3 && range.from == -1500 && range.resolution == 1)
        #expect(range.text(-1500) == "-1.500")
        #expect(range.text(-5) == "-0.005")
        #expect(range.text(0) == "0.000")
        #expect(try VariedValue(from: ".5s", to: "2s").text(500) == "0.500s")
    }

    @Test func theMidpointRoundsTowardItsFirstArgumentAndLiesStrictlyBetween() throws {
        let range = try VariedValue(from: "100", to: "2000")
        #expect(range.midpoint(100, 2000) == 1050)
        #expect(range.midpoint(613, 616) == 614)
        #expect(range.midpoint(616, 613) == 615)
        #expect(range.midpoint(2000, 100) == 1050)
    }

    @Test(arguments: [
        ("200/s", "2/ms", nil, "--from 200/s and --to 2/ms differ in unit ('/s' and '/ms'); write both ends in the same unit"),
        ("200", "2000/s", nil, "--from 200 and --to 2000/s differ in unit (no unit and '/s'); write both ends in the same unit"),
        ("fast", "2000/s", nil, "--from needs a number with an optional unit after it, such as 200/s, 150ms, 2.5% or 3, not 'fast'"),
        ("5./s", "6/s", nil, "--from needs a number with an optional unit after it, such as 200/s, 150ms, 2.5% or 3, not '5./s'"),
        ("3", "3", nil, "--from and --to are the same value (3); give two ends to search between"),
        ("1.0", "1", nil, "--from and --to are the same value (1.0); give two ends to search between"),
        ("1", "10", "0", "--resolution 0 must be above 0"),
        ("1", "10", "-1", "--resolution -1 must be above 0"),
        ("1ms", "10ms", "1/s", "--resolution 1/s has the unit '/s' but the range has 'ms'; write it in the range's unit or without one"),
        ("1", "1234567890123456", nil, "--to has more than 15 significant digits; write a shorter number"),
        ("1/s", "100/s", "0.0000000000000001", "--from at the 16 decimals the range is written with has more than 15 significant digits; write the ends and --resolution with fewer decimals"),
        ("123456", "1.0000000001", nil, "--from at the 10 decimals the range is written with has more than 15 significant digits; write the ends and --resolution with fewer decimals"),
    ] as [(String, String, String?, String)])
    func badRangesSayWhatToWrite(from: String, to: String, resolution: String?, message: String) {
        #expect(throws: VariedValue.Error(message: message)) { try VariedValue(from: from, to: to, resolution: resolution) }
    }
}
