/// Kong's `request-transformer` and `response-transformer` plugins: what they do to headers
/// (the only part a simulation can observe: a mesh match may read a header the edge adds),
/// and the work they cost the gateway replica.
public struct TransformerConfig: Sendable, Hashable {
    /// Header operations in Kong's order of application: remove, rename, replace, add, append.
    public var remove: [String]
    public var rename: [Header]
    public var replace: [Header]
    public var add: [Header]
    public var append: [Header]
    /// meshsim's `latency:` beside `name` and `config`: added gateway work per request; default 0.
    public var latency: Distribution

    public init(
        remove: [String] = [], rename: [Header] = [], replace: [Header] = [], add: [Header] = [], append: [Header] = [],
        latency: Distribution = .zero
    ) {
        self.remove = remove
        self.rename = rename
        self.replace = replace
        self.add = add
        self.append = append
        self.latency = latency
    }
}
