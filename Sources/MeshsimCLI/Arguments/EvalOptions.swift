/// The arguments of `meshsim eval`.
public struct EvalOptions: Equatable, Sendable {
    /// Path of the scenario file.
    public var scenario: String
    /// HTTP method of the request, upper-cased (`GET`).
    public var method: String
    /// Request path, starting with `/` (may carry a query string).
    public var path: String
    /// `--header` values in command-line order.
    public var headers: [EvalHeader]
    /// Client the request is sent as; `nil` when not given.
    public var client: String?
    /// Simulated time of the request, unparsed (for example `90s`); `nil` means 0s.
    public var at: String?

    public init(
        scenario: String,
        method: String,
        path: String,
        headers: [EvalHeader] = [],
        client: String? = nil,
        at: String? = nil
    ) {
        self.scenario = scenario
        self.method = method
        self.path = path
        self.headers = headers
        self.client = client
        self.at = at
    }
}
