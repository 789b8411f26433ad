import Scenario

/// A route's retry policy as Istio configures Envoy's router.
///
/// How an attempt's `Outcome` reads here:
/// - flag `UF` (connect failure) and `UC` (reset after the request was sent) are failures
///   without an answer, whatever the status;
/// - flag `UT` is a per-try timeout (status 504). A route timeout also reads 504 `UT`, but it
///   ends the request: the caller does not ask whether to retry it;
/// - flags `UO`, `FI`, `UH`, `NR`, `RL`, `UAEX` and `URX` are local answers of the calling
///   proxy, never retried (`UO` is this caller's own circuit breaker; an upstream's full
///   queue answering 503 is an answer, flag none);
/// - any other flag is an answer from upstream, judged by its status.
public struct RetryPolicy: Sendable {
    /// Istio's `retryOn` when a route has no `retries` block (retry.go `defaultPolicy`).
    public static let istioDefaultRetryOn: RetryOn = [
        .connectFailure, .refusedStream, .unavailable, .cancelled, .retriableStatusCodes,
    ]
    /// Istio's retries when a route has no `retries` block.
    public static let istioDefaultRetries = 2
    /// Envoy's `upstream.base_retry_backoff_ms` default; Istio sets no back-off.
    public static let baseInterval: Nanoseconds = 25_000_000
    /// Envoy's default cap: 10 × the base interval.
    public static let maxInterval: Nanoseconds = 250_000_000

    /// Retries after the first attempt; 0 means none.
    public let maxRetries: Int
    public let retryOn: RetryOn
    /// Extra codes retried while `retryOn` contains `.retriableStatusCodes`.
    public let retriableStatusCodes: [Int]
    /// Nil when absent or ignored.
    public let perTryTimeout: Nanoseconds?
    /// A per-try timeout that Envoy ignores because it is not shorter than the route timeout.
    public let ignoredPerTryTimeout: Nanoseconds?
    /// Nil when none (Istio's default; `0s` also means none).
    public let routeTimeout: Nanoseconds?

    /// `retry` nil takes Istio's default; `attempts` 0 (or less) disables retries, and with
    /// them the per-try timeout, as Istio then sends Envoy no retry policy at all. A `retryOn`
    /// that is absent keeps the default conditions.
    public init(_ retry: HTTPRetry?, routeTimeout: Nanoseconds?) {
        let routeTimeout = routeTimeout.flatMap { $0 > 0 ? $0 : nil }
        self.routeTimeout = routeTimeout
        var perTry: Nanoseconds?
        if let retry {
            maxRetries = max(retry.attempts, 0)
            if let text = retry.retryOn, !text.isEmpty {
                (retryOn, retriableStatusCodes) = RetryOn.parse(text)
            } else {
                (retryOn, retriableStatusCodes) = (Self.istioDefaultRetryOn, [])
            }
            perTry = maxRetries > 0 ? retry.perTryTimeout.flatMap { $0 > 0 ? $0 : nil } : nil
        } else {
            maxRetries = Self.istioDefaultRetries
            retryOn = Self.istioDefaultRetryOn
            retriableStatusCodes = []
        }
        if let limit = perTry, let routeTimeout, limit >= routeTimeout {
            ignoredPerTryTimeout = limit
            perTryTimeout = nil
        } else {
            ignoredPerTryTimeout = nil
            perTryTimeout = perTry
        }
    }

    /// Whether an attempt that ended with `outcome` may be retried, before counting the
    /// retries left (Envoy's `wouldRetryFromHeaders` and `wouldRetryFromReset`).
    public func isRetriable(_ outcome: Outcome) -> Bool {
        guard maxRetries > 0 else { return false }
        switch outcome.flag {
        case .overflow, .faultInjected, .noHealthyUpstream, .noRoute, .noClusterFound, .rateLimited, .unauthorized, .retriesExhausted:
            return false
        case .connectFailure:
            return !retryOn.isDisjoint(with: [.connectFailure, .resetBeforeRequest, .reset, .fiveXX, .gatewayError])
        case .connectionTermination, .timeout:
            // Envoy resets the stream of a timed-out try and counts a reset as a 5xx.
            return !retryOn.isDisjoint(with: [.reset, .fiveXX, .gatewayError])
        case .none, .delayInjected, .rbacDenied:
            return isRetriable(status: Int(outcome.status))
        }
    }

    private func isRetriable(status: Int) -> Bool {
        // No answer in meshsim carries `x-envoy-ratelimited`.
        if retryOn.contains(.envoyRateLimited) { return false }
        if retryOn.contains(.fiveXX), (500...599).contains(status) { return true }
        if retryOn.contains(.gatewayError), (502...504).contains(status) { return true }
        if retryOn.contains(.retriable4xx), status == 409 { return true }
        return retryOn.contains(.retriableStatusCodes) && retriableStatusCodes.contains(status)
    }

    /// The upper bound of the wait before retry `n` (1 for the first retry): Envoy's
    /// JitteredExponentialBackOffStrategy starts at the base and doubles while below half the
    /// maximum, then stays at the maximum: 25, 50, 100, 200, 250, 250… ms.
    public static func backoffCeiling(retry n: Int) -> Nanoseconds {
        var interval = baseInterval
        var retry = 1
        while retry < n, interval < maxInterval {
            interval = interval < maxInterval / 2 ? interval * 2 : maxInterval
            retry += 1
        }
        return interval
    }

    /// The wait before retry `n`: uniform over whole milliseconds in [0, ceiling), as Envoy
    /// draws `random() % interval_ms`.
    public func backoff<R: RandomSource>(retry n: Int, _ rng: inout R) -> Nanoseconds {
        let ceilingMilliseconds = Int(Self.backoffCeiling(retry: n) / 1_000_000)
        return Nanoseconds(rng.nextInt(below: ceilingMilliseconds)) * 1_000_000
    }

    /// One line for `meshsim eval`, e.g. "3 retries on 5xx,connect-failure, per try 200ms,
    /// route timeout 1s".
    public var summary: String {
        var parts: [String] = []
        switch maxRetries {
        case 0: parts.append("no retries")
        case 1: parts.append("1 retry on \(conditionsText)")
        default: parts.append("\(maxRetries) retries on \(conditionsText)")
        }
        if let perTryTimeout {
            parts.append("per try \(DurationText.format(perTryTimeout))")
        } else if let ignoredPerTryTimeout {
            parts.append("per try \(DurationText.format(ignoredPerTryTimeout)) ignored (not shorter than the route timeout)")
        }
        parts.append(routeTimeout.map { "route timeout \(DurationText.format($0))" } ?? "no route timeout")
        return parts.joined(separator: ", ")
    }

    /// Conditions in Envoy's names; listed codes stand in for `retriable-status-codes`.
    private var conditionsText: String {
        var words: [String] = []
        for (condition, name) in RetryOn.names where retryOn.contains(condition) {
            if condition == .retriableStatusCodes, !retriableStatusCodes.isEmpty {
                words += retriableStatusCodes.map(String.init)
            } else {
                words.append(name)
            }
        }
        return words.isEmpty ? "nothing" : words.joined(separator: ",")
    }
}
