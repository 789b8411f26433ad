import Scenario

/// A request as the mesh sees it: what a VirtualService may match on.
public struct MeshRequest: Sendable {
    public var method: String
    /// The `:path` header, query string included.
    public var path: String
    /// In arrival order; names as sent (matching on names is case-insensitive).
    public var headers: [Header]

    public init(method: String, path: String, headers: [Header] = []) {
        self.method = method
        self.path = path
        self.headers = headers
    }
}
