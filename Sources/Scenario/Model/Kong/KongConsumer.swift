/// `gateway.consumers[*]`: a Kong consumer in decK's shape, with the credentials that identify
/// it and the ACL groups it belongs to.
public struct KongConsumer: Sendable, Hashable {
    /// A `jwt_secrets` entry: `key` is the value of the token's `iss` claim.
    public struct JWTSecret: Sendable, Hashable {
        public var key: String
        /// HS256 (Kong's default), HS384, HS512, RS256, …
        public var algorithm: String
        public var secret: String?

        public init(key: String, algorithm: String = "HS256", secret: String? = nil) {
            self.key = key
            self.algorithm = algorithm
            self.secret = secret
        }
    }

    public var username: String
    /// `keyauth_credentials[*].key`.
    public var keys: [String]
    public var jwtSecrets: [JWTSecret]
    /// `acls[*].group`.
    public var groups: [String]
    public var location: SourceLocation

    public init(username: String, keys: [String] = [], jwtSecrets: [JWTSecret] = [], groups: [String] = [], location: SourceLocation) {
        self.username = username
        self.keys = keys
        self.jwtSecrets = jwtSecrets
        self.groups = groups
        self.location = location
    }
}
