/// The arguments of `meshsim eval`.
public struct EvalOptions: Equatable, Sendable {
    /// How many requests `--repeat` may send: enough to pass any per-day limit of a small
    /// scenario, few enough to print in seconds.
    public static let repeatRange = 1...100_000

    /// Path of the scenario file.
    public var scenario: String
    /// HTTP method of the request, upper-cased (`GET`); `nil` without `--request`, when the
    /// client's own first request is sent.
    public var method: String?
    /// Request path, starting with `/` (may carry a query string); `nil` with `method`.
    public var path: String?
    /// `--header` values in command-line order.
    public var headers: [EvalHeader]
    /// Client the request is sent as; `nil` when not given.
    public var client: String?
    /// Simulated time of the request, unparsed (for example `90s`); `nil` means 0s.
    public var at: String?
    /// Requests sent one after another through the same policy state (`--repeat`).
    public var `repeat`: Int
    /// Simulated time between two of them, unparsed; `nil` means 0s.
    public var every: String?

    public init(
        scenario: String,
        method: String? = nil,
        path: String? = nil,
        headers: [EvalHeader] = [],
        client: String? = nil,
        at: String? = nil,
        repeat: Int = 1,
        every: String? = nil
    ) {
        self.scenario = scenario
        self.method = method
        self.path = path
        self.headers = headers
        self.client = client
        self.at = at
        self.repeat = `repeat`
        self.every = every
    }
}
