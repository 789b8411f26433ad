/// `gateway.routes[*].calls`: a route whose answer is composed from several services (an
/// aggregation layer or GraphQL gateway), called in steps as a service calls its dependencies.
public struct RouteComposition: Sendable {
    /// Never empty.
    public var steps: [CallStep]
    /// `fail`: once the step with a failed call has ended, the route answers 500, as a service
    /// with `onCallFailure: fail` does; `ignore`: it goes on and answers 200 with what it has
    /// (a degraded answer).
    public var onCallFailure: Service.OnCallFailure

    public init(steps: [CallStep], onCallFailure: Service.OnCallFailure = .fail) {
        self.steps = steps
        self.onCallFailure = onCallFailure
    }
}
