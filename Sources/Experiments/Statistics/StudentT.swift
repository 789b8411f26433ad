/// Quantiles of Student's t distribution for two-sided 95% intervals.
///
/// Up to 100 degrees of freedom the quantile comes from a table (t(0.975, ν) to nine
/// decimals, as SciPy's `stats.t.ppf` gives them; the tests check them against the
/// published three-decimal tables); beyond, from the Cornish–Fisher expansion in 1/ν
/// (Abramowitz and Stegun 26.7.5), within 1e-10 of the exact value there. Both use only
/// the four basic operations, which IEEE 754 rounds the same on every machine, so an
/// interval prints the same digits everywhere; libm's functions carry no such promise.
public enum StudentT {
    /// t(0.975, ν): the half-width of a 95% interval is this times the standard error.
    /// Nil for ν < 1.
    public static func quantile975(degreesOfFreedom ν: Int) -> Double? {
        guard ν >= 1 else { return nil }
        if ν <= table.count { return table[ν - 1] }
        let z = 1.959963984540054
        let n = Double(ν)
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + g1 / n + g2 / (n * n) + g3 / (n * n * n) + g4 / (n * n * n * n)
    }

    /// t(0.975, ν) for ν = 1 ... 100.
    private static let table: [Double] = [
        12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836,
        2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
        2.200985160, 2.178812830, 2.160368656, 2.144786688, 2.131449546,
        2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447,
        2.079613845, 2.073873068, 2.068657610, 2.063898562, 2.059538553,
        2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
        2.039513446, 2.036933343, 2.034515297, 2.032244509, 2.030107928,
        2.028094001, 2.026192463, 2.024394164, 2.022690920, 2.021075390,
        2.019540970, 2.018081703, 2.016692199, 2.015367574, 2.014103389,
        2.012895599, 2.011740514, 2.010634758, 2.009575237, 2.008559112,
        2.007583770, 2.006646805, 2.005745995, 2.004879288, 2.004044783,
        2.003240719, 2.002465459, 2.001717484, 2.000995378, 2.000297822,
        1.999623585, 1.998971517, 1.998340543, 1.997729654, 1.997137908,
        1.996564419, 1.996008354, 1.995468931, 1.994945415, 1.994437112,
        1.993943368, 1.993463567, 1.992997126, 1.992543495, 1.992102154,
        1.991672610, 1.991254395, 1.990847069, 1.990450210, 1.990063421,
        1.989686323, 1.989318557, 1.988959780, 1.988609667, 1.988267907,
        1.987934206, 1.987608282, 1.987289865, 1.986978700, 1.986674541,
        1.986377154, 1.986086317, 1.985801814, 1.985523442, 1.985251004,
        1.984984312, 1.984723186, 1.984467455, 1.984216952, 1.983971519,
    ]
}
