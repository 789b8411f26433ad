import Foundation
import Testing

@testable import Engine

@Suite struct RandomStreamTests {
    @Test func splitMix64MatchesVignasReferenceFromSeedZero() {
        // First outputs of splitmix64.c (prng.di.unimi.it) seeded with 0.
        var state: UInt64 = 0
        let expected: [UInt64] = [
            0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            0xF88B_B8A8_724C_81EC, 0x1B39_896A_51A8_749B,
        ]
        #expect(expected.map { _ in RandomStream.splitMix64(&state) } == expected)
    }

    @Test func xoshiro256StarStarMatchesTheReferenceFromState1234() {
        // xoshiro256starstar.c from state {1, 2, 3, 4}, as in rand_xoshiro's reference test.
        var rng = RandomStream(state: (1, 2, 3, 4))
        let expected: [UInt64] = [
            11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360,
            607_988_272_756_665_600, 16_172_922_978_634_559_625, 8_476_171_486_693_032_832,
            10_595_114_339_597_558_777, 2_904_607_092_377_533_576,
        ]
        #expect(expected.map { _ in rng.next() } == expected)
    }

    @Test func seedFillsTheStateWithTheFirstFourSplitMixOutputs() {
        var seeded = RandomStream(seed: 0)
        var direct = RandomStream(
            state: (0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC))
        for _ in 0..<8 { #expect(seeded.next() == direct.next()) }
    }

    @Test func seed42MatchesOtherXoshiroImplementationsSeededBySplitMix() {
        // Published by independent xoshiro256** ports that seed the state with SplitMix64(42).
        var rng = RandomStream(seed: 42)
        let expected: [UInt64] = [
            1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009,
        ]
        #expect(expected.map { _ in rng.next() } == expected)
    }

    @Test func fnv1a64MatchesThePublishedVectors() {
        #expect(RandomStream.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
        #expect(RandomStream.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(RandomStream.fnv1a64("foobar") == 0x8594_4171_F739_67E8)
    }

    @Test func keyedStreamXorsTheSeedWithTheKeysHash() {
        var keyed = RandomStream(seed: 7, key: "foobar")
        var plain = RandomStream(seed: 7 ^ 0x8594_4171_F739_67E8)
        for _ in 0..<4 { #expect(keyed.next() == plain.next()) }
    }

    @Test func sameKeySameStreamAndDifferentKeysDifferentStreams() {
        func firstDraws(seed: UInt64, key: String) -> [UInt64] {
            var rng = RandomStream(seed: seed, key: key)
            return (0..<4).map { _ in rng.next() }
        }
        #expect(firstDraws(seed: 1, key: "client:web") == firstDraws(seed: 1, key: "client:web"))
        let streams = [
            firstDraws(seed: 1, key: "client:web"), firstDraws(seed: 1, key: "client:api"),
            firstDraws(seed: 1, key: "client:web2"), firstDraws(seed: 1, key: "service:web"),
            firstDraws(seed: 2, key: "client:web"),
        ]
        #expect(Set(streams.flatMap { $0 }).count == 20)
    }

    @Test func nextIntPassesAChiSquareTestOverTenBuckets() {
        var rng = RandomStream(seed: 2024)
        let draws = 100_000
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<draws { counts[rng.nextInt(below: 10)] += 1 }
        let expected = Double(draws) / 10
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        // Chi-square table, 9 degrees of freedom, upper 0.1% point.
        #expect(chiSquare < 27.877)
    }

    @Test func nextIntIsUnbiasedForABoundNear2To64() {
        // n = 3·2⁶¹: 2⁶⁴/n = 8/3, so reducing modulo n would put 56% of draws below n/2, and a
        // multiply without rejection would give results ≡ 2 (mod 3) a share of 1/4 instead of 1/3.
        let n = 3 << 61
        var rng = RandomStream(seed: 99)
        let draws = 30_000
        var belowHalf = 0
        var residueTwo = 0
        for _ in 0..<draws {
            let x = rng.nextInt(below: n)
            #expect(x >= 0 && x < n)
            if x < n / 2 { belowHalf += 1 }
            if x % 3 == 2 { residueTwo += 1 }
        }
        // Four standard errors: 4·√(p(1−p)/draws).
        #expect(abs(Double(belowHalf) / Double(draws) - 0.5) < 4 * (0.25 / Double(draws)).squareRoot())
        #expect(abs(Double(residueTwo) / Double(draws) - 1.0 / 3) < 4 * (2.0 / 9 / Double(draws)).squareRoot())
    }

    @Test func nextIntHandlesTrivialAndInvalidBounds() {
        var rng = RandomStream(seed: 5)
        for _ in 0..<100 { #expect(rng.nextInt(below: 1) == 0) }
        #expect(rng.nextInt(below: 0) == 0)
        #expect(rng.nextInt(below: -3) == 0)
        for _ in 0..<100 { #expect(rng.nextInt(below: Int.max) < Int.max) }
    }

    @Test func nextUnitIsInTheUnitIntervalWithMeanOneHalf() {
        var rng = RandomStream(seed: 11)
        let draws = 100_000
        var sum = 0.0
        for _ in 0..<draws {
            let u = rng.nextUnit()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        // Uniform variance is 1/12.
        #expect(abs(sum / Double(draws) - 0.5) < 4 * (1.0 / 12 / Double(draws)).squareRoot())
    }

    @Test func nextExponentialHasTheRequestedMeanAndMedian() {
        var rng = RandomStream(seed: 12)
        let draws = 100_000
        var sum = 0.0
        var belowMedian = 0
        for _ in 0..<draws {
            let x = rng.nextExponential(mean: 3)
            #expect(x >= 0 && x.isFinite)
            sum += x
            if x < 3 * log(2.0) { belowMedian += 1 }
        }
        // The standard deviation equals the mean.
        #expect(abs(sum / Double(draws) - 3) < 4 * 3 / Double(draws).squareRoot())
        #expect(abs(Double(belowMedian) / Double(draws) - 0.5) < 4 * (0.25 / Double(draws)).squareRoot())
    }

    @Test func nextStandardNormalHasMeanZeroVarianceOneAndPhiOfOne() {
        var rng = RandomStream(seed: 13)
        let draws = 100_000
        var sum = 0.0
        var sumOfSquares = 0.0
        var belowOne = 0
        for _ in 0..<draws {
            let z = rng.nextStandardNormal()
            sum += z
            sumOfSquares += z * z
            if z < 1 { belowOne += 1 }
        }
        let n = Double(draws)
        #expect(abs(sum / n) < 4 / n.squareRoot())
        // The variance of z² is 2 for a standard normal.
        #expect(abs(sumOfSquares / n - 1) < 4 * (2 / n).squareRoot())
        // Φ(1) from the normal table.
        let phiOfOne = 0.8413447460685429
        #expect(abs(Double(belowOne) / n - phiOfOne) < 4 * (phiOfOne * (1 - phiOfOne) / n).squareRoot())
    }
}
