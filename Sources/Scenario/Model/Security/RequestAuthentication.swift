/// `mesh.requestAuthentications[*]`: an Istio RequestAuthentication (security.istio.io/v1)
/// with its metadata's `name` and `namespace` beside the spec's fields.
public struct RequestAuthentication: Sendable, Hashable {
    public var name: String
    /// nil when not written: the scenario's `namespace`.
    public var namespace: String?
    public var selector: WorkloadSelector?
    public var jwtRules: [JWTRule]
    public var location: SourceLocation

    public init(name: String, namespace: String? = nil, selector: WorkloadSelector? = nil, jwtRules: [JWTRule], location: SourceLocation) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.jwtRules = jwtRules
        self.location = location
    }

    /// `jwtRules[*]` (security/v1beta1/request_authentication.proto JWTRule).
    public struct JWTRule: Sendable, Hashable {
        public struct HeaderLocation: Sendable, Hashable {
            public var name: String
            public var prefix: String

            public init(name: String, prefix: String = "") {
                self.name = name
                self.prefix = prefix
            }
        }

        public var issuer: String
        /// Empty: any audience.
        public var audiences: [String]
        /// Empty: Istio's default, `Authorization: Bearer <token>` (and the `access_token` query parameter).
        public var fromHeaders: [HeaderLocation]
        public var fromParams: [String]
        /// `fromCookies`: meshsim's clients send no cookies, but naming a location (header,
        /// parameter or cookie) turns Istio's default location off.
        public var fromCookies: [String] = []
        /// Default false: the sidecar removes the token before the request reaches the workload.
        public var forwardOriginalToken: Bool
        public var location: SourceLocation

        public init(
            issuer: String, audiences: [String] = [], fromHeaders: [HeaderLocation] = [], fromParams: [String] = [],
            forwardOriginalToken: Bool = false, location: SourceLocation
        ) {
            self.issuer = issuer
            self.audiences = audiences
            self.fromHeaders = fromHeaders
            self.fromParams = fromParams
            self.forwardOriginalToken = forwardOriginalToken
            self.location = location
        }
    }
}
