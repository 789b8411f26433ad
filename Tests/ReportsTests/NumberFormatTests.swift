import Testing
@testable import Reports

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (Int64(1_234_567), "1.235"),
        (999_999, "1.000"),
        (1_234_499, "1.234"),
        (1_234_500, "1.235"),
        (499, "0.000"),
        (500, "0.001"),
        (0, "0.000"),
        (1_000_000, "1.000"),
        (999_999_500, "1000.000"),
        (123_456_789_012_345, "123456789.012"),
        (Int64.max, "9223372036854.776"),
        (Int64.min, "-9223372036854.776"),
        (-1_500, "-0.002"),
        (-499, "0.000"),
    ])
    func integerMilliseconds(ns: Int64, text: String) {
        #expect(NumberFormat.milliseconds(ns) == text)
    }

    @Test(arguments: [
        (1_234_500.0, "1.235"),
        (1_234_499.9, "1.234"),
        (999_999.5, "1.000"),
        (500.0, "0.001"),
        (499.99, "0.000"),
        (0.0, "0.000"),
        (2.5e15, "2500000000.000"),
    ])
    func meanMilliseconds(ns: Double, text: String) {
        #expect(NumberFormat.milliseconds(ns) == text)
    }

    @Test func nonFiniteMeanIsEmpty() {
        #expect(NumberFormat.milliseconds(Double.nan) == "")
        #expect(NumberFormat.milliseconds(Double.infinity) == "")
    }

    @Test(arguments: [
        (Int64(10_000_000_000), "10"),
        (500_000_000, "0.5"),
        (12_250_000_000, "12.25"),
        (0, "0"),
        (1_001_000_000, "1.001"),
        (1_000_499_999, "1"),
        (1_000_500_000, "1.001"),
        (59_999_500_000, "60"),
        (1_234_567_890, "1.235"),
        (86_400_000_000_000, "86400"),
    ])
    func seconds(ns: Int64, text: String) {
        #expect(NumberFormat.seconds(ns) == text)
    }

    @Test(arguments: [
        (0.012345, 6, "0.012345"),
        (1.0 / 3, 6, "0.333333"),
        (2.0 / 3, 6, "0.666667"),
        (1.0 / 16000, 6, "0.000063"),  // 0.0000625: a tie on the decimal value rounds up
        (0.0125, 3, "0.013"),
        (2.5, 0, "3"),
        (0.9999995, 6, "1.000000"),
        (12.5, 3, "12.500"),
        (7.0 / 2.5, 3, "2.800"),
        (1e20, 3, "100000000000000000000.000"),
        (123_456_789.125, 2, "123456789.13"),
        (Double.leastNonzeroMagnitude, 6, "0.000000"),
        (0.0, 6, "0.000000"),
        (-0.0, 2, "0.00"),
        (-2.5, 0, "-3"),
        (1.0, -2, "1"),
    ])
    func decimal(x: Double, places: Int, text: String) {
        #expect(NumberFormat.decimal(x, places: places) == text)
    }

    @Test func nonFiniteDecimalIsEmpty() {
        #expect(NumberFormat.decimal(.nan, places: 3) == "")
        #expect(NumberFormat.decimal(-.infinity, places: 3) == "")
    }

    @Test(arguments: [
        (25.0, "25"),
        (100.0 / 3, "33.333"),
        (12.5, "12.5"),
        (99.9996, "100"),
        (0.0, "0"),
    ])
    func compact(x: Double, text: String) {
        #expect(NumberFormat.compact(x, places: 3) == text)
    }
}
