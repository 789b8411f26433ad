import Testing

@testable import Experiments

/// t(0.975, ν) against the published tables (to their three decimals): NIST/SEMATECH
/// e-Handbook 1.3.6.7.2 and the usual textbook table rows (120, 200, 500, 1000, ∞).
@Suite struct StudentTTests {
    private func rounded(_ ν: Int) -> Double? {
        StudentT.quantile975(degreesOfFreedom: ν).map { ($0 * 1000).rounded() / 1000 }
    }

    @Test func tableValuesMatchThePublishedTables() {
        #expect(rounded(1) == 12.706)
        #expect(rounded(2) == 4.303)
        #expect(rounded(9) == 2.262)
        #expect(rounded(29) == 2.045)
        #expect(rounded(100) == 1.984)
    }

    @Test func cornishFisherBeyondTheTableMatchesThePublishedTables() {
        #expect(rounded(120) == 1.980)
        #expect(rounded(200) == 1.972)
        #expect(rounded(500) == 1.965)
        #expect(rounded(1000) == 1.962)
        // ν → ∞: the normal quantile z(0.975) = 1.960.
        #expect(rounded(10_000_000) == 1.960)
    }

    @Test func theExpansionJoinsTheTableSmoothly() throws {
        // t(0.975, 101) = 1.983731003 (SciPy stats.t.ppf): just below t(0.975, 100).
        let t100 = try #require(StudentT.quantile975(degreesOfFreedom: 100))
        let t101 = try #require(StudentT.quantile975(degreesOfFreedom: 101))
        #expect(abs(t101 - 1.983731003) < 1e-9)
        #expect(t101 < t100)
    }

    @Test func noQuantileWithoutDegreesOfFreedom() {
        #expect(StudentT.quantile975(degreesOfFreedom: 0) == nil)
    }
}
