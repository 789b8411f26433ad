/// Kong's `proxy-cache` plugin with the `memory` strategy (kong/plugins/proxy-cache/schema.lua):
/// one cache per gateway replica, keyed as Kong keys it.
public struct ProxyCacheConfig: Sendable, Hashable {
    /// `cache_ttl`, seconds; default 300.
    public var cacheTTL: Nanoseconds
    /// Default `[GET, HEAD]`.
    public var requestMethods: [String]
    /// Default `[200, 301, 404]`.
    public var responseCodes: [Int]
    /// Default `[text/plain, application/json]`; matched exactly.
    public var contentTypes: [String]
    /// Headers in the key; nil = none (Kong's default).
    public var varyHeaders: [String]?
    /// Query parameters in the key; nil = all of them (Kong's default).
    public var varyQueryParams: [String]?
    /// `memory.dictionary_name`; default `kong_db_cache`.
    public var dictionaryName: String

    public init(
        cacheTTL: Nanoseconds = 300_000_000_000, requestMethods: [String] = ["GET", "HEAD"], responseCodes: [Int] = [200, 301, 404],
        contentTypes: [String] = ["text/plain", "application/json"], varyHeaders: [String]? = nil, varyQueryParams: [String]? = nil,
        dictionaryName: String = "kong_db_cache"
    ) {
        self.cacheTTL = cacheTTL
        self.requestMethods = requestMethods
        self.responseCodes = responseCodes
        self.contentTypes = contentTypes
        self.varyHeaders = varyHeaders
        self.varyQueryParams = varyQueryParams
        self.dictionaryName = dictionaryName
    }
}
