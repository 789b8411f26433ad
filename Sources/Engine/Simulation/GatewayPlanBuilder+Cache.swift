import Policy
import Scenario

extension GatewayPlanBuilder {
    /// A stand-in for the request's key number in Kong's key text: where it survives, the
    /// number is part of the key.
    static let keyMark = "\u{1}"

    /// The proxy-cache step of a template; nil when Kong bypasses the cache for its method.
    mutating func cacheLookup(_ config: ProxyCacheConfig, _ template: RequestTemplate, route: GatewayRoute, consumer: String?) -> CacheLookup? {
        guard config.requestMethods.contains(template.method) else { return nil }
        let path = template.keys.map { template.path + Self.keyMark + $0.suffix } ?? template.path
        let text = ProxyCacheKey.text(config, route: route.name, consumer: consumer, method: template.method, path: path, headers: template.headers)
        let base: Int
        if let known = cacheKeys[text] {
            base = known
        } else {
            base = cacheKeys.count
            cacheKeys[text] = base
        }
        return CacheLookup(
            base: base << 32, keyed: text.contains(Self.keyMark), ttl: config.freshFor,
            stores: config.storesJSON && !config.cacheControl, codes: config.responseCodes.map { Int32($0) })
    }
}
