import Foundation
import Scenario

/// A Distribution compiled once for fast draws; draws are Nanoseconds ≥ 0 (rounded to nearest ns).
///
/// Nested mixtures are flattened into one list of plain components (shares multiplied), kept in a
/// ContiguousArray built at compile time, so a draw allocates nothing. A non-mixture, or a mixture
/// that flattens to one component, spends no draw on picking a component.
///
/// Parameters outside their domain do not trap: a negative constant or bound counts as 0 (draws
/// are clamped at 0 and `mean` is the mean of the clamped law), `exp` with mean ≤ 0 and `lognormal`
/// with p50 ≤ 0 are constant 0, `lognormal` with p99 ≤ p50 is constant p50, `normal` with a
/// standard deviation ≤ 0 is constant at its mean, and components whose share is not a positive
/// number are dropped (a mixture left with none is constant 0).
/// Draws are capped at `maximumDraw`, so adding one to a simulated time cannot overflow.
public struct Sampler: Sendable {
    /// About 73 years: far beyond any scenario, far below `Int64.max`.
    static let maximumDraw: Nanoseconds = 1 << 61

    /// The standard normal 0.99 quantile, which fixes a lognormal's sigma from its p50 and p99.
    static let z99 = 2.3263478740408408

    /// The kernel to draw from when `components` is empty.
    private let single: SamplerKernel
    /// Empty unless the distribution is a mixture of at least two components.
    private let components: ContiguousArray<Component>

    /// Exact mean of the distribution in nanoseconds (for normal: of the truncated-at-0 redraw
    /// distribution, i.e. the mean of a normal truncated to [0, ∞)), before rounding to whole ns.
    public let mean: Double

    /// The distribution is the constant 0: callers skip scheduling.
    public let isZero: Bool

    private struct Component: Sendable {
        /// The first component whose cumulative share exceeds a uniform draw in [0, 1) is picked;
        /// the last one takes whatever rounding leaves.
        var upperBound: Double
        var kernel: SamplerKernel
    }

    public init(_ distribution: Distribution) {
        var flat: [(weight: Double, kernel: SamplerKernel)] = []
        Self.flatten(distribution, weight: 1, into: &flat)
        let total = flat.reduce(0) { $0 + $1.weight }
        guard total > 0, let first = flat.first else {
            self.init(single: .constant(0))
            return
        }
        guard flat.count > 1 else {
            self.init(single: first.kernel)
            return
        }
        var cumulative = 0.0
        var components = ContiguousArray<Component>()
        components.reserveCapacity(flat.count)
        for (weight, kernel) in flat {
            cumulative += weight / total
            components.append(Component(upperBound: cumulative, kernel: kernel))
        }
        self.init(
            single: first.kernel, components: components,
            mean: flat.reduce(0) { $0 + $1.weight / total * $1.kernel.mean },
            isZero: flat.allSatisfy { $0.kernel.isZero })
    }

    private init(single: SamplerKernel) {
        self.init(single: single, components: [], mean: single.mean, isZero: single.isZero)
    }

    private init(
        single: SamplerKernel, components: ContiguousArray<Component>, mean: Double, isZero: Bool
    ) {
        self.single = single
        self.components = components
        self.mean = mean
        self.isZero = isZero
    }

    /// The whole law as one kernel; nil for a mixture.
    var kernel: SamplerKernel? { components.isEmpty ? single : nil }

    /// Every draw is this value: the law is a constant.
    var isConstant: Bool {
        if case .constant = single, components.isEmpty { return true }
        return false
    }

    public func sample(_ rng: inout RandomStream) -> Nanoseconds {
        guard !components.isEmpty else { return single.sample(&rng) }
        let u = rng.nextUnit()
        var index = 0
        while index < components.count - 1 && u >= components[index].upperBound {
            index += 1
        }
        return components[index].kernel.sample(&rng)
    }

    private static func flatten(
        _ distribution: Distribution, weight: Double,
        into flat: inout [(weight: Double, kernel: SamplerKernel)]
    ) {
        guard case .mixture(let parts) = distribution else {
            if let kernel = SamplerKernel(distribution) { flat.append((weight, kernel)) }
            return
        }
        let valid = parts.filter { $0.share > 0 && $0.share.isFinite }
        let total = valid.reduce(0) { $0 + $1.share }
        guard total > 0 else {
            flat.append((weight, .constant(0)))
            return
        }
        for part in valid {
            flatten(part.distribution, weight: weight * part.share / total, into: &flat)
        }
    }

    /// Rounds to the nearest nanosecond, mapping negatives and NaN to 0 and capping at `maximumDraw`.
    /// Inlined: it ends every draw, and is a few instructions.
    @inline(__always)
    static func nanoseconds(_ x: Double) -> Nanoseconds {
        guard x > 0 else { return 0 }
        guard x < Double(maximumDraw) else { return maximumDraw }
        // Half away from zero by hand, as `rounded()` does, which is a call into libm on the
        // x86-64 baseline. Exact: x − trunc(x) has no rounding error, and above 2^52 x is whole.
        // The half-up step is added, not branched on: which way a draw rounds is a coin toss,
        // and a branch on it was mispredicted half the time. (No overflow: x < `maximumDraw`.)
        let whole = Nanoseconds(x)
        return whole &+ (x - Double(whole) >= 0.5 ? 1 : 0)
    }
}
