import Scenario

/// Open-loop arrival times for a rate that is piecewise linear in time (a constant rate is
/// one flat piece).
///
/// Both spacings walk the cumulative intensity Λ(t) = ∫₀ᵗ rate: evenly spaced arrivals
/// fall at Λ = 0, 1, 2, …; Poisson arrivals at Λ increments drawn from Exp(1), which is
/// the time-change construction of a non-homogeneous Poisson process.
struct ArrivalProcess: Sendable {
    /// Breakpoints in seconds; the rate is linear between them and constant after the last.
    private let times: [Double]
    private let rates: [Double]
    let spacing: Client.Spacing
    /// The last piece and its constant rate: once there, every arrival takes the short path in
    /// `next` without reading the tables.
    private let lastPiece: Int
    private let finalRate: Double
    /// 1 / `finalRate`: the short path multiplies by it, since a division's latency sits on
    /// the chain that ends in the next arrival's time.
    private let finalMeanGap: Double

    /// Index of the piece holding `cursorTime`.
    private var piece = 0
    private var cursorTime = 0.0
    /// How many evenly spaced arrivals have been handed out.
    private var issued = 0.0
    private var cursorLambda = 0.0

    init(rate: Double, spacing: Client.Spacing) {
        self.init(points: [SchedulePoint(at: 0, rate: rate)], spacing: spacing)
    }

    init(points: [SchedulePoint], spacing: Client.Spacing) {
        var times = points.map { Double($0.at) / 1e9 }
        var rates = points.map(\.rate)
        // Before the first point the rate is the first point's rate.
        if let first = times.first, first > 0 {
            times.insert(0, at: 0)
            rates.insert(rates[0], at: 0)
        }
        if times.isEmpty {
            times = [0]
            rates = [0]
        }
        self.times = times
        self.rates = rates
        self.spacing = spacing
        lastPiece = times.count - 1
        finalRate = rates[times.count - 1]
        finalMeanGap = 1 / finalRate
    }

    /// The next arrival time in nanoseconds, or nil when the rate stays 0 for ever. Inlined
    /// into the arrival handler: open-loop clients call it once per request.
    @inline(__always)
    mutating func next(_ rng: inout RandomStream) -> Nanoseconds? {
        let target: Double
        switch spacing {
        case .uniform:
            target = issued
            issued += 1
        case .poisson:
            target = cursorLambda + rng.nextExponential(mean: 1)
        }
        guard let seconds = piece == lastPiece ? advanceOnLastPiece(toLambda: target) : advance(toLambda: target) else { return nil }
        let nanoseconds = seconds * 1e9
        // Beyond any run's end: a rate so low that the next arrival never comes. (Doubles this
        // large are whole, so this is the same test on the value rounded up.)
        guard nanoseconds < 9e18 else { return nil }
        // Rounded up by hand: `rounded(.up)` is a call into libm on the x86-64 baseline.
        let whole = Nanoseconds(nanoseconds)
        return Double(whole) < nanoseconds ? whole + 1 : whole
    }

    /// `advance` on the last piece, where the rate is constant: the loop there would come to
    /// the same time through its general case (dividing by the rate where this multiplies by
    /// its inverse), and a constant rate is the common one.
    @inline(__always)
    private mutating func advanceOnLastPiece(toLambda target: Double) -> Double? {
        var need = target - cursorLambda
        if need <= 0 {
            if finalRate > 0 { return cursorTime }
            need = 1e-12
        }
        let tau = finalRate > 0 ? need * finalMeanGap : .infinity
        guard tau.isFinite else { return nil }
        cursorTime += tau
        cursorLambda = target
        return cursorTime
    }

    /// Moves the cursor forward to where Λ reaches `target` and returns that time in seconds.
    /// For a cursor before the last piece (`next` takes the short path on it); it may move on
    /// to the last piece.
    private mutating func advance(toLambda target: Double) -> Double? {
        while true {
            let start = times[piece]
            let r0 = rate(at: cursorTime)
            let isLast = piece == times.count - 1
            let slope = isLast ? 0 : (rates[piece + 1] - rates[piece]) / (times[piece + 1] - start)
            var need = target - cursorLambda
            if need <= 0 {
                // An arrival due now happens now, unless the rate is 0 here: then at the
                // first moment it is positive.
                if r0 > 0 { return cursorTime }
                need = 1e-12
            }
            let available = isLast ? Double.infinity : Self.area(r0: r0, slope: slope, over: times[piece + 1] - cursorTime)
            if need <= available {
                let tau = Self.duration(toCover: need, r0: r0, slope: slope)
                guard tau.isFinite else { return nil }
                cursorTime += tau
                cursorLambda = target
                return cursorTime
            }
            if isLast { return nil }
            cursorLambda += available
            cursorTime = times[piece + 1]
            piece += 1
        }
    }

    private func rate(at t: Double) -> Double {
        let isLast = piece == times.count - 1
        if isLast { return rates[piece] }
        let fraction = (t - times[piece]) / (times[piece + 1] - times[piece])
        return rates[piece] + (rates[piece + 1] - rates[piece]) * fraction
    }

    /// ∫ over [0, τ] of r0 + slope·t.
    private static func area(r0: Double, slope: Double, over tau: Double) -> Double {
        r0 * tau + slope * tau * tau / 2
    }

    /// Smallest τ ≥ 0 with r0·τ + slope·τ²/2 = amount (infinite when the rate never gets there).
    private static func duration(toCover amount: Double, r0: Double, slope: Double) -> Double {
        if abs(slope) < 1e-12 {
            return r0 > 0 ? amount / r0 : .infinity
        }
        let discriminant = r0 * r0 + 2 * slope * amount
        if discriminant < 0 { return .infinity }
        // The cancellation-free form of (−r0 + √disc) / slope.
        return 2 * amount / (r0 + discriminant.squareRoot())
    }
}
