import Scenario

/// What a caller's sidecar makes of the tries it sends to a failing service under one `http`
/// rule: the rule's `RetryPolicy` decides what is retried, and how many tries fit in its timeouts.
struct SidecarRetries {
    let policy: RetryPolicy

    init(_ rule: HTTPRoute) {
        policy = RetryPolicy(rule.retries, routeTimeout: rule.timeout)
    }

    /// A host without `http` rules: Istio's default retries, no route timeout.
    static let istioDefault = SidecarRetries(policy: RetryPolicy(nil, routeTimeout: nil))

    private init(policy: RetryPolicy) {
        self.policy = policy
    }

    /// Tries sent for one try from above, and what the caller then sees. Backoff is left
    /// out, so the count is an upper bound when a route timeout limits how many tries fit.
    func apply(_ failure: TryFailure) -> (tries: Int, seen: TryFailure) {
        if let perTry = policy.perTryTimeout, failure.timesOut(perTry) {
            return policy.isRetriable(Outcome(status: 504, flag: .timeout))
                ? repeated(every: perTry, ending: 504) : (1, .answer(status: 504, after: perTry))
        }
        if let timeout = policy.routeTimeout, failure.timesOut(timeout) {
            return (1, .answer(status: 504, after: timeout))
        }
        switch failure {
        case .refused:
            let retried = policy.isRetriable(Outcome(status: 503, flag: .connectFailure))
            return (retried ? Saturating.tries(retries: policy.maxRetries) : 1, .answer(status: 503, after: 0))
        case .answer(let status, let after):
            let retried = policy.isRetriable(Outcome(status: Int32(clamping: status), flag: .none))
            return retried ? repeated(every: after, ending: status) : (1, failure)
        case .silence, .absorbed:
            return (1, failure)
        }
    }

    /// Every try fails after `every`; the route timeout, when there is one, ends the last
    /// try that started before it with a 504.
    private func repeated(every: Nanoseconds, ending status: Int) -> (tries: Int, seen: TryFailure) {
        let tries = Saturating.tries(retries: policy.maxRetries)
        guard let timeout = policy.routeTimeout, every > 0 else {
            return (tries, .answer(status: status, after: Saturating.product(every, tries)))
        }
        let fitting = Int(timeout / every + (timeout % every == 0 ? 0 : 1))
        if fitting < tries || Saturating.product(every, tries) >= timeout {
            return (min(tries, fitting), .answer(status: 504, after: timeout))
        }
        return (tries, .answer(status: status, after: Saturating.product(every, tries)))
    }
}
