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
    /// `cache_control`: with it, Kong stores only answers whose Cache-Control or Expires gives
    /// a positive TTL; simulated services send neither, so nothing is stored.
    public var cacheControl: Bool
    /// `storage_ttl`, how long the shared dictionary keeps an entry; nil = `cache_ttl`, 0 = for ever.
    public var storageTTL: Nanoseconds?
    /// `ignore_uri_case`: the key's path lowercased.
    public var ignoreURICase: Bool

    public init(
        cacheTTL: Nanoseconds = 300_000_000_000, requestMethods: [String] = ["GET", "HEAD"], responseCodes: [Int] = [200, 301, 404],
        contentTypes: [String] = ["text/plain", "application/json"], varyHeaders: [String]? = nil, varyQueryParams: [String]? = nil,
        dictionaryName: String = "kong_db_cache", cacheControl: Bool = false, storageTTL: Nanoseconds? = nil, ignoreURICase: Bool = false
    ) {
        self.cacheTTL = cacheTTL
        self.requestMethods = requestMethods
        self.responseCodes = responseCodes
        self.contentTypes = contentTypes
        self.varyHeaders = varyHeaders
        self.varyQueryParams = varyQueryParams
        self.dictionaryName = dictionaryName
        self.cacheControl = cacheControl
        self.storageTTL = storageTTL
        self.ignoreURICase = ignoreURICase
    }

    /// How long a stored answer is served: Kong refreshes it after `cache_ttl`, and the
    /// dictionary drops it after `storage_ttl` when that is shorter (0 keeps it for ever, as
    /// ngx.shared.DICT's exptime 0 does).
    public var freshFor: Nanoseconds {
        guard let storageTTL, storageTTL > 0 else { return cacheTTL }
        return min(cacheTTL, storageTTL)
    }

    /// Whether an `application/json` answer (every simulated service's) is cacheable: Kong
    /// matches type and subtype, each possibly `*`, and requires the same parameters.
    public var storesJSON: Bool {
        contentTypes.contains { written in
            let parts = written.split(separator: ";", omittingEmptySubsequences: false)
            guard parts.count == 1 else { return false }
            let mime = parts[0].split(separator: "/", omittingEmptySubsequences: false).map { $0.filter { !$0.isWhitespace }.lowercased() }
            return mime.count == 2 && ["*", "application"].contains(mime[0]) && ["*", "json"].contains(mime[1])
        }
    }
}
