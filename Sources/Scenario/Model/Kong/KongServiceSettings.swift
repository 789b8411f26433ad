/// `gateway.services.SERVICE`: the fields of Kong's service object that shape how the gateway
/// calls one of the scenario's services (kong/db/schema/entities/services.lua). A route's own
/// `timeout` and `retries`, where written, take precedence.
public struct KongServiceSettings: Sendable, Hashable {
    public var service: String
    /// Default 5.
    public var retries: Int
    /// Milliseconds in Kong's file; default 60 s each.
    public var connectTimeout: Nanoseconds
    public var readTimeout: Nanoseconds
    public var writeTimeout: Nanoseconds
    public var location: SourceLocation

    public init(
        service: String, retries: Int = 5, connectTimeout: Nanoseconds = 60_000_000_000, readTimeout: Nanoseconds = 60_000_000_000,
        writeTimeout: Nanoseconds = 60_000_000_000, location: SourceLocation
    ) {
        self.service = service
        self.retries = retries
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.writeTimeout = writeTimeout
        self.location = location
    }
}
