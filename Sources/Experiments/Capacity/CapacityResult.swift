/// What a capacity search found: the passing and failing values that bracket the edge, or
/// that one verdict holds over the whole range. Values are in units of the range's grid
/// (`VariedValue`).
public struct CapacityResult: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Both ends pass: the edge, if any, lies outside the range.
        case holdsOverRange
        /// Both ends fail: no value in the range passes.
        case failsOverRange
        /// Both ends are inconclusive: more replications may tell.
        case inconclusiveOverRange
        /// The ends differ, and the search narrowed the edge between them.
        case bracketed
    }

    /// Inconclusive values between the passing and the failing ones.
    public struct Band: Sendable, Hashable {
        public var nearPass: Int64
        public var nearFail: Int64

        public init(nearPass: Int64, nearFail: Int64) {
            self.nearPass = nearPass
            self.nearFail = nearFail
        }
    }

    public var kind: Kind
    /// The passing value nearest the failing side; nil when no value passed with confidence.
    public var lastPass: Int64?
    /// The failing value nearest the passing side; nil when no value failed with confidence.
    public var firstFail: Int64?
    /// The inconclusive values nearest the passing and the failing side; nil when the edge
    /// has no inconclusive band.
    public var inconclusive: Band?
    /// Passing values lie below failing ones, so the answer is the largest passing value;
    /// false when it is the smallest.
    public var largest: Bool
    /// False when the step cap stopped the search before the bracket was within the resolution.
    public var settled: Bool

    public init(
        kind: Kind, lastPass: Int64? = nil, firstFail: Int64? = nil, inconclusive: Band? = nil,
        largest: Bool = true, settled: Bool = true
    ) {
        self.kind = kind
        self.lastPass = lastPass
        self.firstFail = firstFail
        self.largest = largest
        self.settled = settled
        self.inconclusive = inconclusive
    }

    /// Some value in the range passes, so the exit code is 0; under `--inconclusive pass`
    /// an inconclusive value counts as passing.
    public func foundPassingValue(under policy: InconclusivePolicy) -> Bool {
        if kind == .holdsOverRange || lastPass != nil { return true }
        return policy == .pass && (inconclusive != nil || kind == .inconclusiveOverRange)
    }
}
