import Scenario

/// A proxy-cache step of a gateway plan: which cache key a request of the template uses and
/// which upstream answers may be stored under it.
struct CacheLookup: Sendable {
    /// Kong's cache key without the request's key number, interned, shifted past 32 bits.
    var base: Int
    /// Whether the request's `{1..N}` key is part of Kong's key: in the path, or a query value
    /// the key covers (all parameters, or one named in `vary_query_params`).
    var keyed: Bool
    /// `cache_ttl`, or `storage_ttl` when shorter.
    var ttl: Nanoseconds
    /// False when Kong stores nothing (JSON not in `content_type`, or `cache_control`).
    var stores: Bool
    /// `response_code`.
    var codes: [Int32]

    /// The cache key of a request whose key number is `key`.
    @inline(__always)
    func key(_ key: Int32) -> Int {
        keyed ? base | Int(UInt32(bitPattern: key)) : base
    }
}
