import Scenario

/// A route's `fault` block as Envoy's fault filter applies it. The filter runs before the
/// router, so a delay is not counted in the route or per-try timeout, and an abort is a local
/// answer (flag FI) that never reaches the retry logic.
public struct FaultInjectionPolicy: Sendable {
    /// Fractions clamped to 0…1; nil when that kind of fault is not configured.
    private let delay: (fraction: Double, duration: Nanoseconds)?
    private let abort: (fraction: Double, status: Int)?

    public init(_ fault: HTTPFault?) {
        delay = fault?.delay.map { (Self.clamped($0.fraction), max($0.fixedDelay, 0)) }
        abort = fault?.abort.map { (Self.clamped($0.fraction), $0.httpStatus) }
    }

    /// Whether any fault is configured at all.
    public var isActive: Bool { delay != nil || abort != nil }

    /// The delay is decided first and the abort after it, each with its own draw (Envoy's
    /// fault filter decides the abort again when the delay ends). A configured fault always
    /// consumes its draw, whatever its percentage.
    public func decide<R: RandomSource>(_ rng: inout R) -> FaultDecision {
        var delayed: Nanoseconds?
        if let delay, rng.nextUnit() < delay.fraction {
            delayed = delay.duration
        }
        var status: Int?
        if let abort, rng.nextUnit() < abort.fraction {
            status = abort.status
        }
        switch (delayed, status) {
        case let (wait?, status?): return .delayThenAbort(wait, status: status)
        case let (wait?, nil): return .delay(wait)
        case let (nil, status?): return .abort(status: status)
        case (nil, nil): return .none
        }
    }

    private static func clamped(_ fraction: Double) -> Double {
        fraction.isNaN ? 0 : min(max(fraction, 0), 1)
    }
}
