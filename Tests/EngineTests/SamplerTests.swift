import Foundation
import Scenario
import Testing

@testable import Engine

/// Sample sizes give a standard error (SE) small against each tolerance; tolerances are 4 SE
/// (computed from the distribution's own standard deviation or density), so a correct sampler
/// fails with odds below 1 in 10,000 per check, and the fixed seeds make every run the same.
@Suite struct SamplerTests {
    private static let ms: Int64 = 1_000_000

    private func draws(_ distribution: Distribution, count: Int, seed: UInt64) -> [Int64] {
        let sampler = Sampler(distribution)
        var rng = RandomStream(seed: seed)
        return (0..<count).map { _ in sampler.sample(&rng) }
    }

    private func mean(_ values: [Int64]) -> Double {
        Double(values.reduce(0, +)) / Double(values.count)
    }

    private func standardDeviation(_ values: [Int64]) -> Double {
        let m = mean(values)
        let squares = values.reduce(0.0) { $0 + (Double($1) - m) * (Double($1) - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The fraction of draws at or below `limit`, within 4 SE of `probability`.
    private func expectFraction(_ values: [Int64], atMost limit: Int64, is probability: Double) {
        let fraction = Double(values.filter { $0 <= limit }.count) / Double(values.count)
        let se = (probability * (1 - probability) / Double(values.count)).squareRoot()
        #expect(abs(fraction - probability) < 4 * se, "P(X ≤ \(limit)) = \(fraction), want \(probability)")
    }

    @Test func constantDrawsItsValueWithoutConsumingRandomness() {
        let sampler = Sampler(.constant(20 * Self.ms))
        var used = RandomStream(seed: 3)
        var fresh = RandomStream(seed: 3)
        for _ in 0..<10 { #expect(sampler.sample(&used) == 20 * Self.ms) }
        #expect(used.next() == fresh.next())
        #expect(sampler.mean == 20e6)
        #expect(!sampler.isZero)
        #expect(Sampler(.zero).isZero)
        #expect(Sampler(.zero).mean == 0)
    }

    @Test func exponentialMatchesMeanAndMedianLn2TimesMean() {
        let values = draws(.exponential(mean: 20 * Self.ms), count: 200_000, seed: 1)
        let n = Double(values.count)
        #expect(Sampler(.exponential(mean: 20 * Self.ms)).mean == 20e6)
        // The standard deviation equals the mean, 20 ms.
        #expect(abs(mean(values) - 20e6) < 4 * 20e6 / n.squareRoot())
        expectFraction(values, atMost: Int64((20e6 * log(2.0)).rounded()), is: 0.5)
        expectFraction(values, atMost: 60 * Self.ms, is: 1 - exp(-3.0))
    }

    @Test func uniformMatchesMeanAndQuartiles() {
        let values = draws(.uniform(low: 10 * Self.ms, high: 30 * Self.ms), count: 200_000, seed: 2)
        #expect(Sampler(.uniform(low: 10 * Self.ms, high: 30 * Self.ms)).mean == 20e6)
        #expect(values.allSatisfy { $0 >= 10 * Self.ms && $0 <= 30 * Self.ms })
        // Uniform standard deviation: width/√12.
        #expect(abs(mean(values) - 20e6) < 4 * (20e6 / 12.0.squareRoot()) / Double(values.count).squareRoot())
        expectFraction(values, atMost: 15 * Self.ms, is: 0.25)
        expectFraction(values, atMost: 25 * Self.ms, is: 0.75)
    }

    @Test func normalFarFromZeroMatchesMeanAndStandardDeviation() {
        let distribution = Distribution.normal(mean: 100 * Self.ms, standardDeviation: 10 * Self.ms)
        let values = draws(distribution, count: 200_000, seed: 4)
        let n = Double(values.count)
        // Ten deviations above 0, truncation moves the mean by less than 1e-20 ns.
        #expect(abs(Sampler(distribution).mean - 100e6) < 1e-6)
        #expect(abs(mean(values) - 100e6) < 4 * 10e6 / n.squareRoot())
        // The standard error of a normal sample's standard deviation is σ/√(2n).
        #expect(abs(standardDeviation(values) - 10e6) < 4 * 10e6 / (2 * n).squareRoot())
        expectFraction(values, atMost: 110 * Self.ms, is: 0.8413447460685429)
    }

    @Test func normalNearZeroWithPositiveMeanIsTheTruncatedNormal() {
        // Truncated normal: mean μ + σφ(α)/(1 − Φ(α)) with α = −μ/σ = −0.5 (values worked out
        // independently); P(X ≤ 10 ms) = (Φ(0.5) − Φ(−0.5)) / (1 − Φ(−0.5)).
        let distribution = Distribution.normal(mean: 5 * Self.ms, standardDeviation: 10 * Self.ms)
        let values = draws(distribution, count: 200_000, seed: 5)
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(abs(Sampler(distribution).mean - 10_091_604.338370334) < 1e-3)
        #expect(abs(mean(values) - 10_091_604.338370334) < 4 * 6_972_628.17 / Double(values.count).squareRoot())
        expectFraction(values, atMost: 10 * Self.ms, is: 0.553789893152682)
    }

    @Test func normalWithNegativeMeanIsTheTruncatedNormal() {
        // α = 0.5: mean −5 ms + 10 ms · φ(0.5)/(1 − Φ(0.5)); P(X ≤ 5 ms) = (Φ(1) − Φ(0.5)) / (1 − Φ(0.5)).
        let distribution = Distribution.normal(mean: -5 * Self.ms, standardDeviation: 10 * Self.ms)
        let values = draws(distribution, count: 200_000, seed: 6)
        #expect(values.allSatisfy { $0 >= 0 })
        #expect(abs(Sampler(distribution).mean - 6_410_777.703680648) < 1e-3)
        #expect(abs(mean(values) - 6_410_777.703680648) < 4 * 5_181_509.50 / Double(values.count).squareRoot())
        expectFraction(values, atMost: 5 * Self.ms, is: 0.48578297932051867)
    }

    @Test func normalFarBelowZeroStillTerminatesWithTheTailMean() {
        // α = 10⁵: the truncated law is nearly exponential with mean σ/α = 10 ns.
        let distribution = Distribution.normal(mean: -100_000 * Self.ms, standardDeviation: Self.ms)
        #expect(abs(Sampler(distribution).mean - 10) < 1e-3)
        let values = draws(distribution, count: 10_000, seed: 7)
        // Standard deviation ≈ 10 ns; 0.1 ns allows for rounding draws to whole nanoseconds.
        #expect(abs(mean(values) - 10) < 4 * 10 / 100 + 0.1)
    }

    @Test func lognormalHitsItsP50AndP99() {
        let distribution = Distribution.lognormal(p50: 20 * Self.ms, p99: 120 * Self.ms)
        let values = draws(distribution, count: 200_000, seed: 8).sorted()
        let n = values.count
        // σ = ln(6)/z₀.₉₉; the quantile q's standard error is √(p(1−p)/n)/f(q), f(q) = φ(z)/(qσ).
        let sigma = log(6.0) / 2.3263478740408408
        let medianSE = (0.25 / Double(n)).squareRoot() * 20e6 * sigma * (2 * Double.pi).squareRoot()
        let p99Density = exp(-2.3263478740408408 * 2.3263478740408408 / 2) / (2 * Double.pi).squareRoot()
        let p99SE = (0.99 * 0.01 / Double(n)).squareRoot() * 120e6 * sigma / p99Density
        #expect(abs(Double(values[n / 2 - 1]) - 20e6) < 4 * medianSE)
        #expect(abs(Double(values[n * 99 / 100 - 1]) - 120e6) < 4 * p99SE)
        // Mean exp(μ + σ²/2), worked out independently; sd = mean·√(e^{σ²} − 1).
        let expectedMean = 26_905_706.22602011
        #expect(abs(Sampler(distribution).mean - expectedMean) < 1e-3)
        let sd = expectedMean * (exp(sigma * sigma) - 1).squareRoot()
        #expect(abs(mean(values) - expectedMean) < 4 * sd / Double(n).squareRoot())
    }

    @Test func mixturePicksComponentsByShareAndAveragesTheirMeans() {
        // The spec's example: mix(90%: lognormal(20ms, 80ms), 10%: 400ms).
        let distribution = Distribution.mixture([
            MixtureComponent(share: 0.9, distribution: .lognormal(p50: 20 * Self.ms, p99: 80 * Self.ms)),
            MixtureComponent(share: 0.1, distribution: .constant(400 * Self.ms)),
        ])
        let sampler = Sampler(distribution)
        // 0.9 · 20 ms · exp(σ²/2) with σ = ln 4 / z₀.₉₉, plus 0.1 · 400 ms.
        #expect(abs(sampler.mean - 61_497_275.889257535) < 1e-3)
        let values = draws(distribution, count: 200_000, seed: 9)
        let atConstant = Double(values.filter { $0 == 400 * Self.ms }.count) / Double(values.count)
        #expect(abs(atConstant - 0.1) < 4 * (0.09 / Double(values.count)).squareRoot())
        // The mixture's sd is dominated by the 10% at 400 ms: about 0.3 · 340 ms ≈ 102 ms; use 110 ms.
        #expect(abs(mean(values) - 61_497_275.889257535) < 4 * 110e6 / Double(values.count).squareRoot())
    }

    @Test func nestedMixturesFlattenWithMultipliedShares() {
        let distribution = Distribution.mixture([
            MixtureComponent(share: 0.5, distribution: .constant(1 * Self.ms)),
            MixtureComponent(
                share: 0.5,
                distribution: .mixture([
                    MixtureComponent(share: 0.5, distribution: .constant(2 * Self.ms)),
                    MixtureComponent(share: 0.5, distribution: .constant(3 * Self.ms)),
                ])),
        ])
        #expect(Sampler(distribution).mean == 1.75e6)
        let values = draws(distribution, count: 100_000, seed: 10)
        #expect(values.allSatisfy { [1 * Self.ms, 2 * Self.ms, 3 * Self.ms].contains($0) })
        expectFraction(values, atMost: 1 * Self.ms, is: 0.5)
        expectFraction(values, atMost: 2 * Self.ms, is: 0.75)
    }

    @Test func mixtureOfZerosIsZero() {
        let distribution = Distribution.mixture([
            MixtureComponent(share: 0.3, distribution: .zero),
            MixtureComponent(share: 0.7, distribution: .exponential(mean: 0)),
        ])
        #expect(Sampler(distribution).isZero)
        #expect(!Sampler(.mixture([
            MixtureComponent(share: 0.99, distribution: .zero),
            MixtureComponent(share: 0.01, distribution: .constant(1)),
        ])).isZero)
        #expect(Sampler(.mixture([])).isZero)
    }

    @Test func outOfDomainParametersGiveNonNegativeDrawsAndMatchingMeans() {
        var rng = RandomStream(seed: 12)
        let negative = Sampler(.constant(-5))
        #expect(negative.sample(&rng) == 0 && negative.isZero)
        let flatLognormal = Sampler(.lognormal(p50: 7 * Self.ms, p99: 7 * Self.ms))
        #expect(flatLognormal.sample(&rng) == 7 * Self.ms && flatLognormal.mean == 7e6)
        #expect(Sampler(.uniform(low: 5, high: 5)).sample(&rng) == 5)
        #expect(Sampler(.normal(mean: 3, standardDeviation: 0)).sample(&rng) == 3)
        // uniform(−10 ms, 30 ms) clamped at 0: P(0) = 1/4 and mean = 30² / (2 · 40) ms = 11.25 ms.
        let straddling = Distribution.uniform(low: -10 * Self.ms, high: 30 * Self.ms)
        #expect(Sampler(straddling).mean == 11.25e6)
        let values = draws(straddling, count: 100_000, seed: 13)
        expectFraction(values, atMost: 0, is: 0.25)
    }

    @Test func hugeLognormalDrawsAreCappedInsteadOfOverflowing() {
        let values = draws(.lognormal(p50: 1_000_000 * Self.ms, p99: Int64.max), count: 2_000, seed: 14)
        #expect(values.allSatisfy { $0 >= 0 && $0 <= Sampler.maximumDraw })
    }

    /// Draws are rounded half away from zero, as `Double.rounded()` does, including the
    /// largest double below one half and values where a double has no fraction left.
    @Test func drawsRoundToTheNearestNanosecondLikeRounded() {
        let values: [Double] = [
            0.4, 0.5, 0.49999999999999994, 1.5, 2.5, 2.4999999999999996, 1234.5, 1234.4999,
            4_503_599_627_370_495.5, 4_503_599_627_370_497, 9_007_199_254_740_994, 1e18,
        ]
        for value in values {
            #expect(Sampler.nanoseconds(value) == Nanoseconds(value.rounded()), "\(value)")
        }
        #expect(Sampler.nanoseconds(-0.5) == 0 && Sampler.nanoseconds(.nan) == 0)
        #expect(Sampler.nanoseconds(1e300) == Sampler.maximumDraw)
    }
}
