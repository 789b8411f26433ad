/// `gateway.routes[*].backends[*]`: one Kubernetes Service a route splits its requests over, as
/// a Gateway API `HTTPBackendRef`: a request goes to it with probability weight / sum of weights.
public struct GatewayBackend: Sendable, Equatable {
    public var service: String
    /// 0 … 1,000,000 (the Gateway API's range); 0 sends it nothing. Default 1.
    public var weight: Int
    public var location: SourceLocation

    public init(service: String, weight: Int = 1, location: SourceLocation) {
        self.service = service
        self.weight = weight
        self.location = location
    }
}
