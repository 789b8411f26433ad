import Scenario

/// One gateway replica's proxy-cache (Kong's `memory` strategy keeps entries in the node's
/// shared dictionary, so each replica has its own). Keys are integers interned from Kong's
/// cache key (route, consumer, method, path, query, vary headers) when the run is built; the
/// table holds only the keys answered so far.
public struct ProxyCache: Sendable {
    private struct Entry: Sendable {
        var storedAt: Nanoseconds
        var ttl: Nanoseconds
        var status: Int32
    }

    private var entries: [Int: Entry] = [:]

    public init() {}

    /// The stored status when `key` holds an answer still fresh at `now`. Kong refreshes an
    /// entry once `now - timestamp > cache_ttl` (handler.lua), so it is served up to and
    /// including the instant its TTL ends.
    public func lookup(_ key: Int, now: Nanoseconds) -> Int32? {
        guard let entry = entries[key], now - entry.storedAt <= entry.ttl else { return nil }
        return entry.status
    }

    /// Stores an answer at `now`; it replaces whatever the key held (Kong's `store` overwrites).
    public mutating func store(_ key: Int, status: Int32, now: Nanoseconds, ttl: Nanoseconds) {
        entries[key] = Entry(storedAt: now, ttl: ttl, status: status)
    }

    /// Keys held, fresh or not: the memory the cache costs.
    public var count: Int { entries.count }
}
