/// `{1..N}` written once in a request's path (its last segment or a query value): each request
/// asks for one of N distinct resources, drawn from the client's stream by `popularity`.
/// Only proxy-cache tells the keys apart; routing (Kong route prefixes, mesh matches) and every
/// other plugin see the text before `{`, which `RequestTemplate.path` holds.
public struct RequestKeys: Sendable, Hashable {
    public enum Popularity: Sendable, Hashable {
        case uniform
        /// Key k (1-based) is asked with probability k^(-s) / Σ_{j=1..N} j^(-s).
        case zipf(Double)
    }

    public var count: Int
    public var popularity: Popularity
    /// The text after `}` ("" in `/items/{1..N}`; `&page=1` in `?id={1..N}&page=1`).
    public var suffix: String
    /// True for a query value (`?id={1..N}`), false for the last path segment.
    public var inQuery: Bool
    public var location: SourceLocation

    public init(count: Int, popularity: Popularity = .uniform, suffix: String = "", inQuery: Bool = false, location: SourceLocation) {
        self.count = count
        self.popularity = popularity
        self.suffix = suffix
        self.inQuery = inQuery
        self.location = location
    }

    /// The path of key `key` (1-based) after `prefix`, the text before `{`.
    public func path(prefix: String, key: Int) -> String {
        "\(prefix)\(key)\(suffix)"
    }

    /// The path as written, `{1..N}` included.
    public func written(prefix: String) -> String {
        "\(prefix){1..\(count)}\(suffix)"
    }
}
