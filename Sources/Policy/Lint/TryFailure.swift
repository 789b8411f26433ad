import Scenario

/// How every try towards a failing service ends, as the layer that made the try sees it.
/// Retry layers differ in what they retry (Kong never retries an answer, Istio's default
/// retries connect failures only), so the amplification depends on the kind of failure.
enum TryFailure: Hashable {
    /// The connection is refused: the service crashed.
    case refused
    /// An error answer with this status, this long after the try was sent (latencies left out).
    case answer(status: Int, after: Nanoseconds)
    /// No answer ever comes, and no timeout below ends the wait: the service hangs.
    case silence
    /// A service with `onCallFailure: ignore` answered its caller normally, so no layer above retries.
    case absorbed

    /// What the caller of a service sees when one of its calls fails this way: the service
    /// answers 500 at once (`onCallFailure: fail`), or carries on (`ignore`).
    func passedOn(failingCallers: Bool) -> TryFailure {
        switch self {
        case .refused: return failingCallers ? .answer(status: 500, after: 0) : .absorbed
        case .answer(_, let after): return failingCallers ? .answer(status: 500, after: after) : .absorbed
        case .silence, .absorbed: return self
        }
    }

    /// Whether the try ends by a timeout of `timeout` (nil: waits forever) rather than by an answer.
    func timesOut(_ timeout: Nanoseconds?) -> Bool {
        guard let timeout else { return false }
        switch self {
        case .answer(_, let after): return after >= timeout
        case .silence: return true
        case .refused, .absorbed: return false
        }
    }
}
