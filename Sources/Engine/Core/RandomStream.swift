import Policy
import Foundation

/// xoshiro256** seeded through SplitMix64 (Blackman and Vigna, https://prng.di.unimi.it).
///
/// Every draw in a run comes from one of these streams, one per entity, so a run is a pure
/// function of the scenario seed. The transcendental functions behind the exponential and
/// normal draws come from the platform's libm; report files are byte-identical for a given libm.
public struct RandomStream: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A stream for one entity: derived from the scenario seed and a stable key (e.g. "client:web"),
    /// so adding an entity never changes another's draws.
    ///
    /// Equivalent to `init(seed: seed ^ fnv1a64(key))`, with FNV-1a 64 over the key's UTF-8 bytes:
    /// unlike `Hasher`, it gives the same value in every process.
    public init(seed: UInt64, key: String) {
        self.init(seed: seed ^ Self.fnv1a64(key))
    }

    /// The four state words are the first four SplitMix64 outputs from `seed`, as the xoshiro
    /// authors recommend. They are never all zero (the one state xoshiro must avoid): SplitMix64's
    /// mixing is a bijection and its four states differ, so at most one output is zero.
    public init(seed: UInt64) {
        var splitMix = seed
        self.init(
            state: (
                Self.splitMix64(&splitMix), Self.splitMix64(&splitMix),
                Self.splitMix64(&splitMix), Self.splitMix64(&splitMix)
            ))
    }

    /// The raw generator state, for checking against the reference implementation's vectors.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    /// Uniform in [0, 1), from the top 53 bits, so every value is a multiple of 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform in 0..<n for n > 0, unbiased by Lemire's multiply-and-reject method
    /// (one draw almost always). Returns 0 when n ≤ 0.
    public mutating func nextInt(below n: Int) -> Int {
        guard n > 0 else { return 0 }
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            // Values of `low` under 2⁶⁴ mod n would make some results one draw more likely.
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return Int(product.high)
    }

    /// Exponential with the given mean, by inverse transform on 1 − u ∈ (0, 1], so log never sees 0.
    public mutating func nextExponential(mean: Double) -> Double {
        -mean * log(1 - nextUnit())
    }

    /// Standard normal by the Box–Muller transform, using the cosine branch only and keeping no
    /// cached second value, so a stream's state is just its four words. Costs two uniform draws.
    public mutating func nextStandardNormal() -> Double {
        let radius = (-2 * log(1 - nextUnit())).squareRoot()
        return radius * cos(2 * Double.pi * nextUnit())
    }

    /// One SplitMix64 step (Steele, Lea and Flood; Vigna's splitmix64.c).
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a 64 of the UTF-8 bytes.
    static func fnv1a64(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}

extension RandomStream: RandomSource {}
