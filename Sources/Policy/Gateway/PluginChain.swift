import Scenario

/// The plugins in force on one route, in the order Kong runs them.
public enum PluginChain {
    /// A route plugin replaces the global plugin of the same kind; the result runs in Kong's
    /// priority order (kong/plugins/*/handler.lua): `jwt` (1450), `key-auth` (1250), `acl` (950),
    /// `rate-limiting` (910), Envoy's `local-rate-limit` beside it, `request-transformer` (801),
    /// `response-transformer` (800), `proxy-cache` (100), `request-termination` (2). The kind is read from the decoded config, which always agrees with
    /// the name. Kong allows one plugin of a name per scope; should a list hold two, the first
    /// is used.
    public static func effective(global: [Plugin], route: [Plugin]) -> [Plugin] {
        Kind.allCases.compactMap { kind in
            route.first { Kind($0.config) == kind } ?? global.first { Kind($0.config) == kind }
        }
    }

    /// In priority order.
    private enum Kind: CaseIterable {
        case jwt, keyAuth, acl, rateLimiting, localRateLimit, requestTransformer, responseTransformer, proxyCache, requestTermination

        init(_ config: Plugin.Config) {
            switch config {
            case .jwt: self = .jwt
            case .keyAuth: self = .keyAuth
            case .rateLimiting: self = .rateLimiting
            case .localRateLimit: self = .localRateLimit
            case .acl: self = .acl
            case .requestTransformer: self = .requestTransformer
            case .responseTransformer: self = .responseTransformer
            case .proxyCache: self = .proxyCache
            case .requestTermination: self = .requestTermination
            }
        }
    }
}
