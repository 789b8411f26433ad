import Scenario

/// Kong's `request-termination` plugin (kong/plugins/request-termination/handler.lua): the
/// gateway answers with the configured status and never calls upstream.
public struct RequestTerminationPolicy: Sendable {
    /// DEFAULT_RESPONSE in the handler: the message for a status when none is configured.
    /// Other statuses get no body.
    public static let defaultMessages = [
        401: "Unauthorized", 404: "Not found", 405: "Method not allowed", 500: "An unexpected error occurred",
        502: "Bad Gateway", 503: "Service unavailable",
    ]

    private let config: RequestTerminationConfig

    public init(_ config: RequestTerminationConfig) {
        self.config = config
    }

    public var status: Int { config.statusCode }

    /// What Kong sends: the raw `body`, else `{"message":"…"}` with the configured or default
    /// message, else nothing.
    public var body: String? {
        if let body = config.body { return body }
        let message = config.message ?? Self.defaultMessages[config.statusCode]
        return message.map { "{\"message\":\"\($0)\"}" }
    }

    /// Whether the request is answered: always without a `trigger`; with one, when a header of
    /// that name (case-insensitive, `_` read as `-`, as nginx looks headers up) or a query
    /// argument of exactly that name is present, whatever its value.
    public func terminates(path: String, headers: [Header]) -> Bool {
        guard let trigger = config.trigger else { return true }
        let wanted = Self.normalized(trigger)
        if headers.contains(where: { Self.normalized($0.name) == wanted }) { return true }
        guard let query = path.split(separator: "?", maxSplits: 1).dropFirst().first else { return false }
        return query.split(separator: "&").contains { $0.prefix { $0 != "=" } == trigger }
    }

    private static func normalized(_ name: String) -> String {
        String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    }
}
