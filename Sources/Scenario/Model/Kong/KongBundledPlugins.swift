/// The plugins Kong ships (BUNDLED_PLUGINS in kong/constants.lua), which decide what a plugin
/// name in a scenario or a manifest can be: one meshsim models, one Kong runs that changes no
/// answer meshsim computes (accepted with a warning), or a typo.
public enum KongBundledPlugins {
    /// In kong/constants.lua's order.
    public static let names = [
        "jwt", "acl", "correlation-id", "cors", "oauth2", "tcp-log", "udp-log", "file-log", "http-log", "key-auth",
        "hmac-auth", "basic-auth", "ip-restriction", "request-transformer", "response-transformer",
        "request-size-limiting", "rate-limiting", "response-ratelimiting", "syslog", "loggly", "datadog", "ldap-auth",
        "statsd", "bot-detection", "aws-lambda", "request-termination", "prometheus", "proxy-cache", "session", "acme",
        "grpc-gateway", "grpc-web", "pre-function", "post-function", "azure-functions", "zipkin", "opentelemetry",
        "ai-proxy", "ai-prompt-decorator", "ai-prompt-template", "ai-prompt-guard", "ai-request-transformer",
        "ai-response-transformer", "standard-webhooks", "redirect",
    ]

    /// Kong's plugins that meshsim does not model.
    public static var unmodelled: [String] {
        names.filter { !Plugin.names.contains($0) }
    }

    /// What `name` is to meshsim.
    public enum Kind: Sendable, Equatable {
        case modelled
        /// A real Kong plugin whose effect meshsim does not simulate.
        case unmodelled
        /// Neither: a typo or a custom plugin; `suggestion` is the closest known name.
        case unknown(suggestion: String?)
    }

    public static func kind(of name: String) -> Kind {
        if Plugin.names.contains(name) { return .modelled }
        if names.contains(name) { return .unmodelled }
        return .unknown(suggestion: Suggestion.closest(to: name, among: Plugin.names + unmodelled))
    }
}
