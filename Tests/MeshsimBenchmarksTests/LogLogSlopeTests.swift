import MeshsimBenchmarks
import Testing

/// Slopes worked by hand: with x = log size and y = log figure, the slope is
/// Σ(x − x̄)(y − ȳ) / Σ(x − x̄)².
@Suite struct LogLogSlopeTests {
    let decades: [Double] = [10, 100, 1000]

    @Test func aFigureTenTimesLargerPerDecadeIsLinear() throws {
        let slope = try #require(LogLogSlope.slope(sizes: decades, values: [1, 10, 100]))
        #expect(abs(slope - 1) < 1e-12)
    }

    @Test func aFlatFigureHasSlopeZero() throws {
        let slope = try #require(LogLogSlope.slope(sizes: decades, values: [2, 2, 2]))
        #expect(abs(slope) < 1e-12)
    }

    @Test func aHundredTimesPerDecadeIsQuadratic() throws {
        let slope = try #require(LogLogSlope.slope(sizes: decades, values: [1, 100, 10_000]))
        #expect(abs(slope - 2) < 1e-12)
    }

    /// Flat, then quadratic: with L = ln 10, x = 0, L, 2L and y = 0, 0, 2L, so x̄ = L,
    /// ȳ = 2L/3, Σ(x − x̄)(y − ȳ) = (−L)(−2L/3) + 0 + L(4L/3) = 2L² and Σ(x − x̄)² = 2L²:
    /// the fit says linear, though the last decade alone grows a hundredfold.
    @Test func theFitAveragesAFlatStartAndASteepEnd() throws {
        let slope = try #require(LogLogSlope.slope(sizes: [1, 10, 100], values: [1, 1, 100]))
        #expect(abs(slope - 1) < 1e-12)
    }

    /// Two points: the line through them, ln(12/3) / ln(20/10) = ln 4 / ln 2 = 2.
    @Test func twoPointsGiveTheirOwnSlope() throws {
        let slope = try #require(LogLogSlope.slope(sizes: [10, 20], values: [3, 12]))
        #expect(abs(slope - 2) < 1e-12)
    }

    @Test func noSlopeWithoutTwoSizesOrWithAFigureThatIsNotPositive() {
        #expect(LogLogSlope.slope(sizes: [10], values: [1]) == nil)
        #expect(LogLogSlope.slope(sizes: [10, 10], values: [1, 2]) == nil)
        #expect(LogLogSlope.slope(sizes: [10, 100], values: [0, 2]) == nil)
        #expect(LogLogSlope.slope(sizes: [10, 100], values: [1]) == nil)
    }
}
