/// How an attempt or a request ended. Status 0 is a client-side timeout (no answer).
public struct Outcome: Sendable, Equatable {
    public var status: Int32
    public var flag: ResponseFlag
    /// Answered by the gateway's proxy-cache (counted in summary.csv `cache_hits`).
    public var cached: Bool

    public init(status: Int32, flag: ResponseFlag, cached: Bool = false) {
        self.status = status
        self.flag = flag
        self.cached = cached
    }

    public static let clientTimeout = Outcome(status: 0, flag: .timeout)

    /// A failure as seen by a caller deciding on `onCallFailure`: 5xx or no answer.
    public var isFailure: Bool { status >= 500 || status == 0 }
}
