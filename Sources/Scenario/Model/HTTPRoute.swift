/// One entry of an Istio VirtualService `http` list.
public struct HTTPRoute: Sendable, Hashable {
    public var name: String?
    /// OR of entries; empty = matches everything.
    public var match: [HTTPMatch]
    public var route: [RouteDestination]
    public var timeout: Nanoseconds?
    public var retries: HTTPRetry?
    public var fault: HTTPFault?
    public var mirror: Destination?
    /// Fraction 0…1; nil = 100% when `mirror` is set.
    public var mirrorPercentage: Double?
    public var location: SourceLocation

    public init(
        name: String? = nil, match: [HTTPMatch] = [], route: [RouteDestination], timeout: Nanoseconds? = nil,
        retries: HTTPRetry? = nil, fault: HTTPFault? = nil, mirror: Destination? = nil,
        mirrorPercentage: Double? = nil, location: SourceLocation
    ) {
        self.name = name
        self.match = match
        self.route = route
        self.timeout = timeout
        self.retries = retries
        self.fault = fault
        self.mirror = mirror
        self.mirrorPercentage = mirrorPercentage
        self.location = location
    }
}

/// Conditions inside one match entry are AND-ed.
public struct HTTPMatch: Sendable, Hashable {
    public var uri: StringMatch?
    public var method: StringMatch?
    public var headers: [HeaderMatch]
    public var location: SourceLocation

    public init(uri: StringMatch? = nil, method: StringMatch? = nil, headers: [HeaderMatch] = [], location: SourceLocation) {
        self.uri = uri
        self.method = method
        self.headers = headers
        self.location = location
    }
}

public enum StringMatch: Sendable, Hashable {
    case exact(String)
    case prefix(String)
    /// RE2 syntax in Istio; must match the whole value.
    case regex(String)
    /// `{}`: the header is present.
    case present
}

public struct HeaderMatch: Sendable, Hashable {
    public var name: String
    public var match: StringMatch

    public init(name: String, match: StringMatch) {
        self.name = name
        self.match = match
    }
}

public struct Destination: Sendable, Hashable {
    /// Defaults to the service that owns the route.
    public var host: String
    public var subset: String?

    public init(host: String, subset: String? = nil) {
        self.host = host
        self.subset = subset
    }
}

public struct RouteDestination: Sendable, Hashable {
    public var destination: Destination
    /// nil when not written (a single destination gets everything).
    public var weight: Int?
    public var location: SourceLocation

    public init(destination: Destination, weight: Int? = nil, location: SourceLocation) {
        self.destination = destination
        self.weight = weight
        self.location = location
    }
}

public struct HTTPRetry: Sendable, Hashable {
    public var attempts: Int
    public var perTryTimeout: Nanoseconds?
    /// As written, comma-separated (`5xx,connect-failure,503`).
    public var retryOn: String?
    public var location: SourceLocation

    public init(attempts: Int, perTryTimeout: Nanoseconds? = nil, retryOn: String? = nil, location: SourceLocation) {
        self.attempts = attempts
        self.perTryTimeout = perTryTimeout
        self.retryOn = retryOn
        self.location = location
    }
}

public struct HTTPFault: Sendable, Hashable {
    public struct Delay: Sendable, Hashable {
        /// Fraction 0…1; absent percentage = 0.
        public var fraction: Double
        public var fixedDelay: Nanoseconds

        public init(fraction: Double, fixedDelay: Nanoseconds) {
            self.fraction = fraction
            self.fixedDelay = fixedDelay
        }
    }

    public struct Abort: Sendable, Hashable {
        public var fraction: Double
        public var httpStatus: Int

        public init(fraction: Double, httpStatus: Int) {
            self.fraction = fraction
            self.httpStatus = httpStatus
        }
    }

    public var delay: Delay?
    public var abort: Abort?

    public init(delay: Delay? = nil, abort: Abort? = nil) {
        self.delay = delay
        self.abort = abort
    }
}
