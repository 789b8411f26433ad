/// Envoy's retry conditions (`x-envoy-retry-on` and `x-envoy-retry-grpc-on` policies), the
/// values Istio's `retryOn` may list. The extra retriable status codes are kept apart, in
/// `RetryPolicy.retriableStatusCodes`. meshsim models no gRPC status, HTTP/2 refused stream,
/// HTTP/3 or retriable header, so those conditions are recognised but never fire.
public struct RetryOn: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// Any 5xx answer, any reset, connect failure or per-try timeout.
    public static let fiveXX = RetryOn(rawValue: 1 << 0)
    /// 502, 503 or 504, any reset, connect failure or per-try timeout.
    public static let gatewayError = RetryOn(rawValue: 1 << 1)
    /// A reset or per-try timeout, and a connect failure.
    public static let reset = RetryOn(rawValue: 1 << 2)
    /// A reset before the request was sent: a connect failure here.
    public static let resetBeforeRequest = RetryOn(rawValue: 1 << 3)
    public static let connectFailure = RetryOn(rawValue: 1 << 4)
    /// 409 only.
    public static let retriable4xx = RetryOn(rawValue: 1 << 5)
    public static let refusedStream = RetryOn(rawValue: 1 << 6)
    public static let unavailable = RetryOn(rawValue: 1 << 7)
    public static let cancelled = RetryOn(rawValue: 1 << 8)
    public static let deadlineExceeded = RetryOn(rawValue: 1 << 9)
    public static let `internal` = RetryOn(rawValue: 1 << 10)
    public static let resourceExhausted = RetryOn(rawValue: 1 << 11)
    /// Enables the listed status codes.
    public static let retriableStatusCodes = RetryOn(rawValue: 1 << 12)
    public static let retriableHeaders = RetryOn(rawValue: 1 << 13)
    /// Retry only answers marked `x-envoy-ratelimited`; while set, Envoy judges no other answer.
    public static let envoyRateLimited = RetryOn(rawValue: 1 << 14)
    public static let http3PostConnectFailure = RetryOn(rawValue: 1 << 15)

    /// Envoy's names, in the order `summary` lists them.
    public static let names: [(condition: RetryOn, name: String)] = [
        (.fiveXX, "5xx"), (.gatewayError, "gateway-error"), (.reset, "reset"),
        (.resetBeforeRequest, "reset-before-request"), (.connectFailure, "connect-failure"),
        (.retriable4xx, "retriable-4xx"), (.refusedStream, "refused-stream"), (.unavailable, "unavailable"),
        (.cancelled, "cancelled"), (.deadlineExceeded, "deadline-exceeded"), (.internal, "internal"),
        (.resourceExhausted, "resource-exhausted"), (.retriableStatusCodes, "retriable-status-codes"),
        (.retriableHeaders, "retriable-headers"), (.envoyRateLimited, "envoy-ratelimited"),
        (.http3PostConnectFailure, "http3-post-connect-failure"),
    ]

    /// Istio's reading of a `retryOn` string: comma-separated, blanks trimmed, empty parts
    /// skipped; a part that is a known HTTP status code is a retriable status code (and then
    /// `retriable-status-codes` is switched on); a name Envoy does not know is ignored.
    public static func parse(_ text: String) -> (conditions: RetryOn, statusCodes: [Int]) {
        var conditions: RetryOn = []
        var codes: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            var word = part
            while word.first?.isWhitespace == true { word.removeFirst() }
            while word.last?.isWhitespace == true { word.removeLast() }
            if let code = Int(word), knownStatusCodes.contains(code) {
                codes.append(code)
            } else if let entry = names.first(where: { $0.name == word }) {
                conditions.insert(entry.condition)
            }
        }
        if !codes.isEmpty {
            conditions.insert(.retriableStatusCodes)
        }
        return (conditions, codes)
    }

    /// The codes Go's `http.StatusText` names: Istio treats only these as status codes, and
    /// passes any other number to Envoy as a condition name, which Envoy ignores.
    static let knownStatusCodes: Set<Int> = Set(
        [100, 101, 102, 103] + Array(200...208) + [226] + Array(300...305) + [307, 308] + Array(400...418)
            + Array(421...426) + [428, 429, 431, 451] + Array(500...508) + [510, 511]
    )
}
