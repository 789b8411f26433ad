/// `mesh.authorizationPolicies[*]`: an Istio AuthorizationPolicy (security.istio.io/v1) with
/// its metadata's `name` and `namespace` beside the spec's fields. Field names and meaning
/// are Istio's (security/v1beta1/authorization.proto); a list left out or empty is "not set".
public struct AuthorizationPolicy: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case allow = "ALLOW", deny = "DENY", audit = "AUDIT", custom = "CUSTOM"
    }

    public var name: String
    /// nil when not written: the scenario's `namespace`.
    public var namespace: String?
    public var selector: WorkloadSelector?
    /// Default ALLOW.
    public var action: Action
    /// `provider.name` for CUSTOM.
    public var provider: String?
    /// Empty: the policy never matches (for ALLOW: every request to its workloads is denied).
    public var rules: [Rule]
    public var location: SourceLocation

    public init(
        name: String, namespace: String? = nil, selector: WorkloadSelector? = nil, action: Action = .allow,
        provider: String? = nil, rules: [Rule] = [], location: SourceLocation
    ) {
        self.name = name
        self.namespace = namespace
        self.selector = selector
        self.action = action
        self.provider = provider
        self.rules = rules
        self.location = location
    }

    /// A rule matches when one of its `from` matches (or none is written), one of its `to`
    /// matches (or none), and every `when` condition holds.
    public struct Rule: Sendable, Hashable {
        public var from: [Source]
        public var to: [Operation]
        public var when: [Condition]
        public var location: SourceLocation

        public init(from: [Source] = [], to: [Operation] = [], when: [Condition] = [], location: SourceLocation) {
            self.from = from
            self.to = to
            self.when = when
            self.location = location
        }
    }

    /// `from[*].source`: every field written must match.
    public struct Source: Sendable, Hashable {
        public var principals: [String] = []
        public var notPrincipals: [String] = []
        public var requestPrincipals: [String] = []
        public var notRequestPrincipals: [String] = []
        public var namespaces: [String] = []
        public var notNamespaces: [String] = []
        /// Accepted; meshsim's callers have no IP addresses, so a rule naming them never matches
        /// (`ipBlocks`, `remoteIpBlocks`) or never excludes (`not…`), with a validate warning.
        public var ipBlocks: [String] = []
        public var notIpBlocks: [String] = []
        public var remoteIpBlocks: [String] = []
        public var notRemoteIpBlocks: [String] = []
        public var location: SourceLocation

        public init(location: SourceLocation) { self.location = location }
    }

    /// `to[*].operation`: every field written must match.
    public struct Operation: Sendable, Hashable {
        public var hosts: [String] = []
        public var notHosts: [String] = []
        public var ports: [String] = []
        public var notPorts: [String] = []
        public var methods: [String] = []
        public var notMethods: [String] = []
        public var paths: [String] = []
        public var notPaths: [String] = []
        public var location: SourceLocation

        public init(location: SourceLocation) { self.location = location }
    }

    /// `when[*]`: `key` such as `request.headers[x-user]` or `request.auth.claims[groups]`.
    public struct Condition: Sendable, Hashable {
        public var key: String
        public var values: [String]
        public var notValues: [String]
        public var location: SourceLocation

        public init(key: String, values: [String] = [], notValues: [String] = [], location: SourceLocation) {
            self.key = key
            self.values = values
            self.notValues = notValues
            self.location = location
        }
    }
}
