import Scenario

/// How a gateway route shares requests among its backends, as a Gateway API HTTPRoute rule
/// shares them among its `backendRefs`: backend i with probability weight_i / sum of weights,
/// by one integer draw below the sum. Kept as running sums, so a pick costs one draw and a
/// scan of a few integers.
public struct BackendSplit: Sendable, Equatable {
    /// Running sums of the weights, in backend order; the last is the total.
    public let cumulativeWeights: [Int]

    public init(_ route: GatewayRoute) {
        self.init(weights: route.backends.map(\.weight))
    }

    public init(weights: [Int]) {
        var total = 0
        cumulativeWeights = weights.map { weight in
            total += max(weight, 0)
            return total
        }
    }

    /// The backend for one request, or nil when every weight is 0: the rule then has no backend
    /// to send to, and the Gateway API's conformance test `HTTPRouteAllBackendsWeightZero`
    /// requires 500. A single backend is chosen without a draw, so a route that names one
    /// service consumes nothing from `rng`.
    @inline(__always)
    public func pick<R: RandomSource>(_ rng: inout R) -> Int? {
        guard let total = cumulativeWeights.last, total > 0 else { return nil }
        guard cumulativeWeights.count > 1 else { return 0 }
        let draw = rng.nextInt(below: total)
        return cumulativeWeights.firstIndex { draw < $0 }
    }
}
