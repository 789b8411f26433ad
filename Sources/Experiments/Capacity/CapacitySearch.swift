/// The bisection of `meshsim capacity`, as a value-type state machine that runs nothing
/// itself: `next()` says which value to evaluate (or that the search is over), and `record`
/// takes that value's verdict. The caller owns the simulations, so the search is tested
/// against any oracle and the command decides how a point is judged.
///
/// Both ends are evaluated first; which one passes gives the direction (the largest passing
/// value when `from` passes, the smallest when `to` does). Then each step halves the
/// bracket between the passing value nearest the failing side and the failing value
/// nearest the passing side, until they are within the resolution. An inconclusive value
/// (with replications) narrows neither side: it opens a band, and the search then narrows
/// both of its edges in turn, the passing edge (between the last pass and the band) and
/// the failing edge (between the band and the first fail).
public struct CapacitySearch: Sendable, Hashable {
    public typealias Verdict = JudgedAssertion.Outcome

    public enum Action: Sendable, Hashable {
        /// Simulate the scenario at this value (units of the range's grid) and `record` its verdict.
        case evaluate(Int64)
        case finished(CapacityResult)
    }

    /// Evaluations at most, the ends included: a million-value range takes 22 (the ends and
    /// 20 halvings), and both edges of a band in it about 42. Past this the search reports
    /// the bracket it has, marked unsettled, rather than run for hours.
    public static let maximumSteps = 64

    public let range: VariedValue
    public private(set) var steps = 0
    private var state = State.ends(from: nil)
    /// The value `next()` asked for and `record` has not answered yet.
    private var pending: Int64?

    private enum State: Sendable, Hashable {
        case ends(from: Verdict?)
        case bracketing(Bracket)
        case finished(CapacityResult)
    }

    public init(range: VariedValue) {
        self.range = range
    }

    /// The next value to evaluate, the same until its verdict is recorded; or the result.
    public mutating func next() -> Action {
        if let pending { return .evaluate(pending) }
        let value: Int64
        switch state {
        case .ends(nil):
            value = range.from
        case .ends(.some):
            value = range.to
        case .bracketing(let bracket):
            guard steps < Self.maximumSteps, let next = bracket.nextValue(range) else {
                let result = bracket.result(settled: bracket.nextValue(range) == nil)
                state = .finished(result)
                return .finished(result)
            }
            value = next
        case .finished(let result):
            return .finished(result)
        }
        pending = value
        return .evaluate(value)
    }

    /// The verdict of the value `next()` returned last; ignored when none is waiting.
    public mutating func record(_ verdict: Verdict) {
        guard let value = pending else { return }
        pending = nil
        steps += 1
        switch state {
        case .ends(nil):
            state = .ends(from: verdict)
        case .ends(let fromVerdict?):
            state = Self.start(range, from: fromVerdict, to: verdict)
        case .bracketing(var bracket):
            bracket.record(value, verdict)
            state = .bracketing(bracket)
        case .finished:
            break
        }
    }

    /// After both ends: the same verdict at both is the answer; otherwise the passing side is
    /// the end with the better verdict (pass, then inconclusive, then fail).
    private static func start(_ range: VariedValue, from: Verdict, to: Verdict) -> State {
        switch (from, to) {
        case (.pass, .pass): return .finished(CapacityResult(kind: .holdsOverRange))
        case (.fail, .fail): return .finished(CapacityResult(kind: .failsOverRange))
        case (.inconclusive, .inconclusive): return .finished(CapacityResult(kind: .inconclusiveOverRange))
        default: break
        }
        let fromPasses = rank(from) < rank(to)
        let (passEnd, failEnd) = fromPasses ? (range.from, range.to) : (range.to, range.from)
        var bracket = Bracket(towardFail: failEnd > passEnd ? 1 : -1)
        bracket.record(range.from, from)
        bracket.record(range.to, to)
        return .bracketing(bracket)
    }

    private static func rank(_ verdict: Verdict) -> Int {
        switch verdict {
        case .pass: 0
        case .inconclusive: 1
        case .fail: 2
        }
    }

    /// What is known, oriented from the passing side to the failing side.
    struct Bracket: Sendable, Hashable {
        /// +1 when failing values lie above passing ones, −1 when below.
        var towardFail: Int64
        var pass: Int64?
        var band: CapacityResult.Band?
        var fail: Int64?

        /// `a` lies strictly on the failing side of `b`.
        func beyond(_ a: Int64, _ b: Int64) -> Bool {
            (a - b) * towardFail > 0
        }

        /// A verdict that contradicts the band (a pass beyond its passing edge, a fail short of
        /// its failing edge) drops it: noise made the scenario look non-monotone, and the plain
        /// bisection between the confident values takes over.
        mutating func record(_ value: Int64, _ verdict: Verdict) {
            switch verdict {
            case .pass:
                pass = value
                if let band, beyond(value, band.nearPass) { self.band = nil }
            case .fail:
                fail = value
                if let band, beyond(band.nearFail, value) { self.band = nil }
            case .inconclusive:
                guard var band else {
                    band = CapacityResult.Band(nearPass: value, nearFail: value)
                    return
                }
                if beyond(band.nearPass, value) { band.nearPass = value }
                if beyond(value, band.nearFail) { band.nearFail = value }
                self.band = band
            }
        }

        /// The midpoint of the first bracket still wider than the resolution: between the
        /// confident values, or the band's passing edge, then its failing edge.
        func nextValue(_ range: VariedValue) -> Int64? {
            guard let band else {
                guard let pass, let fail, !range.settled(pass, fail) else { return nil }
                return range.midpoint(pass, fail)
            }
            if let pass, !range.settled(pass, band.nearPass) { return range.midpoint(pass, band.nearPass) }
            if let fail, !range.settled(band.nearFail, fail) { return range.midpoint(band.nearFail, fail) }
            return nil
        }

        func result(settled: Bool) -> CapacityResult {
            CapacityResult(kind: .bracketed, lastPass: pass, firstFail: fail, inconclusive: band, largest: towardFail > 0, settled: settled)
        }
    }
}
