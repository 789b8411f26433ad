/// The retries and timeouts a caller's sidecar applies to the tries it sends to a service, as
/// Istio configures Envoy from one `http` rule (or from nothing, with Istio's defaults).
struct MeshRetryPolicy {
    /// Istio's retry conditions when `retryOn` is not written.
    static let defaultConditions: Set<String> = ["connect-failure", "refused-stream", "unavailable", "cancelled", "retriable-status-codes"]
    /// Istio's retries when a rule has no `retries` block.
    static let istioDefault = MeshRetryPolicy(retries: 2, conditions: defaultConditions, statusCodes: [], perTryTimeout: nil, timeout: nil)

    var retries: Int
    var conditions: Set<String>
    var statusCodes: Set<Int>
    /// Only when shorter than the route timeout: Envoy ignores it otherwise.
    var perTryTimeout: Nanoseconds?
    var timeout: Nanoseconds?

    init(retries: Int, conditions: Set<String>, statusCodes: Set<Int>, perTryTimeout: Nanoseconds?, timeout: Nanoseconds?) {
        self.retries = retries
        self.conditions = conditions
        self.statusCodes = statusCodes
        self.perTryTimeout = perTryTimeout
        self.timeout = timeout
    }

    init(_ rule: HTTPRoute) {
        // A route timeout of 0s disables it in Envoy.
        let timeout = rule.timeout.flatMap { $0 > 0 ? $0 : nil }
        guard let retry = rule.retries else {
            self = Self.istioDefault
            self.timeout = timeout
            return
        }
        let written = retry.retryOn.map(Self.parse)
        retries = retry.attempts
        conditions = written?.conditions ?? Self.defaultConditions
        statusCodes = written?.statusCodes ?? []
        if let perTry = retry.perTryTimeout, timeout.map({ perTry < $0 }) ?? true {
            perTryTimeout = perTry
        } else {
            perTryTimeout = nil
        }
        self.timeout = timeout
    }

    /// `5xx,connect-failure,503`: named conditions, and status codes that Istio turns into
    /// retriable status codes.
    private static func parse(_ retryOn: String) -> (conditions: Set<String>, statusCodes: Set<Int>) {
        var conditions: Set<String> = []
        var codes: Set<Int> = []
        for item in retryOn.split(separator: ",") {
            let condition = item.trimmedSpaces
            if let code = Int(condition) { codes.insert(code) } else { conditions.insert(condition) }
        }
        return (conditions, codes)
    }

    /// Envoy retries a refused connection on a reset-like condition (`wouldRetryFromReset`).
    var retriesRefused: Bool { !conditions.isDisjoint(with: ["connect-failure", "5xx", "gateway-error", "reset"]) }

    /// A per-try timeout is retried only under these conditions (policy-semantics.md).
    var retriesPerTryTimeout: Bool { !conditions.isDisjoint(with: ["5xx", "gateway-error", "reset"]) }

    func retries(status: Int) -> Bool {
        (conditions.contains("5xx") && status >= 500)
            || (conditions.contains("gateway-error") && (502...504).contains(status))
            || (conditions.contains("retriable-4xx") && status == 409)
            || statusCodes.contains(status)
    }

    /// Tries sent for one try from above, and what the caller then sees. Backoff is left
    /// out, so the count is an upper bound when a route timeout limits how many tries fit.
    func apply(_ failure: TryFailure) -> (tries: Int, seen: TryFailure) {
        if let perTry = perTryTimeout, failure.timesOut(perTry) {
            return retriesPerTryTimeout ? repeated(every: perTry, ending: 504) : (1, .answer(status: 504, after: perTry))
        }
        if let timeout, failure.timesOut(timeout) {
            return (1, .answer(status: 504, after: timeout))
        }
        switch failure {
        case .refused:
            return (retriesRefused ? Saturating.tries(retries: retries) : 1, .answer(status: 503, after: 0))
        case .answer(let status, let after):
            return retries(status: status) ? repeated(every: after, ending: status) : (1, failure)
        case .silence, .absorbed:
            return (1, failure)
        }
    }

    /// Every try fails after `every`; the route timeout, when there is one, ends the last
    /// try that started before it with a 504.
    private func repeated(every: Nanoseconds, ending status: Int) -> (tries: Int, seen: TryFailure) {
        let tries = Saturating.tries(retries: retries)
        guard let timeout, every > 0 else { return (tries, .answer(status: status, after: Saturating.product(every, tries))) }
        let fitting = Int(timeout / every + (timeout % every == 0 ? 0 : 1))
        if fitting < tries || Saturating.product(every, tries) >= timeout {
            return (min(tries, fitting), .answer(status: 504, after: timeout))
        }
        return (tries, .answer(status: status, after: Saturating.product(every, tries)))
    }
}
