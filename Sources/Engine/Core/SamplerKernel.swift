import Foundation
import Scenario

/// One non-mixture distribution with its parameters pre-converted to the form its draw needs.
enum SamplerKernel: Sendable {
    case constant(Nanoseconds)
    case exponential(mean: Double)
    /// `low` may be negative (draws below 0 clamp to 0); `width` > 0.
    case uniform(low: Double, width: Double)
    /// Mean ≥ 0: plain redraws accept at least half the time.
    case normalRedraw(mean: Double, standardDeviation: Double)
    /// Mean < 0: the standardized cut `alpha` = −mean/sd is > 0 and plain redraws could take
    /// arbitrarily long, so draw from the same truncated law by Robert's (1995) exponential
    /// rejection with the optimal rate (α + √(α² + 4)) / 2, which accepts at least 76% of the time.
    case normalTail(mean: Double, standardDeviation: Double, alpha: Double, rate: Double)
    case lognormal(mu: Double, sigma: Double)

    /// nil for a mixture, which Sampler flattens into kernels first.
    init?(_ distribution: Distribution) {
        switch distribution {
        case .constant(let value):
            self = .constant(max(value, 0))
        case .exponential(let mean):
            self = mean > 0 ? .exponential(mean: Double(mean)) : .constant(0)
        case .uniform(let a, let b):
            let (low, high) = (min(a, b), max(a, b))
            if high <= 0 || low == high {
                self = .constant(max(low, 0))
            } else {
                self = .uniform(low: Double(low), width: Double(high) - Double(low))
            }
        case .normal(let mean, let standardDeviation):
            if standardDeviation <= 0 {
                self = .constant(max(mean, 0))
            } else if mean >= 0 {
                self = .normalRedraw(mean: Double(mean), standardDeviation: Double(standardDeviation))
            } else {
                let alpha = -Double(mean) / Double(standardDeviation)
                self = .normalTail(
                    mean: Double(mean), standardDeviation: Double(standardDeviation), alpha: alpha,
                    rate: (alpha + (alpha * alpha + 4).squareRoot()) / 2)
            }
        case .lognormal(let p50, let p99):
            if p50 <= 0 {
                self = .constant(0)
            } else if p99 <= p50 {
                self = .constant(p50)
            } else {
                let mu = log(Double(p50))
                self = .lognormal(mu: mu, sigma: (log(Double(p99)) - mu) / Sampler.z99)
            }
        case .mixture:
            return nil
        }
    }

    var isZero: Bool {
        if case .constant(0) = self { return true }
        return false
    }

    var mean: Double {
        switch self {
        case .constant(let value):
            return Double(value)
        case .exponential(let mean):
            return mean
        case .uniform(let low, let width):
            let high = low + width
            // With low < 0 the draws below 0 become 0: E[max(X, 0)] = high² / (2 · width).
            return low >= 0 ? low + width / 2 : high * high / (2 * width)
        case .normalRedraw(let mean, let standardDeviation):
            return mean + standardDeviation * Self.inverseMillsRatio(-mean / standardDeviation)
        case .normalTail(let mean, let standardDeviation, let alpha, _):
            return mean + standardDeviation * Self.inverseMillsRatio(alpha)
        case .lognormal(let mu, let sigma):
            return exp(mu + sigma * sigma / 2)
        }
    }

    /// Inlined for the two common laws, a constant and the exponential of queueing models:
    /// a service time is drawn on every job, and the calls cost more than these draws.
    @inline(__always)
    func sample(_ rng: inout RandomStream) -> Nanoseconds {
        switch self {
        case .constant(let value):
            return value
        case .exponential(let mean):
            return Sampler.nanoseconds(rng.nextExponential(mean: mean))
        default:
            return sampleOther(&rng)
        }
    }

    /// The other laws, out of line.
    private func sampleOther(_ rng: inout RandomStream) -> Nanoseconds {
        switch self {
        case .constant, .exponential:
            return sample(&rng)
        case .uniform(let low, let width):
            return Sampler.nanoseconds(low + width * rng.nextUnit())
        case .normalRedraw(let mean, let standardDeviation):
            while true {
                let x = mean + standardDeviation * rng.nextStandardNormal()
                if x >= 0 { return Sampler.nanoseconds(x) }
            }
        case .normalTail(let mean, let standardDeviation, let alpha, let rate):
            while true {
                let z = alpha + rng.nextExponential(mean: 1 / rate)
                let excess = z - rate
                if rng.nextUnit() < exp(-excess * excess / 2) {
                    return Sampler.nanoseconds(mean + standardDeviation * z)
                }
            }
        case .lognormal(let mu, let sigma):
            return Sampler.nanoseconds(exp(mu + sigma * rng.nextStandardNormal()))
        }
    }

    /// φ(α) / (1 − Φ(α)): the mean of a standard normal truncated to [α, ∞).
    static func inverseMillsRatio(_ alpha: Double) -> Double {
        guard alpha < 25 else {
            // Both terms underflow near α = 38; the asymptotic series is within 1e-11 relative here.
            let a2 = alpha * alpha
            return alpha + 1 / alpha * (1 - 2 / a2 * (1 - 5 / a2 * (1 - 7.4 / a2)))
        }
        let density = exp(-alpha * alpha / 2) / (2 * Double.pi).squareRoot()
        let tail = erfc(alpha / 2.0.squareRoot()) / 2
        return density / tail
    }
}
