import Policy
import Scenario

/// The proxy-cache stage of `eval`: each replica's cache carries over from one request of
/// `eval --repeat` to the next, as in the simulation. eval does not know the upstream's answer,
/// so a miss stores a 200 (when 200 is cacheable) at the time of the request.
struct EvalProxyCache {
    private var caches: [Int: ProxyCache] = [:]
    /// Kong's key texts interned, as the simulation interns them.
    private var keys: [String: Int] = [:]

    /// Prints the decision; returns the stored status on a hit (the gateway answers).
    mutating func run(
        _ config: ProxyCacheConfig, stage: String, request: EvalRequest, route: GatewayRoute, consumer: String?, replica: Int,
        into report: inout EvalReport
    ) -> Int32? {
        guard config.requestMethods.contains(request.method) else {
            report.line(stage, "bypass: \(request.method) is not in request_method (\(config.requestMethods.joined(separator: ", ")))")
            return nil
        }
        let text = ProxyCacheKey.text(config, route: route.name, consumer: consumer, method: request.method, path: request.path, headers: request.headers)
        let key = keys[text] ?? keys.count
        keys[text] = key
        var cache = caches[replica] ?? ProxyCache()
        defer { caches[replica] = cache }
        if let status = cache.lookup(key, now: request.at) {
            report.line(stage, "hit on replica \(replica + 1): key \(text) → \(status) from the cache, nothing goes upstream")
            return status
        }
        let codes = config.responseCodes.map(String.init).joined(separator: ", ")
        if config.cacheControl || !config.storesJSON {
            let why = config.cacheControl ? "cache_control is on and services send no max-age" : "application/json is not in content_type"
            report.line(stage, "miss on replica \(replica + 1): key \(text); nothing is stored (\(why))")
            return nil
        }
        report.line(stage, "miss on replica \(replica + 1): key \(text); the answer is stored for \(DurationText.format(config.freshFor)) when its status is in \(codes)")
        if config.responseCodes.contains(200) {
            report.more("eval stores a 200 now (it does not know the upstream's answer)")
            cache.store(key, status: 200, now: request.at, ttl: config.freshFor)
        }
        return nil
    }
}
