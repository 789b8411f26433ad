/// Kong's `request-termination` plugin (kong/plugins/request-termination/schema.lua): the
/// gateway answers itself and never calls upstream.
public struct RequestTerminationConfig: Sendable, Hashable {
    /// 100 … 599; default 503.
    public var statusCode: Int
    /// `message` (sent as `{"message": …}`); nil = Kong's default text for the status.
    public var message: String?
    /// `body` with its `content_type`, instead of `message` (Kong allows only one of them).
    public var body: String?
    public var contentType: String?
    /// `trigger`: a header (or query argument) name; only requests carrying it are answered.
    public var trigger: String?

    public init(statusCode: Int = 503, message: String? = nil, body: String? = nil, contentType: String? = nil, trigger: String? = nil) {
        self.statusCode = statusCode
        self.message = message
        self.body = body
        self.contentType = contentType
        self.trigger = trigger
    }
}
